import Foundation
import RoledeckCore

/// Everything a study session changes, and the only code that writes progress.
///
/// Each answer is appended to the review log (fsynced) and then `cards.json` is replaced, both
/// before the call returns, so a session killed at any moment loses no answer it acknowledged.
/// The last answers can be taken back one by one (`undoLimit` of them); an undo is a log line
/// too, and restores the card's whole record and the day's counts.
public struct StudyState {
    /// How many answers `undoLast` can take back in a row (the log itself honours up to `LogRebuilder.undoDepth`).
    public static let undoLimit = 50

    /// The decks, in domain order.
    public let decks: [Deck]
    /// Every card of the decks, in the order new cards are introduced.
    public let cards: [Card]
    /// The learner's settings.
    public let settings: StudySettings
    /// How study days are counted.
    public let days: DayConvention
    /// The scheduler for the settings' parameters and days.
    public let scheduler: Scheduler
    /// Each studied card's record.
    public private(set) var records: [CardID: CardRecord]
    /// Review counts per day and the streak, from the log.
    public private(set) var history: StudyDays
    /// Cards whose state was recovered from the log on opening (the last session ended between
    /// writing the log and `cards.json`).
    public private(set) var recoveredFromLog: [CardID] = []
    /// The card answered, buried or suspended last: what `bury` and `suspend` act on at the prompt.
    public private(set) var lastCardID: CardID?

    let store: ProgressStore
    private let cardsByID: [CardID: Card]
    private let deckByDomain: [DomainKey: Deck]
    private var undoStack: [UndoEntry] = []

    struct UndoEntry {
        var cardID: CardID
        /// The record the review replaced; nil when the card was never studied.
        var replaced: CardRecord?
    }

    /// Loads the progress in `store` for `decks`; a writable store is needed to study.
    public init(
        decks: [Deck], store: ProgressStore, settings: StudySettings, systemTimeZone: TimeZone
    ) throws(StoreError) {
        self.decks = decks
        cards = IntroductionOrder.sorted(decks.flatMap(\.cards))
        cardsByID = Dictionary(cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        deckByDomain = Dictionary(decks.map { ($0.domain.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.settings = settings
        days = settings.days(systemTimeZone: systemTimeZone)
        scheduler = Scheduler(parameters: settings.parameters, dayConvention: days)
        self.store = store
        // The digest of the log that `stats` keeps in Progress/.stats-cache: a long log is read once.
        let digest = try LogDigest.load(store: store, days: days, now: .distantFuture)
        history = StudyDays(days: days, history: digest.history)
        // A session killed between appending to the log and saving cards.json leaves the log ahead;
        // loading replays the rest of the log, and a fresh checkpoint saves doing it again.
        records = try store.loadCards()
        recoveredFromLog = store.replayedFromLog
        if !recoveredFromLog.isEmpty && store.isWritable { try store.saveCards(records) }
    }

    /// Whether answers can be saved (false when another session holds the progress folder).
    public var isWritable: Bool { store.isWritable }

    /// The progress folder.
    public var progressFolder: URL { store.folder }

    /// The card with `id`, if a deck has it.
    public func card(_ id: CardID) -> Card? { cardsByID[id] }

    /// The deck a card belongs to.
    public func deck(of card: Card) -> Deck? { deckByDomain[card.domain] }

    /// What already counts against today's limits.
    public func studiedToday(now: Date) -> StudiedToday {
        history.studied(onDay: days.dayNumber(of: now))
    }

    /// Today's queue over every deck, or over `deck`'s cards only.
    public func queue(now: Date, deck: Deck? = nil) -> DailyQueue {
        DailyQueue(
            cards: deck?.cards ?? cards, states: records, now: now, days: days, limits: settings.limits,
            studied: studiedToday(now: now))
    }

    /// The queue when the next study day starts: what is due tomorrow.
    public func queueTomorrow(now: Date) -> DailyQueue {
        DailyQueue(
            cards: cards, states: records, now: days.nextDayStart(after: now), days: days, limits: settings.limits,
            studied: StudiedToday())
    }

    /// How many answers can be taken back now.
    public var undoCount: Int { undoStack.count }

    // MARK: - Writing

    /// What saving an answer did.
    public struct SavedReview: Equatable, Sendable {
        public var cardID: CardID
        public var rating: Rating
        /// The card's record after the answer.
        public var record: CardRecord
        /// Seconds until the card is due again.
        public var interval: TimeInterval
        /// True when this answer made the card a leech.
        public var becameLeech: Bool
    }

    /// What the learner gave for a card, as the log records it.
    public struct GivenAnswer: Equatable, Sendable {
        /// The reply as typed, or the chosen options' text.
        public var answer: String?
        /// The wrong option(s) chosen in a choice card.
        public var chosen: String?
        /// Whether the reply was judged right; nil for self-graded flashcards.
        public var correct: Bool?
        public var durationMs: Int?

        public init(answer: String? = nil, chosen: String? = nil, correct: Bool? = nil, durationMs: Int? = nil) {
            self.answer = answer
            self.chosen = chosen
            self.correct = correct
            self.durationMs = durationMs
        }
    }

    /// Schedules `id` with `rating` at `now`, writes the review (and leech lines) durably, and makes it undoable.
    public mutating func saveAnswer(
        _ id: CardID, rating: Rating, given: GivenAnswer, now: Date, rng: inout some RandomNumberGenerator
    ) throws(StoreError) -> SavedReview {
        try requireWritable()
        let before = records[id]
        var next = before ?? CardRecord(card: .new(due: now))
        let result = scheduler.review(next.card, rating: rating, at: now, rng: &rng)
        let lapsed = next.applyReview(rating: rating, before: PriorState(before?.card), after: result.card)
        let review = LogRecord.review(
            cardID: id, at: now, rating: rating, before: before?.card, after: result.card, answer: given.answer,
            chosen: given.chosen, correct: given.correct, durationMs: given.durationMs)
        try store.append(review)
        history.apply(review)
        var becameLeech = false
        if lapsed && isLeechLapse(next.lapses) {
            becameLeech = true
            try store.append(.event(.leech, cardID: id, at: now))
            next.leech = true
            if settings.leechAction == .suspend {
                try store.append(.event(.suspend, cardID: id, at: now))
                next.suspended = true
            }
        }
        records[id] = next
        undoStack.append(UndoEntry(cardID: id, replaced: before))
        if undoStack.count > Self.undoLimit { undoStack.removeFirst(undoStack.count - Self.undoLimit) }
        lastCardID = id
        try store.saveCards(records)
        return SavedReview(
            cardID: id, rating: rating, record: next, interval: result.log.intervalSeconds, becameLeech: becameLeech)
    }

    /// Leeches are flagged at the threshold and again every half threshold after it, as in Anki.
    private func isLeechLapse(_ lapses: Int) -> Bool {
        let threshold = settings.leechThreshold
        guard lapses >= threshold else { return false }
        return (lapses - threshold) % max(1, threshold / 2) == 0
    }

    /// Takes back the latest answer not taken back yet; returns its card, or nil when there is none.
    public mutating func undoLast(now: Date) throws(StoreError) -> CardID? {
        try requireWritable()
        guard let entry = undoStack.last else { return nil }
        let line = LogRecord.event(.undo, cardID: entry.cardID, at: now)
        try store.append(line)
        undoStack.removeLast()
        history.apply(line)
        records[entry.cardID] = entry.replaced
        lastCardID = entry.cardID
        try store.saveCards(records)
        return entry.cardID
    }

    /// Hides `id` until the next study day starts; returns when it comes back.
    @discardableResult
    public mutating func bury(_ id: CardID, now: Date) throws(StoreError) -> Date {
        try requireWritable()
        let until = days.nextDayStart(after: now)
        try store.append(.event(.bury, cardID: id, at: now, until: until))
        records[id, default: CardRecord(card: .new(due: now))].buriedUntil = until
        lastCardID = id
        try store.saveCards(records)
        return until
    }

    /// Takes `id` out of study until it is unsuspended.
    public mutating func suspend(_ id: CardID, now: Date) throws(StoreError) {
        try requireWritable()
        try store.append(.event(.suspend, cardID: id, at: now))
        records[id, default: CardRecord(card: .new(due: now))].suspended = true
        lastCardID = id
        try store.saveCards(records)
    }

    /// Puts a suspended card back into study; false when it was not suspended.
    public mutating func unsuspend(_ id: CardID, now: Date) throws(StoreError) -> Bool {
        try requireWritable()
        guard records[id]?.suspended == true else { return false }
        try store.append(.event(.unsuspend, cardID: id, at: now))
        records[id]?.suspended = false
        try store.saveCards(records)
        return true
    }

    private func requireWritable() throws(StoreError) {
        guard store.isWritable else { throw .readOnly(path: store.folder.path) }
    }
}
