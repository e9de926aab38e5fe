import Foundation

/// Everything the statistics are computed from, already read: nothing here touches a file or the clock.
public struct StatsInput: Sendable {
    /// The decks, in catalog order (cards in the order they are introduced).
    public var decks: [Deck]
    /// The studied cards' records (`cards.json`).
    public var records: [CardID: CardRecord]
    /// The review log, compacted; its `now` is the instant the statistics are taken at.
    public var history: ReviewHistory
    /// The learner's settings: desired retention, daily limits.
    public var settings: StudySettings
    /// How study days are counted (the settings' rollover hour and time zone).
    public var days: DayConvention
    /// What to narrow the figures to.
    public var filter: StatsFilter
    /// How many roles the "focus next" section lists.
    public var focusRoles: Int
    /// How many facts (weak cards, one per fact) the "focus next" section lists.
    public var focusFacts: Int
    /// How many confusion pairs are listed.
    public var confusionCount: Int

    /// Creates an input; `history` must have been built with the same `days`.
    public init(
        decks: [Deck], records: [CardID: CardRecord], history: ReviewHistory, settings: StudySettings,
        days: DayConvention, filter: StatsFilter = .all, focusRoles: Int = 3, focusFacts: Int = 5,
        confusionCount: Int = 5
    ) {
        self.decks = decks
        self.records = records
        self.history = history
        self.settings = settings
        self.days = days
        self.filter = filter
        self.focusRoles = focusRoles
        self.focusFacts = focusFacts
        self.confusionCount = confusionCount
    }

    /// The instant the statistics are taken at.
    public var now: Date { history.now }
}
