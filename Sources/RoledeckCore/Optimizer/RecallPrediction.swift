/// What FSRS predicted before each scorable review of a dataset: each card replayed through the
/// scheduler's own memory formulas (`MemoryModel.memory(after:elapsedDays:rating:)`), so the figures
/// describe the predictions the study sessions actually schedule with.
public enum RecallPrediction {
    /// The predicted recall of every review in `dataset` (indexed like `dataset.ratings`); 0 for
    /// reviews that are not scorable.
    public static func predictions(_ dataset: ReviewDataset, model: MemoryModel) -> [Double] {
        var result = [Double](repeating: 0, count: dataset.reviewCount)
        let starts = dataset.cardStarts
        for card in 0..<(starts.count - 1) {
            var memory: (stability: Double, difficulty: Double)?
            for review in Int(starts[card])..<Int(starts[card + 1]) {
                let elapsed = Int(dataset.elapsedDays[review])
                if let memory, elapsed > 0 {
                    result[review] = model.retrievability(elapsedDays: elapsed, stability: memory.stability)
                }
                memory = model.memory(
                    after: memory, elapsedDays: memory == nil ? nil : elapsed, rating: dataset.rating(at: review))
            }
        }
        return result
    }

    /// The metrics of `model`'s predictions over the scorable reviews `rows` (positions in
    /// `dataset.scorable`, in order); nil when `rows` is empty.
    public static func metrics(_ dataset: ReviewDataset, model: MemoryModel, rows: Range<Int>? = nil)
        -> PredictionMetrics?
    {
        let rows = rows ?? dataset.scorable.indices
        guard !rows.isEmpty else { return nil }
        let all = predictions(dataset, model: model)
        return metrics(dataset, predictions: all, rows: rows)
    }

    /// The metrics of per-review `predictions` (as `predictions(_:model:)` returns them) over `rows`.
    public static func metrics(_ dataset: ReviewDataset, predictions: [Double], rows: Range<Int>) -> PredictionMetrics {
        var scored = Scored()
        scored.append(dataset, predictions: predictions, rows: rows)
        return PredictionMetrics(predictions: scored.predictions, recalled: scored.recalled, bins: scored.bins)
    }

    /// Predictions gathered with their outcomes and bins, possibly from several parameter sets.
    struct Scored {
        var predictions: [Double] = []
        var recalled: [Bool] = []
        var bins: [MetricBin] = []

        /// Adds the scorable reviews `rows` of `dataset` with their per-review `predictions`.
        mutating func append(_ dataset: ReviewDataset, predictions all: [Double], rows: Range<Int>) {
            predictions.reserveCapacity(predictions.count + rows.count)
            recalled.reserveCapacity(recalled.count + rows.count)
            bins.reserveCapacity(bins.count + rows.count)
            for row in rows {
                let scorable = dataset.scorable[row]
                let review = Int(scorable.review)
                predictions.append(all[review])
                recalled.append(dataset.ratings[review] > 1)
                bins.append(
                    MetricBin(
                        elapsedDays: Int(dataset.elapsedDays[review]), sequence: Int(scorable.sequence),
                        lapses: Int(scorable.lapses)))
            }
        }
    }
}
