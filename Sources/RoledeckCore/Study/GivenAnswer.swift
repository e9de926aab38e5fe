/// What the learner gave for a card, as the review log records it.
public struct GivenAnswer: Equatable, Sendable {
    /// The reply as typed, or the chosen options' text.
    public var answer: String?
    /// The wrong option(s) chosen in a choice card.
    public var chosen: String?
    /// A choice card's options as shown, in order.
    public var options: [String]?
    /// The right options among `options`.
    public var right: [String]?
    /// Whether the reply was judged right; nil for self-graded flashcards.
    public var correct: Bool?
    /// How long the answer took, in milliseconds (kept within `ProgressLimits.durationMs`).
    public var durationMs: Int?
    /// How the card was studied when beyond the day (ahead, cram).
    public var mode: StudyMode?

    /// Creates an answer; a duration beyond what the log holds is clamped (it is a timing, not data).
    /// `shown` is the choice card as it was on screen: its options and the right ones among them.
    public init(
        answer: String? = nil, chosen: String? = nil, shown: ChoiceQuestion? = nil, correct: Bool? = nil,
        durationMs: Int? = nil, mode: StudyMode? = nil
    ) {
        self.answer = answer
        self.mode = mode
        self.chosen = chosen
        options = shown?.options
        right = shown?.rightOptions
        self.correct = correct
        self.durationMs = durationMs.map {
            min(max($0, ProgressLimits.durationMs.lowerBound), ProgressLimits.durationMs.upperBound)
        }
    }
}

/// What recording an answer did.
public struct SavedAnswer: Equatable, Sendable {
    /// The card answered.
    public var cardID: CardID
    /// The rating given.
    public var rating: Rating
    /// The card's record after the answer.
    public var record: CardRecord
    /// Seconds until the card is due again.
    public var interval: Double
    /// True when this answer made the card a leech.
    public var becameLeech: Bool

    /// Creates a result.
    public init(cardID: CardID, rating: Rating, record: CardRecord, interval: Double, becameLeech: Bool) {
        self.cardID = cardID
        self.rating = rating
        self.record = record
        self.interval = interval
        self.becameLeech = becameLeech
    }
}
