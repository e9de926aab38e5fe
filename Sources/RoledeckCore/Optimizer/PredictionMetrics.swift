import Foundation

/// How well predicted recall probabilities match what happened, as srs-benchmark measures it.
///
/// - Log loss: the mean of −(y·ln p + (1−y)·ln(1−p)), y = 1 unless the review was rated Again, p clipped
///   to [ε, 1−ε] with ε the machine epsilon of `Double` (as scikit-learn does). Lower is better; it
///   rewards both calibration and telling remembered from forgotten.
/// - RMSE(bins): reviews are grouped by elapsed days, review count and lapse count on logarithmic
///   scales; within each bin the mean prediction is compared with the share recalled, and the
///   differences are averaged (square root of the count-weighted mean square). Lower is better; it
///   measures calibration only.
/// - AUC: the probability that a remembered review got a higher prediction than a forgotten one (ties
///   count half). 0.5 is chance; higher is better; it measures discrimination only.
public struct PredictionMetrics: Sendable, Equatable {
    /// Mean log loss.
    public var logLoss: Double
    /// RMSE over bins.
    public var rmseBins: Double
    /// ROC AUC; nil when every review had the same outcome.
    public var auc: Double?
    /// How many reviews were scored.
    public var count: Int
    /// The share of scored reviews not rated Again.
    public var meanRecall: Double
    /// The mean predicted recall.
    public var meanPrediction: Double

    /// The metrics of `predictions` against `recalled`, each review in `bins`; the three arrays are
    /// parallel and not empty.
    public init(predictions: [Double], recalled: [Bool], bins: [MetricBin]) {
        precondition(!predictions.isEmpty && predictions.count == recalled.count && predictions.count == bins.count)
        count = predictions.count
        let epsilon = Double.ulpOfOne
        var loss = 0.0
        var predictionSum = 0.0
        var recalledCount = 0
        // Bins are summed in the order they first appear, as the reference does.
        var binIndex: [MetricBin: Int] = [:]
        var sums: [(prediction: Double, recalled: Double, count: Double)] = []
        for index in predictions.indices {
            let p = predictions[index]
            let clipped = min(max(p, epsilon), 1 - epsilon)
            loss -= recalled[index] ? log(clipped) : log(1 - clipped)
            predictionSum += p
            if recalled[index] { recalledCount += 1 }
            let slot: Int
            if let known = binIndex[bins[index]] {
                slot = known
            } else {
                slot = sums.count
                binIndex[bins[index]] = slot
                sums.append((0, 0, 0))
            }
            sums[slot].prediction += p
            sums[slot].recalled += recalled[index] ? 1 : 0
            sums[slot].count += 1
        }
        logLoss = loss / Double(count)
        var squares = 0.0
        var total = 0.0
        for bin in sums {
            let difference = bin.prediction / bin.count - bin.recalled / bin.count
            squares += bin.count * difference * difference
            total += bin.count
        }
        rmseBins = (squares / total).squareRoot()
        meanRecall = Double(recalledCount) / Double(count)
        meanPrediction = predictionSum / Double(count)
        auc = Self.areaUnderCurve(predictions, recalled)
    }

    /// Mann–Whitney U over ranks, ties given their average rank.
    static func areaUnderCurve(_ predictions: [Double], _ recalled: [Bool]) -> Double? {
        let positives = recalled.count { $0 }
        let negatives = recalled.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let order = predictions.indices.sorted { predictions[$0] < predictions[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && predictions[order[end + 1]] == predictions[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for position in start...end where recalled[order[position]] { rankSum += rank }
            start = end + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }
}

/// The srs-benchmark bin of a review for RMSE(bins): elapsed days, review number and lapses, each
/// on a logarithmic scale (bases 3.62, 1.89 and 1.73).
public struct MetricBin: Hashable, Sendable {
    let elapsed: Int16
    let sequence: Int16
    let lapses: Int16

    /// The bin of a review `elapsedDays` (≥ 1) after the previous one, the card's `sequence`-th
    /// (srs-benchmark's `i`, ≥ 2), with `lapses` earlier lapses.
    public init(elapsedDays: Int, sequence: Int, lapses: Int) {
        elapsed = Int16(floor(log(Double(max(1, elapsedDays))) / log(3.62)))
        self.sequence = Int16(floor(log(Double(max(1, sequence))) / log(1.89)))
        self.lapses = lapses == 0 ? -1 : Int16(floor(log(Double(lapses)) / log(1.73)))
    }
}
