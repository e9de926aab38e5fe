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
            return "FSRS 매개변수는 \(expected)개(w0…w\(expected - 1))여야 하는데 \(actual)개입니다"
        case .weightOutOfRange(let index, let value, let lower, let upper):
            return "매개변수 w\(index) = \(value): 범위 [\(lower), \(upper)] 밖입니다"
        case .desiredRetentionOutOfRange(let value):
            return "목표 기억률 \(value): 0보다 크고 1보다 작아야 합니다"
        case .invalidLearningStep(let index, let seconds):
            return "학습 단계 \(index + 1) = \(seconds)초: 0보다 크고 36,500일 이하여야 합니다"
        case .invalidRelearningStep(let index, let seconds):
            return
                "재학습 단계 \(index + 1) = \(seconds)초: 0보다 크고 36,500일 이하여야 합니다"
        case .maximumIntervalTooSmall(let days):
            return "최대 간격 \(days)일: 1일 이상이어야 합니다"
        case .maximumIntervalTooLarge(let days):
            return "최대 간격 \(days)일: \(SchedulerParameters.longestMaximumInterval)일 이하여야 합니다"
        case .several(let errors):
            let lines = errors.map { "- " + ($0.errorDescription ?? "\($0)") }
            return "스케줄러 매개변수에 문제가 \(errors.count)개 있습니다:\n"
                + lines.joined(separator: "\n")
        }
    }

    /// The individual problems (a single-element list unless this is `several`).
    public var problems: [ParametersError] {
        if case .several(let errors) = self { return errors }
        return [self]
    }
}
