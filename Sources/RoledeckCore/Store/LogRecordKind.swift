/// What a line of `reviews.jsonl` records.
public enum LogRecordKind: String, Codable, Sendable, CaseIterable {
    /// The learner answered a card: rating, the state before, the whole scheduler state after.
    case review
    /// Takes back the latest review of the card that is not taken back yet.
    case undo
    /// The card was taken out of study.
    case suspend
    /// The card was put back into study.
    case unsuspend
    /// The card is hidden until `until` (the next day's rollover).
    case bury
    /// The card lapsed often enough to be flagged as a leech.
    case leech
}
