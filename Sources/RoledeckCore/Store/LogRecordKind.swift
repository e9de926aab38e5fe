/// What a line of `reviews.jsonl` records.
public enum LogRecordKind: String, Codable, Sendable, CaseIterable {
    /// The learner answered a card: rating, the state before, the whole scheduler state after.
    case review
    /// Takes back the card's latest line of the kind it names (a review when it names none).
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

extension LogRecordKind {
    /// The kinds of line an undo can take back: the learner's own actions (a leech line is part of
    /// the answer that brought it).
    public static let undoable: Set<LogRecordKind> = [.review, .bury, .suspend, .unsuspend]
}
