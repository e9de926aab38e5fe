import Foundation
import Testing

@testable import RoledeckCore

@Suite("Prediction metrics as srs-benchmark defines them")
struct PredictionMetricsTests {
    @Test func theRealHistoryScoresAsTheOracleScoresIt() throws {
        let oracle = try OptimizerFixture.oracle()
        let dataset = try OptimizerFixture.josh()
        #expect(dataset.reviewCount == oracle.reviews)
        #expect(dataset.cardCount == oracle.cards)
        #expect(dataset.scorable.count == oracle.scorable)
        for vector in oracle.metrics {
            let model = MemoryModel(weights: vector.parameters)
            let metrics = try #require(RecallPrediction.metrics(dataset, model: model))
            #expect(metrics.count == vector.n)
            #expect(abs(metrics.logLoss - vector.logLoss) < 1e-12)
            #expect(abs(metrics.rmseBins - vector.rmseBins) < 1e-12)
            #expect(abs((metrics.auc ?? 0) - (vector.auc ?? -1)) < 1e-12)
        }
    }

    @Test func logLossClipsCertainPredictionsToTheMachineEpsilon() {
        let bins = [
            MetricBin(elapsedDays: 1, sequence: 2, lapses: 0), MetricBin(elapsedDays: 1, sequence: 2, lapses: 0),
        ]
        let metrics = PredictionMetrics(predictions: [1.0, 0.5], recalled: [false, true], bins: bins)
        let expected = (-log(Double.ulpOfOne) - log(0.5)) / 2
        #expect(abs(metrics.logLoss - expected) < 1e-12)
    }

    @Test func rmseBinsWeighsEachBinsCalibrationGapByItsSize() {
        // Bin A (1 day, 2nd review): predictions 0.9, 0.7, recalled 1 of 2 → gap 0.3, weight 2.
        // Bin B (10 days): prediction 0.6, recalled → gap 0.4, weight 1.
        let a = MetricBin(elapsedDays: 1, sequence: 2, lapses: 0)
        let b = MetricBin(elapsedDays: 10, sequence: 2, lapses: 0)
        let metrics = PredictionMetrics(
            predictions: [0.9, 0.7, 0.6], recalled: [true, false, true], bins: [a, a, b])
        let expected = ((2 * 0.3 * 0.3 + 1 * 0.4 * 0.4) / 3).squareRoot()
        #expect(abs(metrics.rmseBins - expected) < 1e-12)
    }

    @Test func aucCountsTiesAsHalfAndIsNilWithOneOutcomeOnly() {
        let bin = MetricBin(elapsedDays: 3, sequence: 2, lapses: 0)
        // Pairs (remembered, forgotten): (0.8, 0.8) tie → ½, (0.9, 0.8) → 1, (0.8, 0.3) → 1, (0.9, 0.3) → 1.
        let metrics = PredictionMetrics(
            predictions: [0.8, 0.9, 0.8, 0.3], recalled: [true, true, false, false],
            bins: Array(repeating: bin, count: 4))
        #expect(metrics.auc == 3.5 / 4)
        let same = PredictionMetrics(predictions: [0.8, 0.9], recalled: [true, true], bins: [bin, bin])
        #expect(same.auc == nil)
    }

    @Test func binsFollowTheLogarithmicScales() {
        // Elapsed days: 1–3 share a bin, 4 starts the next (3.62¹); reviews: 2–3 vs 4 (1.89²);
        // lapses: none is its own bin, 1 vs 2 (1.73¹).
        #expect(MetricBin(elapsedDays: 1, sequence: 2, lapses: 0) == MetricBin(elapsedDays: 3, sequence: 3, lapses: 0))
        #expect(MetricBin(elapsedDays: 3, sequence: 2, lapses: 0) != MetricBin(elapsedDays: 4, sequence: 2, lapses: 0))
        #expect(MetricBin(elapsedDays: 1, sequence: 3, lapses: 0) != MetricBin(elapsedDays: 1, sequence: 4, lapses: 0))
        #expect(MetricBin(elapsedDays: 1, sequence: 2, lapses: 0) != MetricBin(elapsedDays: 1, sequence: 2, lapses: 1))
        #expect(MetricBin(elapsedDays: 1, sequence: 2, lapses: 1) != MetricBin(elapsedDays: 1, sequence: 2, lapses: 2))
    }
}
