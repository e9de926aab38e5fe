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
            "매개변수를 맞추려면 점수를 매길 수 있는 복습(한 카드의 이전 복습보다 뒷날의 복습)이 \(needed)개 이상 필요한데 "
                + "\(scorable)개뿐이라 \(needed - scorable)개가 더 필요합니다. 아무것도 바꾸지 않았습니다."
        case .noFirstIntervals:
            "첫 복습 뒤 다른 날에 다시 복습한 카드가 없어 초기 안정도를 맞출 수 없습니다. "
                + "아무것도 바꾸지 않았습니다."
        case .diverged:
            "맞춘 매개변수가 유한한 수가 아닙니다. 아무것도 바꾸지 않았습니다."
        case .unreadable(let path, let reason):
            "\(path): 복습 기록을 읽을 수 없습니다 (\(reason))."
        case .missingColumn(let path, let column, let header):
            "\(path):1: 머리줄에 '\(column)' 열이 없습니다 (머리줄: '\(header)'). "
                + "card_id,review_rating,review_time[,review_duration] 꼴이어야 합니다."
        case .invalidField(let path, let line, let column, let value, let expected):
            "\(path):\(line): \(column) '\(value)': \(Particle.mustBe.attach(to: expected)) 합니다."
        case .missingField(let path, let line, let column):
            "\(path):\(line): 이 줄에 \(column) 필드가 없습니다."
        case .noReviews(let path):
            "\(path): 파일에 복습이 없습니다."
        case .invalidParameters(let source, let reason):
            "\(source): \(reason)."
        }
    }
}
