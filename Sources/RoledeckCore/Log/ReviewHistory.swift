import Foundation

/// The review lines of the log, compacted for the statistics, with undone reviews marked.
///
/// `LogFold` fills it as it applies the log's lines (and marks a review undone when an undo line
/// takes it back), so the log is never held as `LogRecord`s. Reviews later than `now` are left out (by
/// the fold, with every other later line): the statistics are as of `now`, and a `--now` in the past
/// must not see the future.
public struct ReviewHistory: Sendable {
    /// Every card id the log names, in order of first appearance.
    public internal(set) var cardIDs: [CardID] = []
    /// The wrong options learners chose and the right options shown beside them, each text once.
    public internal(set) var optionTexts: [String] = []
    /// The review lines in file order, undone ones marked.
    public internal(set) var reviews: [ReviewEvent] = []
    /// How many review lines were later than `now` and left out (counted by `LogFold`).
    public internal(set) var futureReviews = 0

    /// The instant the statistics are taken at.
    public internal(set) var now: Date
    var days: DayCounter
    var cardIndex: [UTF8Key: Int32] = [:]
    var optionIndex: [UTF8Key: Int32] = [:]
    /// Set when the id tables were restored without their indexes (from the stats cache): most
    /// `stats` runs add no line, so the indexes are built only when one is added.
    var indexesNeedRebuilding = false
    private var lastID: CardID?
    private var lastIndex: Int32 = 0

    /// An empty history; days are counted with `days`.
    public init(now: Date, days: DayConvention) {
        self.now = now
        self.days = DayCounter(days)
    }

    /// The history of `records` (numbered from line 1), as `LogFold` reads them.
    public static func build(_ records: [LogRecord], now: Date, days: DayConvention) -> ReviewHistory {
        LogFold(records, days: days, horizon: now).history
    }

    /// Adds a review line (`LogFold` leaves out those later than `now`); returns its index in `reviews`.
    mutating func append(_ record: LogRecord) -> Int? {
        guard var event = event(of: record) else { return nil }
        if indexesNeedRebuilding { rebuildIndexes() }
        event.card = intern(record.cardID)
        if let text = record.chosen {
            event.chosen = internOption(text)
            if let shown = record.right, !shown.isEmpty { event.right = internOption(shown.joined(separator: " | ")) }
        }
        reviews.append(event)
        return reviews.count - 1
    }

    /// The event a review line makes, without keeping it (what a fold that keeps no history counts
    /// in its days); its card and options are not numbered. Nil when the line is no review.
    mutating func event(of record: LogRecord) -> ReviewEvent? {
        guard let rating = record.rating else { return nil }
        let duration = Int32(clamping: max(0, record.durationMs ?? 0))
        return ReviewEvent(
            card: -1, day: Int32(clamping: days.dayNumber(of: record.at)), rating: rating,
            before: record.before ?? .new, durationMs: duration, mode: record.mode)
    }

    /// The index of `text` in `optionTexts`, adding it when new.
    private mutating func internOption(_ text: String) -> Int32 {
        if let known = optionIndex[UTF8Key(text)] { return known }
        let index = Int32(optionTexts.count)
        optionIndex[UTF8Key(text)] = index
        optionTexts.append(text)
        return index
    }

    /// The index of `id` in `cardIDs`, adding it when new.
    private mutating func intern(_ id: CardID) -> Int32 {
        // Sessions review runs of the same card (learning steps), so the last id is worth a check.
        if let lastID, UTF8Key.same(lastID.rawValue, id.rawValue) { return lastIndex }
        let index: Int32
        let key = UTF8Key(id)
        if let known = cardIndex[key] {
            index = known
        } else {
            index = Int32(cardIDs.count)
            cardIndex[key] = index
            cardIDs.append(id)
        }
        lastID = id
        lastIndex = index
        return index
    }

    private mutating func rebuildIndexes() {
        cardIndex = Dictionary(
            uniqueKeysWithValues: cardIDs.enumerated().map { (UTF8Key($0.element), Int32($0.offset)) })
        optionIndex = Dictionary(
            uniqueKeysWithValues: optionTexts.enumerated().map { (UTF8Key($0.element), Int32($0.offset)) })
        indexesNeedRebuilding = false
    }
}
