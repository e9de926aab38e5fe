import Foundation
import RoledeckCore

/// What a study session works with: the decks, the learner's progress and today's queue.
///
/// Every change goes through the core's `ProgressRecorder`, the one code that records an answer,
/// an undo, a burial or a suspension (append and fsync, the state in memory, the checkpoint by
/// policy); this type adds the decks, the queue it keeps up to date per change, and which card the
/// prompt's `bury` and `suspend` act on.
public struct StudyState {
    /// How many actions `undoLast` can take back in a row (the log itself honours up to `LogFold.undoDepth`).
    public static let undoLimit = ProgressRecorder.undoLimit

    /// The decks, in domain order.
    public let decks: [Deck]
    /// The learner's settings.
    public private(set) var settings: StudySettings
    /// How study days are counted.
    public let days: DayConvention
    /// The card answered, buried or suspended last: what `bury` and `suspend` act on at the prompt.
    public private(set) var lastCardID: CardID?

    let recorder: ProgressRecorder
    private let clock: StudyClock
    /// Every card's place, shared by the queues; `card(_:)` finds cards through it.
    private let order: CardOrder
    /// The judge and the siblings, built on a thread of their own while the first card is shown.
    private let indexes: DeckIndexes
    private let deckByDomain: [DomainKey: Deck]
    /// Today's queue over every deck, kept up to date per change; built when first asked for.
    private var todayQueue: DailyQueue?
    /// The queue of the deck studied last, likewise.
    private var deckQueue: (domain: DomainKey, queue: DailyQueue)?

    /// What saving an answer did.
    public typealias SavedReview = SavedAnswer
    /// What the learner gave for a card, as the log records it.
    public typealias GivenAnswer = RoledeckCore.GivenAnswer

    /// Loads the progress in `store` for `decks`; a writable store is needed to study.
    ///
    /// `clock`'s monotonic time paces the checkpoints of `cards.json` (the wall clock may be frozen).
    public init(
        decks: [Deck], store: ProgressStore, settings: StudySettings, systemTimeZone: TimeZone,
        clock: StudyClock = .system()
    ) throws(StoreError) {
        let recorder = try Self.openProgress(
            store: store, settings: settings, systemTimeZone: systemTimeZone, clock: clock)
        self.init(decks: decks, recorder: recorder, clock: clock)
    }

    /// The progress in `store`, opened before the decks are read (the log's digest is read first, so
    /// its file is let go before the decks take their memory).
    public static func openProgress(
        store: ProgressStore, settings: StudySettings, systemTimeZone: TimeZone, clock: StudyClock = .system()
    ) throws(StoreError) -> ProgressRecorder {
        try ProgressRecorder.open(
            store: store, settings: settings, days: settings.days(systemTimeZone: systemTimeZone),
            uptimeNanoseconds: clock.monotonicNanoseconds())
    }

    /// Studies `decks` with the progress `recorder` opened.
    public init(decks: [Deck], recorder: ProgressRecorder, clock: StudyClock = .system()) {
        self.decks = decks
        order = CardOrder(decks: decks)
        indexes = DeckIndexes(decks: decks, order: order)
        deckByDomain = Dictionary(decks.map { ($0.domain.key, $0) }, uniquingKeysWith: { first, _ in first })
        settings = recorder.settings
        days = recorder.scheduler.dayConvention
        self.clock = clock
        self.recorder = recorder
    }

    /// Whether answers can be saved (false when another session holds the progress folder, or the
    /// log is shorter than `cards.json` says).
    public var isWritable: Bool { recorder.isWritable }

    /// Why answers cannot be saved, when they cannot.
    public var readOnlyReason: StoreError? { recorder.readOnlyReason }

    /// The progress folder.
    public var progressFolder: URL { recorder.store.folder }

    /// The progress folder's store.
    var store: ProgressStore { recorder.store }

    /// The scheduler for the settings' parameters and days.
    public var scheduler: Scheduler { recorder.scheduler }

    /// Each studied card's record.
    public var records: [CardID: CardRecord] { recorder.cards }

    /// Review counts per day and the streak, from the log.
    public var history: StudyDays { recorder.fold.days }

    /// Cards whose state was recovered from the log on opening (the last session ended between
    /// writing the log and `cards.json`).
    public var recoveredFromLog: [CardID] { recorder.recoveredFromLog }

    /// How many answers can be taken back now.
    public var undoCount: Int { recorder.undoCount }

    /// Every card of the decks, in the order new cards are introduced (gathered on each call).
    public var cards: [Card] {
        order.ids.indices.map(card(atPlace:))
    }

    /// The card with `id`, if a deck has it.
    public func card(_ id: CardID) -> Card? {
        order.positions[id].map { card(atPlace: Int($0)) }
    }

    private func card(atPlace place: Int) -> Card {
        let source = order.source(ofPlace: place)
        return decks[source.deck].cards[source.card]
    }

    /// Judges replies; it knows every name of the decks, so a typo that is another real name is not
    /// forgiven. Built on a thread of its own from the start: the first call may wait for it.
    public var judge: ReplyJudge { indexes.judge }

    /// The deck a card belongs to.
    public func deck(of card: Card) -> Deck? { deckByDomain[card.domain] }

    /// What already counts against today's limits.
    public func studiedToday(now: Date) -> StudiedToday {
        history.studied(onDay: days.dayNumber(of: now))
    }

    /// Today's queue over every deck, or over `deck`'s cards only, as of `now`.
    ///
    /// The queue is built once and then updated per change, never rebuilt per card (a new study day
    /// rebuilds it).
    public mutating func queue(now: Date, deck: Deck? = nil) -> DailyQueue {
        let studied = studiedToday(now: now)
        let states = records
        let limits = settings.limits(onDay: days.dayNumber(of: now))
        if let deck {
            var queue =
                deckQueue.flatMap { $0.domain == deck.domain.key && $0.queue.dayLimits == limits ? $0.queue : nil }
                ?? DailyQueue(cards: deck.cards, states: states, now: now, days: days, limits: limits, studied: studied)
            deckQueue = nil
            queue.advance(to: now, studied: studied, states: states)
            deckQueue = (deck.domain.key, queue)
            indexes.start()
            return queue
        }
        // A queue of another day's limits (`more` added to them, or the day changed) is built again.
        var queue =
            todayQueue.flatMap { $0.dayLimits == limits ? $0 : nil }
            ?? DailyQueue(order: order, states: states, now: now, days: days, limits: limits, studied: studied)
        todayQueue = nil
        queue.advance(to: now, studied: studied, states: states)
        todayQueue = queue
        // The indexes wait for the first queue, which has both cores to itself.
        indexes.start()
        return queue
    }

    /// The queue when the next study day starts: what is due tomorrow (`DailyQueue.nextDay`).
    public func queueTomorrow(now: Date) -> DailyQueue {
        DailyQueue.nextDay(after: now, order: order, states: records, days: days, settings: settings)
    }

    /// Adds to today's limits (`more`), in `settings.json` for today only; returns the day's limits now.
    @discardableResult
    public mutating func addToTodaysLimits(newCards: Int, reviews: Int, now: Date) throws(SettingsError) -> QueueLimits
    {
        let day = days.dayNumber(of: now)
        settings = try StudySettings.addExtraLimits(
            StudySettings.ExtraLimits(day: day, newCards: newCards, reviews: reviews), in: progressFolder)
        return settings.limits(onDay: day)
    }

    /// The other cards about the same fact as `card` (same role and catalog item).
    public func siblings(of card: Card) -> [CardID] {
        guard let place = order.positions[card.id] else { return [] }
        return indexes.placesOfFact(atPlace: Int(place)).map { order.ids[Int($0)] }.filter { $0 != card.id }
    }

    // MARK: - Writing

    /// Schedules `id` with `rating` at `now`, records the review (and leech lines), and makes it undoable.
    public mutating func saveAnswer(
        _ id: CardID, rating: Rating, given: GivenAnswer, now: Date, rng: inout some RandomNumberGenerator
    ) throws(StoreError) -> SavedReview {
        let saved = try recorder.answer(
            id, rating: rating, given: given, now: now, uptimeNanoseconds: clock.monotonicNanoseconds(), rng: &rng)
        lastCardID = id
        changed(id)
        return saved
    }

    /// Takes back the latest action not taken back yet (an answer, a burial, a suspension or its
    /// end); returns it, or nil when there is none.
    public mutating func undoLast(now: Date) throws(StoreError) -> UndoableAction? {
        guard let action = try recorder.undo(now: now, uptimeNanoseconds: clock.monotonicNanoseconds()) else {
            return nil
        }
        lastCardID = action.card
        changed(action.card)
        return action
    }

    /// Hides `id` until the next study day starts; returns when it comes back.
    @discardableResult
    public mutating func bury(_ id: CardID, now: Date) throws(StoreError) -> Date {
        let until = days.nextDayStart(after: now)
        try recorder.bury(id, until: until, now: now, uptimeNanoseconds: clock.monotonicNanoseconds())
        lastCardID = id
        changed(id)
        return until
    }

    /// Takes `id` out of study until it is unsuspended.
    public mutating func suspend(_ id: CardID, now: Date) throws(StoreError) {
        try recorder.suspend(id, now: now, uptimeNanoseconds: clock.monotonicNanoseconds())
        lastCardID = id
        changed(id)
    }

    /// Puts a suspended card back into study; false when it was not suspended.
    public mutating func unsuspend(_ id: CardID, now: Date) throws(StoreError) -> Bool {
        guard try recorder.unsuspend(id, now: now, uptimeNanoseconds: clock.monotonicNanoseconds()) else {
            return false
        }
        changed(id)
        return true
    }

    /// Writes the checkpoint owed at the end of a session (see `ProgressRecorder.finish`).
    public func finish() throws(StoreError) {
        try recorder.finish()
    }

    /// Writes the checkpoint the policy called for since the last one, if any: done while the learner
    /// reads (see `ProgressRecorder.writeOwedCheckpoint`).
    public func writeOwedCheckpoint() throws(StoreError) {
        try recorder.writeOwedCheckpoint(uptimeNanoseconds: clock.monotonicNanoseconds())
    }

    /// Moves `id` in the queues to where its new record puts it.
    private mutating func changed(_ id: CardID) {
        let record = records[id]
        todayQueue?.update(id, record: record)
        deckQueue?.queue.update(id, record: record)
    }
}
