import Foundation

/// The review lines of the log, compacted for the statistics, with undone reviews marked.
///
/// Lines are applied one at a time from `ProgressStore.scanLog`, so the log is never held as
/// `LogRecord`s. An undo line takes back the latest review of that card not taken back yet,
/// reaching back as far as `LogRebuilder` does, so the statistics count exactly the reviews the
/// card states were built from. Reviews later than `now` are left out: the statistics are as of
/// `now`, and a `--now` in the past must not see the future.
public struct ReviewHistory: Sendable {
    /// Every card id the log names, in order of first appearance.
    public internal(set) var cardIDs: [CardID] = []
    /// The wrong options learners chose, each once.
    public internal(set) var chosenTexts: [String] = []
    /// The review lines in file order, undone ones marked.
    public internal(set) var reviews: [ReviewEvent] = []
    /// How many review lines were later than `now` and left out.
    public private(set) var futureReviews = 0

    /// The instant the statistics are taken at.
    public internal(set) var now: Date
    var days: DayCounter
    var cardIndex: [UTF8Key: Int32] = [:]
    var chosenIndex: [UTF8Key: Int32] = [:]
    /// Set when the id tables were restored without their indexes (from the stats cache): most
    /// `stats` runs add no line, so the indexes are built only when one is added.
    var indexesNeedRebuilding = false
    /// The reviews (card, index into `reviews`) an undo can still reach, by the same rule as `LogRebuilder`.
    var recent = UndoWindow<(card: Int32, review: Int)>()
    private var lastID: CardID?
    private var lastIndex: Int32 = 0

    /// An empty history; days are counted with `days`.
    public init(now: Date, days: DayConvention) {
        self.now = now
        self.days = DayCounter(days)
    }

    /// The history of `records` (numbered from line 1).
    public static func build(_ records: [LogRecord], now: Date, days: DayConvention) -> ReviewHistory {
        var history = ReviewHistory(now: now, days: days)
        for (offset, record) in records.enumerated() { history.apply(record, line: offset + 1) }
        return history
    }

    /// Applies one line of the log; `line` is its number (unused, kept for `scanLog`'s shape).
    public mutating func apply(_ record: LogRecord, line: Int) {
        if indexesNeedRebuilding { rebuildIndexes() }
        switch record.kind {
        case .review:
            guard let rating = record.rating, record.after != nil else { return }
            if record.at > now {
                futureReviews += 1
                return
            }
            let card = intern(record.cardID)
            var chosen: Int32 = -1
            if let text = record.chosen {
                if let known = chosenIndex[UTF8Key(text)] {
                    chosen = known
                } else {
                    chosen = Int32(chosenTexts.count)
                    chosenIndex[UTF8Key(text)] = chosen
                    chosenTexts.append(text)
                }
            }
            let duration = Int32(clamping: max(0, record.durationMs ?? 0))
            reviews.append(
                ReviewEvent(
                    card: card, day: Int32(clamping: days.dayNumber(of: record.at)), rating: rating,
                    before: record.before ?? .new, durationMs: duration, chosen: chosen))
            recent.append((card, reviews.count - 1))
        case .undo:
            guard record.at <= now, let card = cardIndex[UTF8Key(record.cardID)],
                let taken = recent.takeLatest(where: { $0.card == card })
            else { return }
            reviews[taken.review].undone = true
        case .suspend, .unsuspend, .bury, .leech:
            break
        }
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
        chosenIndex = Dictionary(
            uniqueKeysWithValues: chosenTexts.enumerated().map { (UTF8Key($0.element), Int32($0.offset)) })
        indexesNeedRebuilding = false
    }
}
