import Foundation
import RoledeckCore

/// The cards of the decks with the learner's progress, for `roledeck cards` and the REPL's `cards`:
/// progress is only read (no lock), as `stats` reads it.
public struct CardBrowser {
    /// The decks, in domain order.
    public let decks: [Deck]
    /// Each studied card's record.
    public let records: [CardID: CardRecord]
    /// The scheduler of the learner's settings, for retrievability and days.
    public let scheduler: Scheduler
    /// The progress folder, for a card's review history.
    let store: ProgressStore
    /// Set when the log is shorter than `cards.json` says: the states shown are `cards.json`'s.
    public let logShortfall: StoreError?

    /// A browser over states already in memory (the REPL's).
    public init(
        decks: [Deck], records: [CardID: CardRecord], scheduler: Scheduler, store: ProgressStore,
        logShortfall: StoreError? = nil
    ) {
        self.decks = decks
        self.records = records
        self.scheduler = scheduler
        self.store = store
        self.logShortfall = logShortfall
    }

    /// Reads `library`'s decks and progress folder as they are at `now`.
    public static func open(library: DeckLibrary, systemTimeZone: TimeZone, now: Date) throws -> CardBrowser {
        let decks = try library.decks()
        let settings = try StudySettings.load(from: library.paths.progress)
        let days = settings.days(systemTimeZone: systemTimeZone)
        let store = ProgressStore.openReadOnly(folder: library.paths.progress)
        let progress = try StatsLoader.cardStates(store: store, days: days, now: now)
        return CardBrowser(
            decks: decks, records: progress.records,
            scheduler: Scheduler(parameters: settings.parameters, dayConvention: days), store: store,
            logShortfall: progress.shortfall)
    }

    /// How study days are counted.
    public var days: DayConvention { scheduler.dayConvention }

    /// Every card of the decks, in the order new cards are introduced, as of `now`.
    public func summaries(now: Date) -> [CardSummary] {
        CardSummary.all(decks: decks, records: records, scheduler: scheduler, now: now)
    }

    /// The card `text` names (see `CardLookup`), as of `now`, with the reviews that stand.
    public func show(_ text: String, now: Date) throws -> (summary: CardSummary, reviews: [CardReview]) {
        let card = try CardLookup.find(text, in: decks.flatMap(\.cards))
        guard let deck = decks.first(where: { $0.domain.key == card.domain }) else {
            throw BrowseError.unknownCard(id: text, suggestion: nil)
        }
        let summary = CardSummary(card: card, deck: deck, record: records[card.id], scheduler: scheduler, now: now)
        let timeline = try store.timeline(days: days, only: [card.id])
        return (summary, timeline.reviews(of: card.id))
    }
}
