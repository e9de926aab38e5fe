/// One review line of the log, kept small: a million of them are held at once for the statistics.
public struct ReviewEvent: Equatable, Sendable {
    /// The card, as an index into `ReviewHistory.cardIDs`.
    public var card: Int32
    /// The study day it happened on (see `DayCounter`).
    public var day: Int32
    /// The rating given.
    public var rating: Rating
    /// The card's state when it was reviewed.
    public var before: PriorState
    /// How long the answer took, in milliseconds; 0 when not recorded.
    public var durationMs: Int32
    /// The wrong option chosen, as an index into `ReviewHistory.optionTexts`; -1 when none.
    public var chosen: Int32
    /// When a wrong option was chosen: the right options shown beside it (joined by ` | `), as an index
    /// into `ReviewHistory.optionTexts`; -1 when none was chosen or the line predates the field.
    public var right: Int32
    /// True once an undo line took the review back; undone reviews count nowhere.
    public var undone: Bool
    /// How it was studied when beyond the day (ahead, cram).
    public var mode: StudyMode?

    /// Creates an event.
    public init(
        card: Int32, day: Int32, rating: Rating, before: PriorState, durationMs: Int32 = 0, chosen: Int32 = -1,
        right: Int32 = -1, undone: Bool = false, mode: StudyMode? = nil
    ) {
        self.mode = mode
        self.card = card
        self.day = day
        self.rating = rating
        self.before = before
        self.durationMs = durationMs
        self.chosen = chosen
        self.right = right
        self.undone = undone
    }

    /// Anki's "passed" for true retention: any rating but Again.
    public var passed: Bool { rating >= .hard }
}
