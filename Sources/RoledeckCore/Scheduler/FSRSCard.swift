import Foundation

/// The scheduling state of one flashcard: what FSRS remembers between reviews.
public struct FSRSCard: Codable, Equatable, Hashable, Sendable {
    /// The life-cycle state.
    public var state: CardState
    /// The index into the learning or relearning steps; nil in `review`.
    public var step: Int?
    /// Memory stability in days; nil until the first review.
    public var stability: Double?
    /// Memory difficulty in [1, 10]; nil until the first review.
    public var difficulty: Double?
    /// When the card is next due.
    public var due: Date
    /// When the card was last reviewed; nil until the first review.
    public var lastReview: Date?

    /// Creates a card; the defaults make a never-reviewed card due at `due`, like py-fsrs `Card()`.
    public init(
        state: CardState = .learning,
        step: Int? = nil,
        stability: Double? = nil,
        difficulty: Double? = nil,
        due: Date,
        lastReview: Date? = nil
    ) {
        self.state = state
        // py-fsrs: a Learning card without a step starts at step 0.
        self.step = (state == .learning && step == nil) ? 0 : step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A card that was never reviewed and is due at `due`.
    public static func new(due: Date) -> FSRSCard {
        FSRSCard(due: due)
    }

    /// True while the card has no memory state (never reviewed).
    public var isNew: Bool {
        stability == nil || difficulty == nil
    }
}
