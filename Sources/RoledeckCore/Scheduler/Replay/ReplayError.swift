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
            return "\(line)번째 줄 \(column)번째 열: 올바른 JSON이 아닙니다: \(detail)"
        case .notAnObject(let line):
            return "\(line)번째 줄: JSON 객체(설정 줄이나 \"reviews\"가 있는 카드)여야 합니다"
        case .invalidSetting(let line, let key, let expected):
            return
                "\(line)번째 줄: \"\(key)\"의 값은 \(Particle.mustBe.attach(to: expected)) 합니다"
        case .invalidReviews(let line):
            return "\(line)번째 줄: \"reviews\"는 비어 있지 않은 배열이어야 합니다"
        case .invalidReview(let line, let review):
            return "\(line)번째 줄: \(review + 1)번째 복습은 \"rating\"과 \"time\"이 있는 객체여야 합니다"
        case .invalidRating(let line, let review, let found):
            return "\(line)번째 줄: \(review + 1)번째 복습의 rating이 \(found)입니다. "
                + "\(Rating.koreanList) 중 하나여야 합니다"
        case .invalidTime(let line, let review, let found):
            return "\(line)번째 줄: \(review + 1)번째 복습의 time이 \(found)입니다. "
                + "\"2024-01-01T08:00:00Z\" 같은 ISO-8601 시각이어야 합니다"
        case .reviewsOutOfOrder(let line, let review):
            return "\(line)번째 줄: \(review + 1)번째 복습이 \(review)번째 복습보다 이릅니다. "
                + "복습은 시간 순서여야 합니다"
        case .invalidParameters(let line, let error):
            return "\(line)번째 줄: \(error.errorDescription ?? "스케줄러 매개변수가 잘못되었습니다")"
        case .progressLogLine(let line):
            return "\(line)번째 줄: roledeck의 복습 기록(Progress/reviews.jsonl)의 줄입니다. replay는 py-fsrs 꼴의 "
                + "복습 이력을 읽습니다: 한 줄에 카드 하나, {\"card_id\": 1, \"reviews\": [{\"rating\": 3, \"time\": \"…\"}]}. "
                + "진행 기록을 다시 계산하려면 roledeck doctor를 쓰세요"
        }
    }
}
