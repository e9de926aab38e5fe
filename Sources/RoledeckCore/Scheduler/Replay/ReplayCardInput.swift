import Foundation

/// One card line of replay input with its settings resolved and its reviews checked.
public struct ReplayCardInput: Equatable, Sendable {
    /// One review to replay.
    public struct Review: Equatable, Sendable {
        /// The answer given.
        public let rating: Rating
        /// When it was given.
        public let time: Date

        /// Creates a review.
        public init(rating: Rating, time: Date) {
            self.rating = rating
            self.time = time
        }
    }

    /// The 1-based input line.
    public let line: Int
    /// "card_id" as given (echoed verbatim), or the line number when absent.
    public let cardID: JSONValue
    /// The scheduler settings for this card (settings lines, then the card's own keys).
    public let parameters: SchedulerParameters
    /// Seed for the fuzz generator; nil when the input gives none.
    public let seed: UInt64?
    /// The reviews, in non-decreasing time order.
    public let reviews: [Review]

    /// Creates an input.
    public init(
        line: Int, cardID: JSONValue, parameters: SchedulerParameters, seed: UInt64?,
        reviews: [Review]
    ) {
        self.line = line
        self.cardID = cardID
        self.parameters = parameters
        self.seed = seed
        self.reviews = reviews
    }
}
