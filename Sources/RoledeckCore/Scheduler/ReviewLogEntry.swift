import Foundation

/// One review as it happened: the answer, the memory state before and after, and the schedule.
public struct ReviewLogEntry: Codable, Equatable, Hashable, Sendable {
    /// The answer given.
    public let rating: Rating
    /// When the review happened.
    public let reviewedAt: Date
    /// Whole days since the previous review under the scheduler's day convention; nil on the first.
    public let elapsedDays: Int?
    /// Seconds since the previous review; nil on the first.
    public let elapsedSeconds: TimeInterval?
    /// Predicted recall probability just before the review; nil on the first.
    public let retrievability: Double?
    /// The card's state before the review.
    public let previousState: CardState
    /// The card's state after the review.
    public let state: CardState
    /// The learning or relearning step after the review; nil in review.
    public let step: Int?
    /// Stability in days after the review.
    public let stability: Double
    /// Difficulty after the review.
    public let difficulty: Double
    /// When the card is next due.
    public let due: Date
    /// How fuzz was applied; nil unless the card is in review after this review.
    public let fuzz: FuzzDecision?

    /// Creates a log entry.
    public init(
        rating: Rating, reviewedAt: Date, elapsedDays: Int?, elapsedSeconds: TimeInterval?,
        retrievability: Double?, previousState: CardState, state: CardState, step: Int?,
        stability: Double, difficulty: Double, due: Date, fuzz: FuzzDecision?
    ) {
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.elapsedDays = elapsedDays
        self.elapsedSeconds = elapsedSeconds
        self.retrievability = retrievability
        self.previousState = previousState
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.fuzz = fuzz
    }

    /// Seconds from the review to the next due time, exact to the microsecond.
    public var intervalSeconds: TimeInterval {
        Double(due.microsecondsSince1970 - reviewedAt.microsecondsSince1970) / 1_000_000
    }

    /// Days from the review to the next due time, fractional for learning steps.
    public var intervalDays: Double {
        intervalSeconds / 86_400.0
    }
}
