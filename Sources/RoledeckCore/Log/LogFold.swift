import Foundation

/// The one reading of the review log: every card's state, the review history the statistics use,
/// the counts per study day (the daily limits, the streak) and what an undo takes back all come
/// from applying the log's lines, in order, here. A study session keeps one and applies each line
/// it appends, so what it holds in memory is by construction what folding its log gives.
///
/// - A review sets the card's scheduler state, counts a rep, and a lapse when a card in Review
///   was rated Again (`CardRecord.applyReview`).
/// - An undo takes back the card's latest action of the kind it names (a review, burial,
///   suspension or unsuspension; a review when it names none, as older logs' undo lines do), among
///   the last `undoDepth` actions or more. The card gets back the whole record that action
///   replaced, and the card's actions after it go with it, since they were built on what is taken
///   back (roledeck itself only ever takes back the latest). A review taken back is marked undone
///   in the history and leaves its day's counts. An undo with nothing left to take back is
///   reported (`unmatchedUndoLines`), not applied.
/// - Suspending or burying a card never studied gives it a record with a new card's state.
///
/// Lines later than `horizon` (a look back with `--now`) are left out altogether: the fold is then
/// the log as it stood at that time (card states, history, day counts, undo), so statistics taken in
/// the past never see the future. They are counted (`laterLines`), and `latest` still sees them.
///
/// A fold that does not keep the history (`keepsHistory` false: a study session, which needs the
/// states, the day counts and undo, not a million reviews for the statistics) applies every line
/// the same way, undo included, and leaves `history.reviews` empty.
public struct LogFold: Sendable {
    /// How many recent actions an undo line can still take back.
    public static let undoDepth = 256

    /// No horizon: later than any time the progress files can hold (`Date.distantFuture` is only the
    /// year 4001, and a `--now` in the year 9999 is allowed).
    public static let noHorizon = Date(timeIntervalSince1970: 253_402_300_800)

    /// Each card's record after the lines applied so far.
    public internal(set) var cards: [CardID: CardRecord] = [:]
    /// The reviews up to `horizon`, compacted, undone ones marked.
    public internal(set) var history: ReviewHistory
    /// What each study day holds: the counts the daily limits use, and the streak.
    public internal(set) var days: StudyDays
    /// Line numbers of undo lines that had no review left to take back.
    public internal(set) var unmatchedUndoLines: [Int] = []
    /// How many review lines were applied (undone ones included).
    public internal(set) var reviewCount = 0
    /// The latest time of any line met, those later than the horizon included.
    public internal(set) var latest = Date.distantPast
    /// How many lines were later than the horizon and left out.
    public internal(set) var laterLines = 0
    /// The actions an undo can still reach, oldest first.
    var recent = UndoWindow<UndoEntry>()
    /// Whether the reviews are kept in `history` (the statistics need them; a session does not).
    public let keepsHistory: Bool

    /// An action an undo line can take back.
    struct UndoEntry: Equatable, Sendable {
        var card: CardID
        /// The kind of line: review, bury, suspend or unsuspend.
        var kind: LogRecordKind
        /// A review's index in `history.reviews`; -1 for other kinds, or when the history is not kept
        /// (a session's fold, or one restored without it).
        var review: Int
        /// A review as `days` counts it (what an undo takes back from the day counts, with or without
        /// the history); nil for other kinds.
        var counted: ReviewEvent?
        /// The record the action replaced; nil when the card had none.
        var replaced: CardRecord?

        /// The entry as a fold that keeps no history holds it: no review numbered, and the count's card
        /// and options not numbered either (an undo counts back by the event alone).
        var withoutHistory: UndoEntry {
            var entry = self
            entry.review = -1
            entry.counted?.card = -1
            entry.counted?.chosen = -1
            entry.counted?.right = -1
            return entry
        }
    }

    /// An empty fold counting days with `days`; reviews later than `horizon` stay out of the history.
    /// Without `keepsHistory` the reviews are counted in `days` but not kept.
    public init(days: DayConvention, horizon: Date = LogFold.noHorizon, keepsHistory: Bool = true) {
        history = ReviewHistory(now: horizon, days: days)
        self.days = StudyDays(days: days)
        self.keepsHistory = keepsHistory
    }

    /// A fold that starts from `cards` (a checkpoint's states) rather than from nothing.
    public init(cards: [CardID: CardRecord], days: DayConvention = .pyFSRS, keepsHistory: Bool = true) {
        self.init(days: days, keepsHistory: keepsHistory)
        self.cards = cards
    }

    /// The fold of `records`, numbered from line 1.
    public init(_ records: some Sequence<LogRecord>, days: DayConvention, horizon: Date = LogFold.noHorizon) {
        self.init(days: days, horizon: horizon)
        for (offset, record) in records.enumerated() { apply(record, line: offset + 1) }
    }

    /// The time after which lines are left out.
    public var horizon: Date { history.now }

    /// Applies one line; `line` is its number in the file, for the report of unmatched undos.
    public mutating func apply(_ record: LogRecord, line: Int) {
        let id = record.cardID
        if record.at > latest { latest = record.at }
        guard record.at <= horizon else {
            laterLines += 1
            if record.kind == .review { history.futureReviews += 1 }
            return
        }
        switch record.kind {
        case .review:
            guard let after = record.after, let rating = record.rating else { return }
            reviewCount += 1
            // One lookup for a card met before (most lines): read and update in place.
            let slot = cards.index(forKey: id)
            let previous = slot.map { cards.values[$0] }
            var next = previous ?? CardRecord(card: after)
            next.applyReview(rating: rating, before: record.before ?? PriorState(previous?.card), after: after)
            if let slot { cards.values[slot] = next } else { cards[id] = next }
            let index = keepsHistory ? history.append(record) : nil
            let counted = index.map { history.reviews[$0] } ?? history.event(of: record)
            if let counted { days.count(counted, by: 1) }
            recent.append(UndoEntry(card: id, kind: .review, review: index ?? -1, counted: counted, replaced: previous))
        case .undo:
            let kind = record.undoes ?? .review
            let taken = recent.takeLatest(from: { $0.card == id && $0.kind == kind }, alongWith: { $0.card == id })
            guard let first = taken.first else {
                unmatchedUndoLines.append(line)
                return
            }
            cards[id] = first.replaced
            // The reviews taken back leave the day counts, kept history or not.
            for entry in taken {
                guard let counted = entry.counted else { continue }
                if entry.review >= 0 { history.reviews[entry.review].undone = true }
                days.count(counted, by: -1)
            }
        case .suspend:
            remember(record, replacing: cards[id])
            cards[id, default: CardRecord(card: .new(due: record.at))].suspended = true
        case .unsuspend:
            remember(record, replacing: cards[id])
            cards[id]?.suspended = false
        case .bury:
            remember(record, replacing: cards[id])
            cards[id, default: CardRecord(card: .new(due: record.at))].buriedUntil = record.until
        case .leech:
            cards[id]?.leech = true
        }
    }

    /// An action other than a review, which an undo line can take back.
    private mutating func remember(_ record: LogRecord, replacing previous: CardRecord?) {
        recent.append(UndoEntry(card: record.cardID, kind: record.kind, review: -1, counted: nil, replaced: previous))
    }

    /// The card and kind of the latest action within reach of an undo, if any.
    public var latestUndoable: (card: CardID, kind: LogRecordKind)? {
        recent.entries.last.map { ($0.card, $0.kind) }
    }
}
