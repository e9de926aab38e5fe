import Foundation
import Testing

@testable import RoledeckCore

@Suite("Fitting the FSRS-6 weights as fsrs-rs does")
struct FSRSOptimizerTests {
    @Test func theRealHistoryFitsToFsrsRsPythonsWeights() throws {
        let oracle = try OptimizerFixture.oracle()
        let fit = try FSRSOptimizer.fit(try OptimizerFixture.josh())
        #expect(fit.stage == .trained)
        #expect(OptimizerFixture.largestDifference(fit.weights, oracle.fit) < 1e-4)
        #expect(SchedulerParameters.weightViolations(fit.weights).isEmpty)
    }

    @Test func shortHistoriesGiveTheDefaultsOrOnlyThePreFitAsFsrsRsDoes() throws {
        let oracle = try OptimizerFixture.oracle()
        let dataset = try OptimizerFixture.josh()
        let stages: [Int: FSRSOptimizer.Stage] = [7: .defaults, 60: .initialStabilityOnly, 300: .trained]
        for prefix in oracle.prefixFits {
            let fit = try FSRSOptimizer.fit(dataset, rows: 0..<prefix.rows)
            #expect(fit.stage == stages[prefix.rows])
            #expect(OptimizerFixture.largestDifference(fit.weights, prefix.parameters) < 1e-4, "\(prefix.rows) rows")
        }
    }

    @Test func theSameHistoryAlwaysGivesTheSameWeights() throws {
        let dataset = try OptimizerFixture.synthetic("train")
        let first = try FSRSOptimizer.fit(dataset)
        let second = try FSRSOptimizer.fit(dataset)
        #expect(first.weights == second.weights)
        var other = FSRSOptimizer.Configuration()
        other.seed = 7
        #expect(try FSRSOptimizer.fit(dataset, configuration: other).weights != first.weights)
    }

    @Test func weightsFittedToASimulatedHistoryPredictNewReviewsAsWellAsTheTrueOnes() throws {
        let oracle = try OptimizerFixture.oracle()
        let fit = try FSRSOptimizer.fit(try OptimizerFixture.synthetic("train"))
        #expect(OptimizerFixture.largestDifference(fit.weights, oracle.synthetic.fittedParameters) < 1e-4)
        let test = try OptimizerFixture.synthetic("test")
        let fitted = try #require(RecallPrediction.metrics(test, model: MemoryModel(weights: fit.weights)))
        let truth = try #require(
            RecallPrediction.metrics(test, model: MemoryModel(weights: oracle.synthetic.trueParameters)))
        let defaults = try #require(RecallPrediction.metrics(test, model: MemoryModel(parameters: .default)))
        #expect(abs(truth.logLoss - oracle.synthetic.testTrue.logLoss) < 1e-12)
        #expect((fitted.logLoss - truth.logLoss) / truth.logLoss < 0.01)
        // The test could fail: the defaults miss by more than 1%.
        #expect((defaults.logLoss - truth.logLoss) / truth.logLoss > 0.01)
    }

    @Test func progressIsReportedAfterEveryBatchUpToTheWholeFit() throws {
        var reports: [FSRSOptimizer.Progress] = []
        _ = try FSRSOptimizer.fit(try OptimizerFixture.josh(), rows: 0..<2000) { reports.append($0) }
        // 1,9xx items after the outlier filter: 4 batches of 512 per epoch, 5 epochs.
        #expect(reports.count == 20)
        #expect(reports.map(\.epoch) == (1...5).flatMap { Array(repeating: $0, count: 4) })
        #expect(reports.last?.fraction == 1)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.fraction < $1.fraction })
    }

    @Test func tooFewReviewsAreRefusedWithHowManyMoreAreNeeded() throws {
        let dataset = ReviewDataset(
            (0..<30).flatMap { card in
                [
                    ReviewDataset.Review(card: Int32(card), day: 0, rating: .good),
                    .init(card: Int32(card), day: 3, rating: .good),
                ]
            })
        #expect(dataset.scorable.count == 30)
        #expect(throws: OptimizerError.notEnoughReviews(scorable: 30, needed: 64)) {
            try FSRSOptimizer.requireEnoughReviews(dataset)
        }
        #expect(
            OptimizerError.notEnoughReviews(scorable: 30, needed: 64).errorDescription?.contains("34개가 더 필요합니다") == true
        )
    }
}

@Suite("The pieces of a fit")
struct OptimizerPartsTests {
    @Test func chaChaTwelveMatchesRandsStdRng() {
        // rand's own value-stability test of StdRng::from_seed.
        var generator = ChaCha12Generator(
            key: [1, 0, 0, 0, 23, 0, 0, 0, 200, 1, 0, 0, 210, 30, 0, 0] + Array(repeating: 0, count: 16))
        #expect(generator.next() == 10_719_222_850_664_546_238)
    }

    @Test func shufflesArePermutationsFixedByTheSeed() {
        var first = ChaCha12Generator(seed: 2023)
        var second = ChaCha12Generator(seed: 2023)
        var a = Array(0..<100)
        var b = Array(0..<100)
        BatchShuffle.shuffle(&a, using: &first)
        BatchShuffle.shuffle(&b, using: &second)
        #expect(a == b)
        #expect(a.sorted() == Array(0..<100))
        #expect(a != Array(0..<100))
        var third = ChaCha12Generator(seed: 2024)
        var c = Array(0..<100)
        BatchShuffle.shuffle(&c, using: &third)
        #expect(c != a)
    }

    @Test func uniformDrawsStayBelowTheBound() {
        var generator = ChaCha12Generator(seed: 1)
        for bound in [1, 2, 3, 7, 1000, UInt32.max] as [UInt32] {
            for _ in 0..<200 { #expect(BatchShuffle.uniform(below: bound, using: &generator) < bound) }
        }
    }

    @Test func cosineAnnealingStartsAtTheInitialRateAndFallsToZero() {
        var schedule = CosineAnnealingSchedule(length: 4, initialRate: 0.04)
        let rates = (0..<5).map { _ in schedule.next() }
        let expected = [0.04, 0.04 * (1 + cos(Double.pi / 4)) / 2, 0.02, 0.04 * (1 + cos(3 * Double.pi / 4)) / 2, 0]
        for (rate, value) in zip(rates, expected) { #expect(abs(rate - value) < 1e-15) }
    }

    @Test func smoothingMakesInitialStabilitiesGrowWithTheRating() {
        // fsrs-rs's own vectors for its smoothing.
        let filled = InitialStability.smoothAndFill([1: 0.4, 3: 2.3, 4: 10.9], counts: [1: 1, 2: 1, 3: 1, 4: 1])
        #expect(filled == [0.4, 1.1227008, 2.3, 10.9])
        let scaled = InitialStability.smoothAndFill([2: 0.35], counts: [2: 1])
        #expect(scaled == [0.05738148, 0.35, 0.6242943, 2.2453482])
        // A smaller value for a better rating gives way to the better-supported one.
        let ordered = InitialStability.smoothAndFill([1: 3, 2: 2, 3: 4, 4: 9], counts: [1: 50, 2: 5, 3: 80, 4: 20])
        #expect(ordered == [3, 3, 4, 9])
        #expect(InitialStability.smoothAndFill([:], counts: [:]) == nil)
    }

    @Test func clippingKeepsEveryWeightWithinItsBounds() {
        var weights = [Float](repeating: 1000, count: 21)
        ParameterClipping.clip(&weights)
        #expect(weights == ParameterClipping.upper)
        weights = [Float](repeating: -1000, count: 21)
        ParameterClipping.clip(&weights)
        #expect(weights == ParameterClipping.lower)
        let decimals =
            ParameterClipping.upper.map(FSRSOptimizer.decimal) + ParameterClipping.lower.map(FSRSOptimizer.decimal)
        #expect(SchedulerParameters.weightViolations(Array(decimals.prefix(21))).isEmpty)
        #expect(SchedulerParameters.weightViolations(Array(decimals.suffix(21))).isEmpty)
    }

    @Test func theTrainingGradientAgreesWithFiniteDifferences() {
        // One card: Easy, Again the same day, Good 3 days later, Again 9 days later; predict a review 20 days on.
        let ratings: [UInt8] = [4, 1, 3, 1, 3]
        let elapsed: [Int32] = [0, 0, 3, 9, 20]
        let weights = FSRSOptimizer.defaultWeights.enumerated().map { index, value in
            // Away from the defaults so that no clamp sits on a boundary.
            index == 7 ? Float(0.05) : value
        }
        var steps = [TrainingModel.Step](repeating: .init(), count: 5)
        func loss(_ w: [Float], gradient: UnsafeMutablePointer<Double>?) -> Double {
            steps.withUnsafeMutableBufferPointer { steps in
                ratings.withUnsafeBufferPointer { r in
                    elapsed.withUnsafeBufferPointer { e in
                        TrainingModel(weights: w).loss(
                            ratings: r.baseAddress!, elapsed: e.baseAddress!, count: 5, weight: 0.7, gradient: gradient,
                            steps: steps.baseAddress!)
                    }
                }
            }
        }
        var gradient = [Double](repeating: 0, count: 21)
        _ = gradient.withUnsafeMutableBufferPointer { loss(weights, gradient: $0.baseAddress) }
        for index in 0..<21 {
            let step = max(abs(weights[index]) * 2e-3, 2e-3)
            var up = weights
            var down = weights
            up[index] += step
            down[index] -= step
            let numeric = (loss(up, gradient: nil) - loss(down, gradient: nil)) / Double(up[index] - down[index])
            let scale = max(abs(numeric), abs(gradient[index]), 1e-2)
            #expect(abs(numeric - gradient[index]) / scale < 2e-2, "w\(index): \(gradient[index]) vs \(numeric)")
        }
    }
}
