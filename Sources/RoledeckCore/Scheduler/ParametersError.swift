import Foundation

/// A problem with scheduler parameters; `several` carries every problem found at once.
public enum ParametersError: Error, Equatable, Sendable, LocalizedError {
    /// The weight list does not have exactly `expected` entries.
    case wrongWeightCount(expected: Int, actual: Int)
    /// Weight `w<index>` lies outside the py-fsrs bounds.
    case weightOutOfRange(index: Int, value: Double, lower: Double, upper: Double)
    /// Desired retention must lie strictly between 0 and 1.
    case desiredRetentionOutOfRange(Double)
    /// A learning step (0-based index) is not a positive number of seconds up to `longestStep`.
    case invalidLearningStep(index: Int, seconds: Double)
    /// A relearning step (0-based index) is not a positive number of seconds up to `longestStep`.
    case invalidRelearningStep(index: Int, seconds: Double)
    /// The maximum interval must be at least one day.
    case maximumIntervalTooSmall(Int)
    /// The maximum interval must be at most `longestMaximumInterval` days.
    case maximumIntervalTooLarge(Int)
    /// More than one problem, in the order they were found.
    case several([ParametersError])

    /// One sentence per problem; `several` lists them one per line.
    public var errorDescription: String? {
        switch self {
        case .wrongWeightCount(let expected, let actual):
            return "expected \(expected) FSRS parameters (w0...w\(expected - 1)), got \(actual)"
        case .weightOutOfRange(let index, let value, let lower, let upper):
            return "parameter w\(index) = \(value) is outside [\(lower), \(upper)]"
        case .desiredRetentionOutOfRange(let value):
            return "desired retention \(value) must be greater than 0 and less than 1"
        case .invalidLearningStep(let index, let seconds):
            return "learning step \(index + 1) = \(seconds) s must be a positive number of seconds, at most 36,500 days"
        case .invalidRelearningStep(let index, let seconds):
            return
                "relearning step \(index + 1) = \(seconds) s must be a positive number of seconds, at most 36,500 days"
        case .maximumIntervalTooSmall(let days):
            return "maximum interval \(days) must be at least 1 day"
        case .maximumIntervalTooLarge(let days):
            return "maximum interval \(days) must be at most \(SchedulerParameters.longestMaximumInterval) days"
        case .several(let errors):
            let lines = errors.map { "- " + ($0.errorDescription ?? "\($0)") }
            return "\(errors.count) problems with the scheduler parameters:\n"
                + lines.joined(separator: "\n")
        }
    }

    /// The individual problems (a single-element list unless this is `several`).
    public var problems: [ParametersError] {
        if case .several(let errors) = self { return errors }
        return [self]
    }
}
