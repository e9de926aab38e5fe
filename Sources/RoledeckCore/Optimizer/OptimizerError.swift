import Foundation

/// Why parameters cannot be fitted or evaluated; every case is one sentence for the learner.
public enum OptimizerError: Error, Equatable, Sendable {
    /// Fewer scorable reviews than a fit needs.
    case notEnoughReviews(scorable: Int, needed: Int)
    /// No card has a first review on a later day left to pre-fit the initial stabilities from.
    case noFirstIntervals
    /// Training produced weights that are not finite numbers.
    case diverged
    /// The review history file cannot be read.
    case unreadable(path: String, reason: String)
    /// The file's first line lacks a column the format needs.
    case missingColumn(path: String, column: String, header: String)
    /// A field holds something other than what the column needs.
    case invalidField(path: String, line: Int, column: String, value: String, expected: String)
    /// A line has fewer fields than the header.
    case missingField(path: String, line: Int, column: String)
    /// The file holds no reviews.
    case noReviews(path: String)
    /// A parameter list (from `source`: a flag or a file) is not 21 numbers within FSRS-6's bounds.
    case invalidParameters(source: String, reason: String)
}

extension OptimizerError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .notEnoughReviews(let scorable, let needed):
            "fitting needs at least \(needed) scorable reviews (later reviews of a card on a later day than the one "
                + "before); there are \(scorable), so \(needed - scorable) more are needed. Nothing was changed."
        case .noFirstIntervals:
            "no card has a usable first review on a later day, so the initial stabilities cannot be fitted. "
                + "Nothing was changed."
        case .diverged:
            "the fit produced weights that are not finite numbers. Nothing was changed."
        case .unreadable(let path, let reason):
            "\(path): the review history cannot be read (\(reason))."
        case .missingColumn(let path, let column, let header):
            "\(path):1: the header has no '\(column)' column (it reads '\(header)'); "
                + "expected card_id,review_rating,review_time[,review_duration]."
        case .invalidField(let path, let line, let column, let value, let expected):
            "\(path):\(line): \(column) '\(value)' must be \(expected)."
        case .missingField(let path, let line, let column):
            "\(path):\(line): the line has no \(column) field."
        case .noReviews(let path):
            "\(path): the file holds no reviews."
        case .invalidParameters(let source, let reason):
            "\(source): \(reason)."
        }
    }
}
