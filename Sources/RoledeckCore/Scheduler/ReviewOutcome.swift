import Foundation

/// What one rating would do to a card: the new card and its interval (no fuzz).
public struct ReviewOutcome: Equatable, Hashable, Sendable {
    /// The rating this outcome is for.
    public let rating: Rating
    /// The card after the review.
    public let card: FSRSCard
    /// The review log entry the review would write.
    public let log: ReviewLogEntry

    /// Seconds until the card is due again.
    public var interval: TimeInterval {
        log.intervalSeconds
    }
}

/// The four possible results of reviewing a card now, for answer-button hints.
public struct ReviewOutcomes: Equatable, Hashable, Sendable {
    /// The result of answering Again.
    public let again: ReviewOutcome
    /// The result of answering Hard.
    public let hard: ReviewOutcome
    /// The result of answering Good.
    public let good: ReviewOutcome
    /// The result of answering Easy.
    public let easy: ReviewOutcome

    /// The outcome for `rating`.
    public subscript(rating: Rating) -> ReviewOutcome {
        switch rating {
        case .again: again
        case .hard: hard
        case .good: good
        case .easy: easy
        }
    }

    /// All four outcomes in rating order.
    public var all: [ReviewOutcome] {
        [again, hard, good, easy]
    }
}
