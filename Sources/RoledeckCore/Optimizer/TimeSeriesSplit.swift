/// An honest measure of fitting: fit on the past, predict what came next.
///
/// As scikit-learn's `TimeSeriesSplit` (and srs-benchmark) cut them: the scorable reviews, in the order
/// they happened, are split into `splits + 1` equal parts (the remainder goes to the first); fold k
/// fits on everything before part k + 1 and predicts part k + 1. The metrics pool every fold's
/// predictions, beside the default weights' predictions of the same reviews.
public enum TimeSeriesSplit {
    /// One fold: the scorable reviews fitted on and those predicted (positions in `ReviewDataset.scorable`).
    public struct Fold: Sendable, Equatable {
        public var train: Range<Int>
        public var test: Range<Int>
    }

    /// The outcome of a split evaluation.
    public struct Evaluation: Sendable, Equatable {
        public var folds: [Fold]
        /// Each fold's fit.
        public var fits: [FSRSOptimizer.Fit]
        /// The metrics of the fitted weights over all predicted reviews.
        public var fitted: PredictionMetrics
        /// The metrics of the default weights over the same reviews.
        public var defaults: PredictionMetrics
    }

    /// The folds over `count` reviews; empty when there are fewer than `splits + 1`.
    public static func folds(count: Int, splits: Int = 5) -> [Fold] {
        guard splits > 0 else { return [] }
        let size = count / (splits + 1)
        guard size > 0 else { return [] }
        return (0..<splits).map { fold in
            let start = count - (splits - fold) * size
            return Fold(train: 0..<start, test: start..<(start + size))
        }
    }

    /// Fits each fold's past and scores its next part; nil when there are too few reviews to split.
    public static func evaluate(
        _ dataset: ReviewDataset, splits: Int = 5, configuration: FSRSOptimizer.Configuration = .init(),
        progress: ((Int, FSRSOptimizer.Progress) -> Void)? = nil
    ) throws(OptimizerError) -> Evaluation? {
        let folds = folds(count: dataset.scorable.count, splits: splits)
        guard !folds.isEmpty else { return nil }
        let defaults = RecallPrediction.predictions(dataset, model: MemoryModel(parameters: .default))
        var fitted = RecallPrediction.Scored()
        var baseline = RecallPrediction.Scored()
        var fits: [FSRSOptimizer.Fit] = []
        for (index, fold) in folds.enumerated() {
            let fit: FSRSOptimizer.Fit
            do {
                fit = try FSRSOptimizer.fit(
                    dataset, rows: fold.train, configuration: configuration,
                    progress: progress.map { report in { report(index, $0) } })
            } catch .noFirstIntervals {
                // Too little past to fit anything: this fold predicts with the defaults.
                fit = FSRSOptimizer.Fit(
                    weights: SchedulerParameters.defaultWeights, stage: .defaults, trainingItems: 0,
                    initialisationItems: 0)
            }
            fits.append(fit)
            let model = MemoryModel(weights: fit.weights)
            fitted.append(dataset, predictions: RecallPrediction.predictions(dataset, model: model), rows: fold.test)
            baseline.append(dataset, predictions: defaults, rows: fold.test)
        }
        return Evaluation(
            folds: folds, fits: fits,
            fitted: PredictionMetrics(predictions: fitted.predictions, recalled: fitted.recalled, bins: fitted.bins),
            defaults: PredictionMetrics(
                predictions: baseline.predictions, recalled: baseline.recalled, bins: baseline.bins))
    }
}
