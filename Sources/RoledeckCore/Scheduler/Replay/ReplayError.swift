import Foundation

/// A problem with one line of replay input; every case names its 1-based line number.
public enum ReplayError: Error, Equatable, Sendable, LocalizedError {
    /// The line is not valid JSON.
    case invalidJSON(line: Int, column: Int, detail: String)
    /// The line is JSON but not an object.
    case notAnObject(line: Int)
    /// A settings key has a value of the wrong type.
    case invalidSetting(line: Int, key: String, expected: String)
    /// "reviews" is missing, not an array, or empty.
    case invalidReviews(line: Int)
    /// Review `review` (0-based, as the output's "i") is not an object.
    case invalidReview(line: Int, review: Int)
    /// Review `review` has a rating other than 1...4; `found` is the JSON given.
    case invalidRating(line: Int, review: Int, found: String)
    /// Review `review` has no readable ISO-8601 time; `found` is the JSON given.
    case invalidTime(line: Int, review: Int, found: String)
    /// Review `review` is earlier than the review before it.
    case reviewsOutOfOrder(line: Int, review: Int)
    /// The card's settings give invalid scheduler parameters.
    case invalidParameters(line: Int, ParametersError)
    /// A line of roledeck's own review log (`reviews.jsonl`), which is no replay input.
    case progressLogLine(line: Int)

    /// The 1-based input line the problem is on.
    public var line: Int {
        switch self {
        case .invalidJSON(let line, _, _), .notAnObject(let line), .invalidSetting(let line, _, _),
            .invalidReviews(let line), .invalidReview(let line, _), .invalidRating(let line, _, _),
            .invalidTime(let line, _, _), .reviewsOutOfOrder(let line, _),
            .invalidParameters(let line, _), .progressLogLine(let line):
            return line
        }
    }

    /// Whether the line is one of roledeck's own review log.
    public var isProgressLogLine: Bool {
        if case .progressLogLine = self { true } else { false }
    }

    /// One sentence naming the line and the problem.
    public var errorDescription: String? {
        switch self {
        case .invalidJSON(let line, let column, let detail):
            return "line \(line): invalid JSON at column \(column): \(detail)"
        case .notAnObject(let line):
            return "line \(line): expected a JSON object (a settings line or a card with \"reviews\")"
        case .invalidSetting(let line, let key, let expected):
            return "line \(line): \"\(key)\" must be \(expected)"
        case .invalidReviews(let line):
            return "line \(line): \"reviews\" must be a non-empty array"
        case .invalidReview(let line, let review):
            return "line \(line): review \(review + 1) must be an object with \"rating\" and \"time\""
        case .invalidRating(let line, let review, let found):
            return "line \(line): review \(review + 1) has rating \(found); expected 1 (Again), "
                + "2 (Hard), 3 (Good) or 4 (Easy)"
        case .invalidTime(let line, let review, let found):
            return "line \(line): review \(review + 1) has time \(found); expected an ISO-8601 time "
                + "such as \"2024-01-01T08:00:00Z\""
        case .reviewsOutOfOrder(let line, let review):
            return "line \(line): review \(review + 1) is earlier than review \(review); "
                + "reviews must be in chronological order"
        case .invalidParameters(let line, let error):
            return "line \(line): \(error.errorDescription ?? "invalid scheduler parameters")"
        case .progressLogLine(let line):
            return "line \(line): a line of roledeck's review log (Progress/reviews.jsonl), not replay input"
        }
    }
}
