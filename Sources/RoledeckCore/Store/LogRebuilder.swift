/// Replays the review log into card states: the recovery for a lost or damaged `cards.json`.
///
/// Lines are applied one at a time, so a log of any length is rebuilt without holding it.
/// A review sets the card's scheduler state, counts a rep, and counts a lapse when a card in
/// Review was rated Again. An undo takes back the latest review of that card not taken back
/// yet, restoring the whole record it replaced; undo reaches back `undoDepth` reviews (the
/// REPL offers fewer), and an undo with nothing left to take back is reported, not applied.
/// Suspending or burying a card never studied gives it a record with a new card's state.
public struct LogRebuilder: Sendable {
    /// How many recent reviews an undo line can still take back.
    public static let undoDepth = 256

    /// Each card's record after the lines applied so far.
    public internal(set) var cards: [CardID: CardRecord] = [:]
    /// Line numbers of undo lines that had no review left to take back.
    public internal(set) var unmatchedUndoLines: [Int] = []
    /// How many review lines were applied (undone ones included).
    public internal(set) var reviewCount = 0
    var recent = UndoWindow<(id: CardID, replaced: CardRecord?)>()

    /// A rebuild starting from `cards` (a checkpoint), or from nothing.
    public init(cards: [CardID: CardRecord] = [:]) {
        self.cards = cards
    }

    /// Applies one line; `line` is its number in the file, for the report.
    public mutating func apply(_ record: LogRecord, line: Int) {
        let id = record.cardID
        switch record.kind {
        case .review:
            guard let after = record.after else { return }
            reviewCount += 1
            let previous = cards[id]
            var next = previous ?? CardRecord(card: after)
            if let rating = record.rating {
                next.applyReview(rating: rating, before: record.before ?? PriorState(previous?.card), after: after)
            }
            cards[id] = next
            recent.append((id, previous))
        case .undo:
            guard let taken = recent.takeLatest(where: { $0.id == id }) else {
                unmatchedUndoLines.append(line)
                return
            }
            cards[id] = taken.replaced
        case .suspend:
            cards[id, default: CardRecord(card: .new(due: record.at))].suspended = true
        case .unsuspend:
            cards[id]?.suspended = false
        case .bury:
            cards[id, default: CardRecord(card: .new(due: record.at))].buriedUntil = record.until
        case .leech:
            cards[id]?.leech = true
        }
    }

    /// The records that `records` (numbered from line 1) rebuild.
    public static func rebuild(_ records: [LogRecord]) -> RebuiltProgress {
        var rebuilder = LogRebuilder()
        for (index, record) in records.enumerated() { rebuilder.apply(record, line: index + 1) }
        return rebuilder.result
    }

    /// What has been rebuilt so far.
    public var result: RebuiltProgress {
        RebuiltProgress(cards: cards, unmatchedUndoLines: unmatchedUndoLines)
    }
}
