/// An Anki collection as roledeck exports it: the rows of its tables and the objects its `col` row
/// holds, laid out by `AnkiExport` and written by `RoledeckAnki` as the collection file of an `.apkg`.
///
/// Times follow Anki: ids and `modified` of the collection in milliseconds, other `modified` in
/// seconds; a review card's `due` counts days from the day `creation` falls on, a card in its
/// learning steps today is due at a time in seconds, a new card's `due` is its place in the order
/// new cards come in.
public struct AnkiCollection: Equatable, Sendable {
    /// The collection's creation: the start of a study day (the rollover hour), in seconds.
    public var creation: Int64
    /// When the collection was written, in milliseconds.
    public var modified: Int64
    /// The hour a study day starts, local time.
    public var rolloverHour: Int
    /// Minutes west of UTC of the time zone at `creation` (Anki's `creationOffset`).
    public var creationMinutesWest: Int
    public var notetype: AnkiNotetype
    public var deckConfig: AnkiDeckConfig
    public var decks: [AnkiDeck]
    public var notes: [AnkiNote]
    public var cards: [AnkiCard]
    public var revlog: [AnkiRevlogEntry]
    /// The place the next new card would take.
    public var nextPosition: Int
}

/// The note type every exported note uses: one card per note.
public struct AnkiNotetype: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var fields: [String]
    /// The front and back templates, in Anki's `{{Field}}` syntax.
    public var front: String
    public var back: String
    public var css: String
}

/// The deck options preset the exported decks use: roledeck's steps, limits and FSRS parameters.
public struct AnkiDeckConfig: Equatable, Sendable {
    public var id: Int64
    public var name: String
    /// Learning and relearning steps in minutes.
    public var learningSteps: [Double]
    public var relearningSteps: [Double]
    public var newPerDay: Int
    public var reviewsPerDay: Int
    public var maximumInterval: Int
    public var leechThreshold: Int
    /// True when a leech is suspended (Anki's leech action 0), false when only tagged (1).
    public var suspendsLeeches: Bool
    public var desiredRetention: Double
    /// The 21 FSRS-6 weights.
    public var weights: [Double]
    public var burySiblings: Bool
}

/// A deck: `AI 직무` and one child per domain, `AI 직무::데이터`.
public struct AnkiDeck: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var description: String
}

/// A note: its fields in the note type's order, and its tags.
public struct AnkiNote: Equatable, Sendable {
    public var id: Int64
    /// Stable for the same roledeck card, so importing again updates the note instead of adding one.
    public var guid: String
    public var fields: [String]
    public var tags: [String]
    public var modified: Int64
}

/// A card and its schedule, in the numbers of Anki's `cards` table.
public struct AnkiCard: Equatable, Sendable {
    public var id: Int64
    public var noteID: Int64
    public var deckID: Int64
    public var modified: Int64
    /// 0 new, 1 learning, 2 review, 3 relearning.
    public var type: Int
    /// 0 new, 1 learning today (due in seconds), 2 review, 3 learning on a later day (due in days),
    /// -1 suspended, -3 buried.
    public var queue: Int
    public var due: Int64
    /// The review interval in days.
    public var interval: Int
    /// Anki's ease in permille; 2500 once studied (FSRS keeps its difficulty in `data`).
    public var factor: Int
    public var reps: Int
    public var lapses: Int
    /// The learning or relearning steps left.
    public var left: Int
    /// The FSRS memory state and more, as Anki's JSON (`{"s":…,"d":…,"dr":…,"decay":…,"lrt":…}`); empty for a new card.
    public var data: String
}

/// One review, in the numbers of Anki's `revlog` table.
public struct AnkiRevlogEntry: Equatable, Sendable {
    /// The time of the review in milliseconds (unique in the collection).
    public var id: Int64
    public var cardID: Int64
    /// The rating: 1 Again … 4 Easy.
    public var ease: Int
    /// The interval the review gave: days when positive, seconds when negative.
    public var interval: Int
    /// The interval before the review, likewise; 0 for a new card.
    public var lastInterval: Int
    /// For FSRS, the difficulty after the review, shifted to 100…1100.
    public var factor: Int
    /// Milliseconds taken, capped at a minute as Anki caps them.
    public var time: Int
    /// 0 learning, 1 review, 2 relearning.
    public var type: Int
}
