import Foundation
import RoledeckCore

/// `optimize` and `evaluate`, the same for the command line and the prompt: read the reviews, fit or
/// score, decide, and save; the text is `OptimizerText`'s.
public enum ParameterFitting {
    /// What `optimize` did.
    public struct Optimization: Sendable {
        public var loaded: ReviewSource.Loaded
        public var fit: FSRSOptimizer.Fit
        /// The weights in use before, and how well they predict the reviews.
        public var currentWeights: [Double]
        public var before: PredictionMetrics
        /// How well the fitted weights predict the same reviews.
        public var after: PredictionMetrics
        public var decision: Decision
    }

    /// Whether the fitted weights were saved.
    public enum Decision: Sendable, Equatable {
        /// Written to `settings.json` at `path`, the old ones kept as `previousParameters`.
        case saved(path: String)
        /// Not better than the current weights (log loss not lower): nothing was written.
        case notBetter
        /// Better, but `--dry-run` asked not to write.
        case dryRun
    }

    /// What `evaluate` measured.
    public struct Evaluation: Sendable {
        public var loaded: ReviewSource.Loaded
        /// The weights scored and where they came from.
        public var weights: [Double]
        public var label: ParametersChoice.Label
        public var metrics: PredictionMetrics
        /// The default weights on the same reviews, for comparison.
        public var defaults: PredictionMetrics
        /// The folds asked for, and with them fitting on the past and predicting what came next
        /// (nil when there were too few reviews to split).
        public var splitFolds: Int?
        public var split: TimeSeriesSplit.Evaluation?
    }

    /// Fits the weights to the `loaded` reviews and saves them in `progressFolder`'s settings
    /// when they predict the reviews better than `settings`' weights (unless `dryRun`).
    ///
    /// Throws `OptimizerError.notEnoughReviews` below `FSRSOptimizer.minimumScorableReviews`, before
    /// anything is written.
    public static func optimize(
        _ loaded: ReviewSource.Loaded, settings: StudySettings, progressFolder: URL, dryRun: Bool = false,
        progress: ((FSRSOptimizer.Progress) -> Void)? = nil
    ) throws -> Optimization {
        try FSRSOptimizer.requireEnoughReviews(loaded.dataset)
        let current = settings.parameters.weights
        let fit = try FSRSOptimizer.fit(loaded.dataset, progress: progress)
        let fitted = try SchedulerParameters(weights: fit.weights)
        // Both exist: there are scorable reviews.
        guard
            let before = RecallPrediction.metrics(loaded.dataset, model: MemoryModel(parameters: settings.parameters)),
            let after = RecallPrediction.metrics(loaded.dataset, model: MemoryModel(parameters: fitted))
        else {
            throw OptimizerError.notEnoughReviews(
                scorable: loaded.dataset.scorable.count, needed: FSRSOptimizer.minimumScorableReviews)
        }
        let decision: Decision
        if !(after.logLoss < before.logLoss) {
            decision = .notBetter
        } else if dryRun {
            decision = .dryRun
        } else {
            try FileManager.default.createDirectory(at: progressFolder, withIntermediateDirectories: true)
            _ = try StudySettings.saveParameters(fit.weights, in: progressFolder)
            decision = .saved(path: progressFolder.appendingPathComponent("settings.json").path)
        }
        return Optimization(
            loaded: loaded, fit: fit, currentWeights: current, before: before, after: after, decision: decision)
    }

    /// Scores `choice`'s weights on the `loaded` reviews; with `split`, also fits and predicts fold by
    /// fold (`TimeSeriesSplit`). Nil when there is no scorable review.
    public static func evaluate(
        _ loaded: ReviewSource.Loaded, choice: ParametersChoice, split: Int? = nil,
        progress: ((Int, FSRSOptimizer.Progress) -> Void)? = nil
    ) throws -> Evaluation? {
        let parameters = try SchedulerParameters(weights: choice.weights)
        guard let metrics = RecallPrediction.metrics(loaded.dataset, model: MemoryModel(parameters: parameters)),
            let defaults = RecallPrediction.metrics(loaded.dataset, model: MemoryModel(parameters: .default))
        else { return nil }
        var evaluation: TimeSeriesSplit.Evaluation?
        if let split {
            evaluation = try TimeSeriesSplit.evaluate(loaded.dataset, splits: split, progress: progress)
        }
        return Evaluation(
            loaded: loaded, weights: choice.weights, label: choice.label, metrics: metrics, defaults: defaults,
            splitFolds: split, split: evaluation)
    }
}

/// Which weights `evaluate` scores: the settings' current ones, the defaults, the ones `optimize`
/// replaced last, or a list given on the command line or in a file.
public struct ParametersChoice: Sendable, Equatable {
    /// Where the weights came from.
    public enum Label: Sendable, Equatable {
        case current, defaults, previous
        /// Typed as a list.
        case typed
        /// Read from the file at this path.
        case file(String)
    }

    public var weights: [Double]
    public var label: Label

    /// The weights `text` names: `current`, `default`, `previous`, a file holding a list, or 21 numbers.
    public static func resolve(_ text: String?, settings: StudySettings, source: String = "--parameters") throws
        -> ParametersChoice
    {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? "current"
        switch trimmed.lowercased() {
        case "current", "", "지금":
            return ParametersChoice(weights: settings.parameters.weights, label: .current)
        case "default", "defaults", "기본":
            return ParametersChoice(weights: SchedulerParameters.defaultWeights, label: .defaults)
        case "previous", "이전":
            guard let previous = settings.previousWeights else {
                throw OptimizerError.invalidParameters(
                    source: source,
                    reason: "이전 매개변수가 아직 없습니다 (optimize가 새 매개변수를 저장할 때 남깁니다)")
            }
            return ParametersChoice(weights: previous, label: .previous)
        default:
            if FileManager.default.fileExists(atPath: trimmed) {
                let weights = try ParameterList.load(from: URL(fileURLWithPath: trimmed))
                return ParametersChoice(weights: weights, label: .file(trimmed))
            }
            return ParametersChoice(weights: try ParameterList.parse(trimmed, source: source), label: .typed)
        }
    }
}
