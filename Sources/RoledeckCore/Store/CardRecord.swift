import Foundation

/// Everything roledeck remembers about one studied card: the FSRS state plus the app's own fields.
public struct CardRecord: Codable, Equatable, Hashable, Sendable {
    /// The scheduler's state.
    public var card: FSRSCard
    /// How many times the card was forgotten in the Review state (rated Again), as Anki counts lapses.
    public var lapses: Int
    /// How many reviews were made.
    public var reps: Int
    /// True when the learner (or the leech rule) took the card out of study.
    public var suspended: Bool
    /// The card is hidden until this time; nil when not buried.
    public var buriedUntil: Date?
    /// True once the card lapsed often enough to be flagged as a leech.
    public var leech: Bool

    /// Creates a record.
    public init(
        card: FSRSCard, lapses: Int = 0, reps: Int = 0, suspended: Bool = false, buriedUntil: Date? = nil,
        leech: Bool = false
    ) {
        self.card = card
        self.lapses = lapses
        self.reps = reps
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.leech = leech
    }

    /// Records a review that left the scheduler in `after`: one more rep, and a lapse when a card in
    /// Review was rated Again (Anki's count). The one rule for studying and for folding the log.
    /// Returns whether the review was a lapse.
    @discardableResult
    public mutating func applyReview(rating: Rating, before: PriorState, after: FSRSCard) -> Bool {
        card = after
        reps += 1
        let lapsed = before == .review && rating == .again
        if lapsed { lapses += 1 }
        return lapsed
    }

    private enum CodingKeys: String, CodingKey {
        case card, lapses, reps, suspended, buriedUntil, leech
    }

    /// Reads a record; counters and flags that are missing take their defaults, so files stay short.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        card = try container.decode(FSRSCard.self, forKey: .card)
        lapses = try container.decodeIfPresent(Int.self, forKey: .lapses) ?? 0
        reps = try container.decodeIfPresent(Int.self, forKey: .reps) ?? 0
        suspended = try container.decodeIfPresent(Bool.self, forKey: .suspended) ?? false
        buriedUntil = try container.decodeIfPresent(Date.self, forKey: .buriedUntil)
        leech = try container.decodeIfPresent(Bool.self, forKey: .leech) ?? false
    }

    /// Writes a record, leaving out flags that are off.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(card, forKey: .card)
        try container.encode(lapses, forKey: .lapses)
        try container.encode(reps, forKey: .reps)
        if suspended { try container.encode(true, forKey: .suspended) }
        try container.encodeIfPresent(buriedUntil, forKey: .buriedUntil)
        if leech { try container.encode(true, forKey: .leech) }
    }
}
