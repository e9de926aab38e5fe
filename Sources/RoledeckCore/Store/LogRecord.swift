import Foundation

/// One line of the append-only review log; the log alone rebuilds every card's state.
///
/// A review line holds the card's state before (its name) and after (the whole scheduler state);
/// the state before in full is the previous line's `after` for the same card, so it is not
/// written twice. Counters (reps, lapses) and flags are rebuilt from the lines in order.
public struct LogRecord: Codable, Equatable, Hashable, Sendable {
    /// The version of this line's shape; each line carries it, so a torn line hides nothing.
    public var schemaVersion: Int
    /// What happened.
    public var kind: LogRecordKind
    /// The card's id.
    public var cardID: CardID
    /// When it happened.
    public var at: Date
    /// The rating of a review.
    public var rating: Rating?
    /// The card's state when it was reviewed.
    public var before: PriorState?
    /// The scheduler's state after a review.
    public var after: FSRSCard?
    /// The answer the learner typed or chose, as given.
    public var answer: String?
    /// The wrong option the learner chose in a choice card (its text), for the confusion pairs.
    public var chosen: String?
    /// The options a choice card showed, in the order shown; nil on lines older than this field
    /// and for cards of other kinds.
    public var options: [String]?
    /// The right options among `options` (what the confusion pairs name as the right answer); nil
    /// where `options` is.
    public var right: [String]?
    /// Whether the answer was judged right, when the card was checked rather than self-graded.
    public var correct: Bool?
    /// How long the answer took, in milliseconds.
    public var durationMs: Int?
    /// The end of a burial.
    public var until: Date?
    /// The kind of line an undo takes back (`review`, `bury`, `suspend`, `unsuspend`); an undo
    /// without it, as roledeck wrote them before burials could be undone, takes back a review.
    public var undoes: LogRecordKind?
    /// How a review was studied when beyond the day (ahead, cram); nil for the daily review or a deck.
    public var mode: StudyMode?

    /// A review line.
    public static func review(
        cardID: CardID, at: Date, rating: Rating, before: FSRSCard?, after: FSRSCard, answer: String? = nil,
        chosen: String? = nil, options: [String]? = nil, right: [String]? = nil, correct: Bool? = nil,
        durationMs: Int? = nil, mode: StudyMode? = nil
    ) -> LogRecord {
        LogRecord(
            kind: .review, cardID: cardID, at: at, rating: rating, before: PriorState(before), after: after,
            answer: answer, chosen: chosen, options: options, right: right, correct: correct, durationMs: durationMs,
            mode: mode)
    }

    /// A line of a kind without a review (undo, suspend, unsuspend, leech; bury with `until`).
    public static func event(_ kind: LogRecordKind, cardID: CardID, at: Date, until: Date? = nil) -> LogRecord {
        LogRecord(kind: kind, cardID: cardID, at: at, until: until)
    }

    /// An undo line that takes back the card's latest line of kind `undone`.
    public static func undo(_ undone: LogRecordKind, cardID: CardID, at: Date) -> LogRecord {
        LogRecord(kind: .undo, cardID: cardID, at: at, undoes: undone)
    }

    /// Creates a line from its fields.
    public init(
        schemaVersion: Int = ReviewLogFile.currentSchemaVersion, kind: LogRecordKind, cardID: CardID, at: Date,
        rating: Rating? = nil, before: PriorState? = nil, after: FSRSCard? = nil, answer: String? = nil,
        chosen: String? = nil, options: [String]? = nil, right: [String]? = nil, correct: Bool? = nil,
        durationMs: Int? = nil, until: Date? = nil, undoes: LogRecordKind? = nil, mode: StudyMode? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.kind = kind
        self.cardID = cardID
        self.at = at
        self.rating = rating
        self.before = before
        self.after = after
        self.answer = answer?.nfc
        self.chosen = chosen?.nfc
        self.options = options?.map(\.nfc)
        self.right = right?.map(\.nfc)
        self.correct = correct
        self.durationMs = durationMs
        self.until = until
        self.undoes = undoes
        self.mode = mode
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, kind, at, rating, before, after, answer, chosen, options, right, correct, until, undoes
        case mode
        case cardID = "card"
        case durationMs = "ms"
    }

    /// Decodes a line and checks that each kind has the fields it needs.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        kind = try container.decode(LogRecordKind.self, forKey: .kind)
        cardID = try container.decode(CardID.self, forKey: .cardID)
        at = try container.decode(Date.self, forKey: .at)
        rating = try container.decodeIfPresent(Rating.self, forKey: .rating)
        before = try container.decodeIfPresent(PriorState.self, forKey: .before)
        after = try container.decodeIfPresent(FSRSCard.self, forKey: .after)
        answer = try container.decodeIfPresent(String.self, forKey: .answer)?.nfc
        chosen = try container.decodeIfPresent(String.self, forKey: .chosen)?.nfc
        options = try container.decodeIfPresent([String].self, forKey: .options)?.map(\.nfc)
        right = try container.decodeIfPresent([String].self, forKey: .right)?.map(\.nfc)
        correct = try container.decodeIfPresent(Bool.self, forKey: .correct)
        durationMs = try container.decodeIfPresent(Int.self, forKey: .durationMs)
        until = try container.decodeIfPresent(Date.self, forKey: .until)
        undoes = try container.decodeIfPresent(LogRecordKind.self, forKey: .undoes)
        mode = try container.decodeIfPresent(StudyMode.self, forKey: .mode)
        switch kind {
        case .review:
            if rating == nil { throw Self.missing(.rating, "복습 줄에는 rating이 있어야 합니다") }
            if after == nil { throw Self.missing(.after, "복습 줄에는 after(복습 뒤 상태)가 있어야 합니다") }
            if before == nil { throw Self.missing(.before, "복습 줄에는 before(복습 앞 상태)가 있어야 합니다") }
        case .bury:
            if until == nil { throw Self.missing(.until, "묻기(bury) 줄에는 until(끝나는 시각)이 있어야 합니다") }
        case .undo:
            if let undoes, !LogRecordKind.undoable.contains(undoes) {
                throw DecodingError.dataCorruptedError(
                    forKey: .undoes, in: container,
                    debugDescription: "undo 줄은 review, bury, suspend, unsuspend 중 하나를 되돌립니다")
            }
        case .suspend, .unsuspend, .leech:
            break
        }
    }

    private static func missing(_ key: CodingKeys, _ why: String) -> DecodingError {
        .keyNotFound(key, .init(codingPath: [], debugDescription: why))
    }

    /// Writes the fields that are set, under their short keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(kind, forKey: .kind)
        try container.encode(cardID, forKey: .cardID)
        try container.encode(at, forKey: .at)
        try container.encodeIfPresent(rating, forKey: .rating)
        try container.encodeIfPresent(before, forKey: .before)
        try container.encodeIfPresent(after, forKey: .after)
        try container.encodeIfPresent(answer, forKey: .answer)
        try container.encodeIfPresent(chosen, forKey: .chosen)
        try container.encodeIfPresent(options, forKey: .options)
        try container.encodeIfPresent(right, forKey: .right)
        try container.encodeIfPresent(correct, forKey: .correct)
        try container.encodeIfPresent(durationMs, forKey: .durationMs)
        try container.encodeIfPresent(undoes, forKey: .undoes)
        try container.encodeIfPresent(until, forKey: .until)
        try container.encodeIfPresent(mode, forKey: .mode)
    }
}
