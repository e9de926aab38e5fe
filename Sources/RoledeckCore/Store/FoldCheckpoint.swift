import Foundation

/// What `cards.json` carries of the log's fold besides the card states: the day counts (the daily
/// limits, the streak), the undo window and the counts, with the log they were folded from. With
/// it, a study session that finds no stats cache starts from `cards.json` and the log's tail, not
/// from a read of the whole log.
///
/// Like the stats cache it is derived, never the only copy of anything, and trusted only when it
/// provably describes this log: the same day convention, the fingerprint of the log's first
/// `logBytes` bytes (`LogDigest.fingerprint`), and every value in range (`isConsistent`). Anything
/// else and the log is read whole, as before. In the file it is the member `"fold"` (keys sorted),
/// and `"logLines"` sits beside `"logBytes"` in the file's last lines, where a start sees it without
/// decoding the file:
///
///     "fold" : {
///       "days" : "pyfsrs",
///       "latest" : "2026-03-08T09:59:00Z",
///       "logFingerprint" : "8d1f0e23a4b5c6d7",
///       "reviewCount" : 995041,
///       "studyDays" : [{ "day" : 20520, "newCards" : 3, "reviews" : 10, "total" : 25 }, …],
///       "undo" : [{ "card" : "…", "counted" : { "before" : "review", "day" : 20520, "ms" : 3100,
///                   "rating" : 3 }, "kind" : "review", "replaced" : { record } }, …],
///       "unmatchedUndoLines" : []
///     },
struct FoldCheckpoint: Equatable, Sendable {
    /// The day convention the counts were made with (`LogDigest.conventionKey`).
    var convention: String
    /// How many lines the log's first `logBytes` bytes hold (their newlines): later lines are
    /// numbered on from here.
    var logLines: Int
    /// `LogDigest.fingerprint` of the log's first `logBytes` bytes.
    var fingerprint: UInt64
    /// The latest time of any line (`Date.distantPast` when there is none).
    var latest: Date
    /// How many review lines were applied.
    var reviewCount: Int
    /// Each day with reviews left after undo, in order.
    var days: [DayCount]
    /// The actions an undo line can still take back, oldest first.
    var undo: [LogFold.UndoEntry]
    /// Undo lines that had nothing to take back.
    var unmatchedUndoLines: [Int]

    /// One study day's counts.
    struct DayCount: Equatable, Sendable {
        var day: Int
        var newCards: Int
        var reviews: Int
        var total: Int
    }

    /// The checkpoint of `fold`, the fold of a log whose first bytes hold `logLines` lines and have
    /// `fingerprint`; nil when `fold` left lines out (a look back with `--now`: not the log's fold).
    init?(fold: LogFold, logLines: Int, fingerprint: UInt64) {
        guard fold.laterLines == 0, fold.horizon == LogFold.noHorizon else { return nil }
        convention = LogDigest.conventionKey(fold.history.days.convention)
        self.logLines = logLines
        self.fingerprint = fingerprint
        latest = fold.latest
        reviewCount = fold.reviewCount
        let counts = fold.days
        days = Set(counts.reviewsByDay.keys).union(counts.studiedByDay.keys).sorted().map { day in
            let studied = counts.studied(onDay: day)
            return DayCount(
                day: day, newCards: studied.newCards, reviews: studied.reviews, total: counts.reviewsByDay[day] ?? 0)
        }
        // What a session's fold holds of each entry: the reviews are not numbered.
        undo = fold.recent.entries.map(\.withoutHistory)
        unmatchedUndoLines = fold.unmatchedUndoLines
    }

    private init() {
        convention = ""
        logLines = 0
        fingerprint = 0
        latest = .distantPast
        reviewCount = 0
        days = []
        undo = []
        unmatchedUndoLines = []
    }

    /// A session's fold (no history kept) of the log these counts came from, starting from `cards`;
    /// nil when they were counted with another day convention.
    func fold(cards: [CardID: CardRecord], days convention: DayConvention) -> LogFold? {
        guard self.convention == LogDigest.conventionKey(convention) else { return nil }
        var fold = LogFold(cards: cards, days: convention, keepsHistory: false)
        fold.latest = latest
        fold.reviewCount = reviewCount
        fold.unmatchedUndoLines = unmatchedUndoLines
        fold.days = StudyDays(days: convention, counts: days)
        for entry in undo { fold.recent.append(entry) }
        return fold
    }

    /// True when every value is in range for a checkpoint of the log's first `logBytes` bytes: counts
    /// that add up, days in order, times and records that can be written, lines within the log.
    func isConsistent(logBytes: Int) -> Bool {
        guard logLines >= 0, logLines <= logBytes, reviewCount >= 0, reviewCount <= logLines,
            latest == .distantPast || ProgressLimits.contains(latest),
            undo.count <= 2 * LogFold.undoDepth, Self.holdTogether(days, reviewCount: reviewCount),
            undo.allSatisfy(Self.holdsTogether)
        else { return false }
        var line = 0
        for unmatched in unmatchedUndoLines {
            guard unmatched > line, unmatched <= logLines else { return false }
            line = unmatched
        }
        return true
    }

    /// True when `days` can be the day counts of a fold that applied `reviewCount` reviews: days that
    /// times can have, in order, each with a review or more, and no more new cards and reviews than
    /// it has, nor more reviews in all than were applied. (The stats cache's counts are held to it too.)
    static func holdTogether(_ days: [DayCount], reviewCount: Int) -> Bool {
        var counted = 0
        var previous = Int.min
        for count in days {
            // Compared without sums that could overflow: every value is as read from a file.
            guard LogDigest.dayRange.contains(Int32(clamping: count.day)), count.day > previous,
                count.total >= 1, count.total <= reviewCount - counted, count.newCards >= 0,
                count.newCards <= count.total, count.reviews >= 0, count.reviews <= count.total - count.newCards
            else { return false }
            counted += count.total
            previous = count.day
        }
        return true
    }

    /// True when `entry` can be in an undo window: an action an undo can take back, a review (and only
    /// a review) with the count it made on a day times can have, and a record the limits allow.
    /// (The stats cache's entries are held to it too.)
    static func holdsTogether(_ entry: LogFold.UndoEntry) -> Bool {
        guard LogRecordKind.undoable.contains(entry.kind), (entry.kind == .review) == (entry.counted != nil)
        else { return false }
        if let event = entry.counted, !LogDigest.dayRange.contains(event.day) || event.durationMs < 0 {
            return false
        }
        if let replaced = entry.replaced, ProgressLimits.check(replaced, at: "") != nil { return false }
        return true
    }

    // MARK: - JSON

    /// Writes the `"fold"` member's value.
    func write(into writer: inout JSONWriter) {
        writer.openObject()
        writer.key("days")
        writer.string(convention)
        if latest != .distantPast {
            writer.key("latest")
            writer.date(latest)
        }
        writer.key("logFingerprint")
        writer.string(Self.hex(fingerprint))
        writer.key("reviewCount")
        writer.int(reviewCount)
        writer.key("studyDays")
        writer.openArray()
        for count in days {
            writer.element()
            writer.openObject()
            writer.key("day")
            writer.int(count.day)
            writer.key("newCards")
            writer.int(count.newCards)
            writer.key("reviews")
            writer.int(count.reviews)
            writer.key("total")
            writer.int(count.total)
            writer.closeObject()
        }
        writer.closeArray()
        writer.key("undo")
        writer.openArray()
        for entry in undo {
            writer.element()
            writer.openObject()
            writer.key("card")
            writer.string(entry.card.rawValue)
            if let event = entry.counted {
                writer.key("counted")
                writer.openObject()
                writer.key("before")
                writer.string(event.before.rawValue)
                writer.key("day")
                writer.int(Int(event.day))
                if let mode = event.mode {
                    writer.key("mode")
                    writer.string(mode.rawValue)
                }
                writer.key("ms")
                writer.int(Int(event.durationMs))
                writer.key("rating")
                writer.int(event.rating.rawValue)
                writer.closeObject()
            }
            writer.key("kind")
            writer.string(entry.kind.rawValue)
            if let replaced = entry.replaced {
                writer.key("replaced")
                FastEncoding.record(replaced, into: &writer)
            }
            writer.closeObject()
        }
        writer.closeArray()
        writer.key("unmatchedUndoLines")
        writer.openArray()
        for line in unmatchedUndoLines {
            writer.element()
            writer.int(line)
        }
        writer.closeArray()
        writer.closeObject()
    }

    /// Reads the `"fold"` member's value (`logLines` is the file's own member, set by the caller);
    /// anything of another shape is a mismatch. Ranges are `isConsistent`'s to check.
    static func read(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> FoldCheckpoint {
        var checkpoint = FoldCheckpoint()
        var fingerprint: UInt64?
        var convention: String?
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("days") {
                convention = try cursor.string()
            } else if key.is("latest") {
                checkpoint.latest = try cursor.date()
            } else if key.is("logFingerprint") {
                fingerprint = UInt64(try cursor.string(), radix: 16)
            } else if key.is("reviewCount") {
                checkpoint.reviewCount = try cursor.int()
            } else if key.is("studyDays") {
                try cursor.array { cursor throws(JSONCursor.Mismatch) in checkpoint.days.append(try dayCount(&cursor)) }
            } else if key.is("undo") {
                try cursor.array { cursor throws(JSONCursor.Mismatch) in checkpoint.undo.append(try entry(&cursor)) }
            } else if key.is("unmatchedUndoLines") {
                try cursor.array { cursor throws(JSONCursor.Mismatch) in
                    checkpoint.unmatchedUndoLines.append(try cursor.int())
                }
            } else {
                try cursor.skipValue()
            }
        }
        guard let fingerprint, let convention else { throw JSONCursor.Mismatch() }
        checkpoint.fingerprint = fingerprint
        checkpoint.convention = convention
        return checkpoint
    }

    private static func dayCount(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> DayCount {
        var fields: [Int?] = [nil, nil, nil, nil]
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            let names: [StaticString] = ["day", "newCards", "reviews", "total"]
            guard let index = names.firstIndex(where: { key.is($0) }) else { return try cursor.skipValue() }
            fields[index] = try cursor.int()
        }
        guard let day = fields[0], let newCards = fields[1], let reviews = fields[2], let total = fields[3] else {
            throw JSONCursor.Mismatch()
        }
        return DayCount(day: day, newCards: newCards, reviews: reviews, total: total)
    }

    private static func entry(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> LogFold.UndoEntry {
        var card: CardID?
        var kind: LogRecordKind?
        var counted: ReviewEvent?
        var replaced: CardRecord?
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("card") {
                card = CardID(rawValue: try cursor.string())
            } else if key.is("kind") {
                // Named as log lines name kinds; one an undo cannot take back fails `isConsistent`.
                kind = FastDecoding.kindValues[try cursor.oneOf(FastDecoding.kinds)]
            } else if key.is("counted") {
                counted = try event(&cursor)
            } else if key.is("replaced") {
                replaced = try FastDecoding.record(&cursor)
            } else {
                try cursor.skipValue()
            }
        }
        guard let card, let kind else { throw JSONCursor.Mismatch() }
        return LogFold.UndoEntry(card: card, kind: kind, review: -1, counted: counted, replaced: replaced)
    }

    private static func event(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> ReviewEvent {
        var before: PriorState?
        var day: Int?
        var mode: StudyMode?
        var milliseconds = 0
        var rating: Rating?
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("before") {
                before = FastDecoding.priorStateValues[try cursor.oneOf(FastDecoding.priorStates)]
            } else if key.is("day") {
                day = try cursor.int()
            } else if key.is("mode") {
                guard let named = StudyMode(rawValue: try cursor.string()) else { throw JSONCursor.Mismatch() }
                mode = named
            } else if key.is("ms") {
                milliseconds = try cursor.int()
            } else if key.is("rating") {
                rating = Rating(rawValue: try cursor.int())
                if rating == nil { throw JSONCursor.Mismatch() }
            } else {
                try cursor.skipValue()
            }
        }
        // Days and durations beyond 32 bits cannot be counted: out of range, so a mismatch here.
        guard let before, let day, let rating, let day32 = Int32(exactly: day),
            let duration = Int32(exactly: milliseconds)
        else { throw JSONCursor.Mismatch() }
        return ReviewEvent(card: -1, day: day32, rating: rating, before: before, durationMs: duration, mode: mode)
    }

    /// Sixteen lowercase hex digits.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
