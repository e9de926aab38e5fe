import Foundation
import Testing

@testable import RoledeckCore

@Suite("The chronological time-series split")
struct TimeSeriesSplitTests {
    @Test func foldsCutTheReviewsAsScikitLearnDoes() {
        // 20 reviews, 5 splits: parts of 20 / 6 = 3, the remainder (2) goes to the first training part.
        let folds = TimeSeriesSplit.folds(count: 20, splits: 5)
        #expect(folds.map(\.train) == [0..<5, 0..<8, 0..<11, 0..<14, 0..<17])
        #expect(folds.map(\.test) == [5..<8, 8..<11, 11..<14, 14..<17, 17..<20])
        #expect(TimeSeriesSplit.folds(count: 5, splits: 5).isEmpty)
        #expect(TimeSeriesSplit.folds(count: 6, splits: 5).map(\.test) == [1..<2, 2..<3, 3..<4, 4..<5, 5..<6])
    }

    @Test func theRealHistorySplitsAndScoresAsTheReferenceDoes() throws {
        let oracle = try OptimizerFixture.oracle()
        let evaluation = try #require(try TimeSeriesSplit.evaluate(try OptimizerFixture.josh()))
        #expect(evaluation.folds.map(\.train.upperBound) == oracle.tss.folds.map(\.train))
        #expect(evaluation.folds.map(\.test.count) == oracle.tss.folds.map(\.test))
        for (fit, fold) in zip(evaluation.fits, oracle.tss.folds) {
            #expect(OptimizerFixture.largestDifference(fit.weights, fold.parameters) < 1e-4)
        }
        #expect(abs(evaluation.defaults.logLoss - oracle.tss.defaults.logLoss) < 1e-12)
        #expect(abs(evaluation.defaults.rmseBins - oracle.tss.defaults.rmseBins) < 1e-12)
        #expect(abs(evaluation.fitted.logLoss - oracle.tss.fitted.logLoss) < 1e-6)
        #expect(abs(evaluation.fitted.rmseBins - oracle.tss.fitted.rmseBins) < 1e-5)
        #expect(evaluation.fitted.count == oracle.tss.fitted.n)
    }
}
