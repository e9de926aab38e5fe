import Foundation

/// The fold of the review log (`LogFold`: card states, history, day counts, undo), kept between runs.
///
/// Reading a log of a million lines takes a second, so the fold of the log's first `logBytes` bytes
/// is kept in `Progress/.stats-cache` (binary; derived, never the only copy of anything). The next
/// run reads it and folds in only the lines written since. The cache is used only when it provably
/// describes this log (its size, the bytes around the covered end and at the start, the day
/// convention) and when no line is later than `now`; otherwise the whole log is read. Every value
/// read from the cache is range-checked: a damaged cache is ignored and rebuilt, never trusted.
///
/// The cache holds what a study session needs first (the card states, the day counts, the undo
/// window) and the reviews the statistics need last, so a session reads it without the reviews
/// (`keepingHistory` false). A session writes a cache only where it leaves none of the statistics'
/// behind: when there was none it could use, or one without the reviews, or one whose tail of new
/// lines has grown long.
public struct LogDigest: Sendable {
    /// The fold of the log's first `logBytes` bytes.
    public var fold: LogFold
    /// How many bytes of the log (whole lines) the digest includes.
    public var logBytes: Int
    /// How many lines those bytes hold: the lines read after them are numbered on from here, so a
    /// warning names the line `doctor` names.
    public var logLines = 0
    /// Unreadable lines met while reading (only from the part of the log read this time).
    public var issues: [LogLineIssue] = []
    /// True when the cache file was used.
    public var fromCache = false
    /// True when, with no cache to use, the digest started from the fold `cards.json` carries
    /// (`FoldCheckpoint`) and read only the log's lines after it.
    public var fromCheckpoint = false
    /// When the digest started from `cards.json`: the cards the lines after it changed (brought up to
    /// date from the log, after a session stopped between an answer and its checkpoint), sorted.
    public var cardsAfterCheckpoint: [CardID] = []
    /// True when the cache should be written for next time and `load` left that to the caller
    /// (`deferringCache`): see `saveCache(store:)`.
    public var owesCache = false

    /// The cache file's name inside the progress folder.
    public static let cacheFileName = ".stats-cache"

    static let magic: UInt64 = 0x5244_5354_4154_5331  // "RDSTATS1"
    static let version: Int32 = 7
    /// How many bytes of new lines a session folds before it writes a cache without the reviews over
    /// one with them (the statistics then read the whole log once).
    static let sessionTailLimit = 16 << 20

    /// The digest of a session's `fold` (no history kept) of the log's first `logBytes` bytes, which hold
    /// `logLines` lines.
    init(sessionFold fold: LogFold, logBytes: Int, logLines: Int) {
        self.fold = fold
        self.logBytes = logBytes
        self.logLines = logLines
    }

    /// An empty digest for `days`, taken at `now`.
    init(days: DayConvention, now: Date, keepingHistory: Bool = true) {
        fold = LogFold(days: days, horizon: now, keepsHistory: keepingHistory)
        logBytes = 0
    }

    /// The card states the log gives (as of `now`).
    public var cards: [CardID: CardRecord] { fold.cards }

    /// True when the log has lines later than `now` (a look back with `--now`): the digest is the log
    /// as it stood then, and its card states, not the latest ones, go with its history.
    public var isLookBack: Bool { fold.laterLines > 0 }

    /// The reviews, compacted, as of `now` (empty when the digest was taken without them).
    public var history: ReviewHistory { fold.history }

    /// The digest of `store`'s log at `now`: from the cache when it is valid, else by reading the whole
    /// log; the cache is then written again for next time (best effort: a read-only folder just has none).
    /// Without `keepingHistory` the reviews are neither read nor kept (see `LogFold.keepsHistory`).
    ///
    /// A study session passes `startingFromCheckpoint`: with no cache to use, the fold `cards.json`
    /// carries (when it provably describes this log) stands in for reading the log up to its
    /// checkpoint. With `deferringCache` the cache is not written here but owed (`owesCache`), for the
    /// caller to write once it has something on screen.
    public static func load(
        store: ProgressStore, days: DayConvention, now: Date, keepingHistory: Bool = true,
        startingFromCheckpoint: Bool = false, deferringCache: Bool = false
    ) throws(StoreError) -> LogDigest {
        let cacheURL = store.folder.appendingPathComponent(cacheFileName)
        let size = try store.logSize() ?? 0
        var digest: LogDigest
        var cachedWithHistory = false
        if var reader = BinaryReader(path: cacheURL.path),
            let decoded = decode(&reader, days: days, keepingHistory: keepingHistory),
            size >= decoded.value.logBytes,
            try fingerprint(of: store.logURL.path, upTo: decoded.value.logBytes) == decoded.fingerprint,
            decoded.value.fold.latest <= now
        {
            digest = decoded.value
            digest.fold.history.now = now
            digest.fromCache = true
            cachedWithHistory = decoded.hadHistory
        } else if startingFromCheckpoint && !keepingHistory,
            let seeded = try checkpoint(of: store, days: days, logSize: size), seeded.fold.latest <= now
        {
            digest = seeded
        } else {
            digest = LogDigest(days: days, now: now, keepingHistory: keepingHistory)
        }
        let before = digest.fromCache ? digest.logBytes : -1
        try digest.readLog(store: store, from: digest.logBytes, upTo: size, notingCards: digest.fromCheckpoint)
        // A digest taken at `now` left out the lines after it (a look back with --now): it holds for
        // this run only. So does one that met lines it could not read.
        let cacheable = digest.fold.latest <= now && digest.issues.allSatisfy(\.isTornTail)
        let keepsTheStatistics =
            keepingHistory || !cachedWithHistory || digest.logBytes - before > sessionTailLimit
        if cacheable && digest.logBytes > before && keepsTheStatistics {
            if deferringCache { digest.owesCache = true } else { digest.saveCache(store: store) }
        }
        return digest
    }

    /// The digest `cards.json` carries for `store`'s log (its states and `FoldCheckpoint`), if it has
    /// one that describes this log: counted with `days`, and the log still holds the bytes it was
    /// folded from (the fingerprint of its first `logBytes` bytes). A file that cannot be read here
    /// gives nil: the log is then read whole, and the states are checked against the file as before.
    static func checkpoint(of store: ProgressStore, days: DayConvention, logSize: Int) throws(StoreError)
        -> LogDigest?
    {
        let header = try store.checkpointHeader()
        guard header.logLines != nil, let logBytes = header.logBytes, logBytes <= logSize,
            let data = (try? DurableFile.read(store.cardsURL.path)) ?? nil,
            let snapshot = try? CardsFile.decodeSnapshot(data, source: store.cardsURL.path),
            let checkpoint = snapshot.fold, snapshot.logBytes == logBytes,
            try fingerprint(of: store.logURL.path, upTo: logBytes) == checkpoint.fingerprint,
            let fold = checkpoint.fold(cards: snapshot.cards, days: days)
        else { return nil }
        var digest = LogDigest(sessionFold: fold, logBytes: logBytes, logLines: checkpoint.logLines)
        digest.fromCheckpoint = true
        return digest
    }

    /// Reads the whole lines among the log's bytes `from..<upTo`; a last line without its newline (a
    /// torn write, or one being written right now) is left for next time.
    /// With `notingCards`, the cards the lines name are kept in `cardsAfterCheckpoint`.
    mutating func readLog(store: ProgressStore, from start: Int, upTo end: Int, notingCards: Bool = false)
        throws(StoreError)
    {
        let wholeEnd = try DurableFile.endOfLastLine(store.logURL.path, before: end)
        guard wholeEnd > start else { return }
        var fold = self.fold
        // Free the copy held here, so the lines are folded into storage of their own (no copy of it all).
        self.fold = LogFold(days: fold.history.days.convention, keepsHistory: fold.keepsHistory)
        var named = Set<CardID>()
        let result = try store.scanLog(from: start, upTo: wholeEnd, linesBefore: logLines, keepAnswers: false) {
            record, line in
            fold.apply(record, line: line)
            if notingCards { named.insert(record.cardID) }
        }
        self.fold = fold
        if notingCards { cardsAfterCheckpoint = named.sorted() }
        issues += result.issues
        logBytes = result.wholeLinesEnd
        logLines += result.wholeLines
    }

    /// FNV-1a over the first 4 KiB of the log and the 4 KiB before `logBytes`: enough to tell this log
    /// from a replaced or rewritten one, without reading it all.
    static func fingerprint(of path: String, upTo logBytes: Int) throws(StoreError) -> UInt64 {
        let head = try DurableFile.read(path, from: 0, count: min(4096, logBytes)) ?? Data()
        let tailStart = max(0, logBytes - 4096)
        let tail = try DurableFile.read(path, from: tailStart, count: logBytes - tailStart) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in head + tail {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ UInt64(logBytes)
    }

    /// Writes the cache for `store` a megabyte at a time, without fsync: a cache lost in a crash is
    /// rebuilt, and it must not slow a start down. Best effort: a folder that cannot take it has none.
    func saveCache(store: ProgressStore) {
        let url = store.folder.appendingPathComponent(Self.cacheFileName)
        guard let fingerprint = try? Self.fingerprint(of: store.logURL.path, upTo: logBytes) else { return }
        let temp = url.deletingLastPathComponent().appendingPathComponent("\(Self.cacheFileName).tmp-\(getpid())")
        guard let fd = try? DurableFile.open(temp.path, flags: O_WRONLY | O_CREAT | O_TRUNC) else { return }
        let sink = FileSink(fd: fd, path: temp.path)
        do throws(StoreError) {
            try encode(fingerprint: fingerprint) { bytes throws(StoreError) in try sink.write(bytes) }
            try sink.flush()
            close(fd)
            if rename(temp.path, url.path) != 0 { unlink(temp.path) }
        } catch {
            close(fd)
            unlink(temp.path)
        }
    }

    /// The day convention as the cache records it.
    static func conventionKey(_ days: DayConvention) -> String {
        switch days {
        case .pyFSRS: "pyfsrs"
        case .anki(let hour, let zone): "anki/\(hour)/\(zone.identifier)"
        }
    }

    /// The day convention `conventionKey` names, if it names one.
    static func convention(forKey key: String) -> DayConvention? {
        if key == conventionKey(.pyFSRS) { return .pyFSRS }
        let parts = key.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "anki", let hour = Int(parts[1]), (0...23).contains(hour),
            let zone = TimeZone(identifier: String(parts[2]))
        else { return nil }
        let convention = DayConvention.anki(rolloverHour: hour, timeZone: zone)
        return conventionKey(convention) == key ? convention : nil
    }

    // MARK: - The cache's bytes

    /// The cache file: the header; what a session reads (card ids, card states, the undo window,
    /// unmatched undo lines, the counts, the day counts); then the reviews, when the fold kept them.
    func encode<Failure: Error>(fingerprint: UInt64, output: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let history = fold.history
        var out = BinaryWriter(capacity: 1 << 20 + 4096)
        func flushIfFull() throws(Failure) {
            if out.bytes.count >= 1 << 20 { try output(out.drain()) }
        }
        out.u64(Self.magic)
        out.i32(Self.version)
        out.string(Self.conventionKey(history.days.convention))
        out.i64(Int64(logBytes))
        out.i64(Int64(logLines))
        out.u64(fingerprint)
        out.f64(fold.latest.timeIntervalSince1970)
        out.u8(fold.keepsHistory ? 1 : 0)
        out.i32(Int32(history.cardIDs.count))
        for id in history.cardIDs {
            out.string(id.rawValue)
            try flushIfFull()
        }
        out.i32(Int32(fold.cards.count))
        var index: [UTF8Key: Int32] = [:]
        index.reserveCapacity(history.cardIDs.count)
        for (offset, id) in history.cardIDs.enumerated() { index[UTF8Key(id)] = Int32(offset) }
        func writeID(_ id: CardID) {
            // Most studied cards are in the history's id table already: refer to them by number.
            if let known = index[UTF8Key(id)] {
                out.i32(known)
            } else {
                out.i32(-1)
                out.string(id.rawValue)
            }
        }
        for (id, record) in fold.cards {
            writeID(id)
            Self.write(record, to: &out)
            try flushIfFull()
        }
        out.i32(Int32(fold.recent.entries.count))
        for entry in fold.recent.entries {
            writeID(entry.card)
            out.u8(UInt8(FastDecoding.kindValues.firstIndex(of: entry.kind) ?? 0))
            out.i32(Int32(entry.review))
            out.u8(entry.counted == nil ? 0 : 1)
            if let counted = entry.counted { Self.write(counted, to: &out) }
            out.u8(entry.replaced == nil ? 0 : 1)
            if let replaced = entry.replaced { Self.write(replaced, to: &out) }
        }
        out.i32(Int32(fold.unmatchedUndoLines.count))
        for line in fold.unmatchedUndoLines { out.i32(Int32(clamping: line)) }
        out.i64(Int64(fold.reviewCount))
        let days = fold.days
        let dayNumbers = Set(days.reviewsByDay.keys).union(days.studiedByDay.keys).sorted()
        out.i32(Int32(dayNumbers.count))
        for day in dayNumbers {
            let studied = days.studied(onDay: day)
            out.i32(Int32(clamping: day))
            out.i32(Int32(clamping: studied.newCards))
            out.i32(Int32(clamping: studied.reviews))
            out.i32(Int32(clamping: days.reviewsByDay[day] ?? 0))
        }
        guard fold.keepsHistory else { return try output(out.drain()) }
        out.i32(Int32(history.optionTexts.count))
        for text in history.optionTexts { out.string(text) }
        out.i32(Int32(history.reviews.count))
        for event in history.reviews {
            Self.write(event, to: &out)
            try flushIfFull()
        }
        try output(out.drain())
    }

    /// The cache's bytes in one piece (for tests).
    func encode(fingerprint: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(fingerprint: fingerprint) { bytes += $0 }
        return bytes
    }

    /// The day numbers a time in the years 1 to 9999 can have, in any time zone and rollover.
    static let dayRange: ClosedRange<Int32> = -719_164...2_932_898

    /// The digest in `data`, if it is a cache of this version for `days` whose every value is in range
    /// (one without the reviews, unless `keepingHistory` is false, is not).
    static func decode(_ data: Data, days: DayConvention, keepingHistory: Bool = true) -> (
        value: LogDigest, fingerprint: UInt64
    )? {
        data.withUnsafeBytes { raw -> (value: LogDigest, fingerprint: UInt64)? in
            var input = BinaryReader(raw)
            return decode(&input, days: days, keepingHistory: keepingHistory).map { ($0.value, $0.fingerprint) }
        }
    }

    /// The digest `input` reads, if it is a cache of this version for `days` whose every value is in
    /// range; with the reviews when `keepingHistory` (a cache without them is then refused), else
    /// without reading them. `hadHistory` says whether the cache held them.
    static func decode(_ input: inout BinaryReader, days: DayConvention, keepingHistory: Bool) -> (
        value: LogDigest, fingerprint: UInt64, hadHistory: Bool
    )? {
        do throws(BinaryReader.Invalid) {
            guard try input.u64() == magic, try input.i32() == version,
                try input.string() == conventionKey(days)
            else { return nil }
            var digest = LogDigest(days: days, now: LogFold.noHorizon)
            let logBytes = try input.i64()
            guard logBytes >= 0, logBytes <= Int64(ProgressLimits.logBytes.upperBound) else {
                throw BinaryReader.Invalid()
            }
            digest.logBytes = Int(logBytes)
            // A line holds at least its newline.
            let logLines = try input.i64()
            guard logLines >= 0, logLines <= logBytes else { throw BinaryReader.Invalid() }
            digest.logLines = Int(logLines)
            let fingerprint = try input.u64()
            let latest = Date(timeIntervalSince1970: try input.f64())
            guard latest == .distantPast || ProgressLimits.contains(latest) else { throw BinaryReader.Invalid() }
            let hadHistory = try input.u8()
            guard hadHistory <= 1, keepingHistory ? hadHistory == 1 : true else { return nil }
            var fold = LogFold(days: days, keepsHistory: keepingHistory)
            fold.latest = latest
            var history = fold.history
            let idCount = try input.count(minimumSize: 4)
            var ids: [CardID] = []
            ids.reserveCapacity(idCount)
            for _ in 0..<idCount { ids.append(CardID(normalized: try input.string())) }
            func readID() throws(BinaryReader.Invalid) -> CardID {
                let index = Int(try input.i32())
                guard index >= -1, index < idCount else { throw BinaryReader.Invalid() }
                return index >= 0 ? ids[index] : CardID(normalized: try input.string())
            }
            let cardCount = try input.count(minimumSize: 50)
            fold.cards.reserveCapacity(cardCount)
            for _ in 0..<cardCount {
                let id = try readID()
                fold.cards[id] = try read(&input)
            }
            var entries: [LogFold.UndoEntry] = []
            for _ in 0..<(try input.count(minimumSize: 11)) {
                let id = try readID()
                let code = Int(try input.u8())
                let review = Int(try input.i32())
                var counted: ReviewEvent?
                switch try input.u8() {
                case 0: break
                case 1: counted = try readEvent(&input)
                default: throw BinaryReader.Invalid()
                }
                let hasReplaced = try input.u8()
                guard FastDecoding.kindValues.indices.contains(code), review >= -1, hasReplaced <= 1 else {
                    throw BinaryReader.Invalid()
                }
                let kind = FastDecoding.kindValues[code]
                let replaced = hasReplaced == 1 ? try read(&input) : nil
                let entry = LogFold.UndoEntry(
                    card: id, kind: kind, review: review, counted: counted, replaced: replaced)
                // Only a review's entry numbers a review.
                guard FoldCheckpoint.holdsTogether(entry), kind == .review || review == -1 else {
                    throw BinaryReader.Invalid()
                }
                entries.append(entry)
            }
            for _ in 0..<(try input.count(minimumSize: 4)) {
                let line = Int(try input.i32())
                guard line >= 1 else { throw BinaryReader.Invalid() }
                fold.unmatchedUndoLines.append(line)
            }
            let applied = try input.i64()
            guard applied >= 0, applied <= Int64(Int32.max) else { throw BinaryReader.Invalid() }
            fold.reviewCount = Int(applied)
            var counts: [FoldCheckpoint.DayCount] = []
            for _ in 0..<(try input.count(minimumSize: 16)) {
                let day = Int(try input.i32())
                let newCards = Int(try input.i32())
                let reviews = Int(try input.i32())
                counts.append(.init(day: day, newCards: newCards, reviews: reviews, total: Int(try input.i32())))
            }
            guard FoldCheckpoint.holdTogether(counts, reviewCount: fold.reviewCount) else {
                throw BinaryReader.Invalid()
            }
            let stored = StudyDays(days: days, counts: counts)
            if keepingHistory {
                history.cardIDs = ids
                for _ in 0..<(try input.count(minimumSize: 4)) { history.optionTexts.append(try input.string()) }
                history.indexesNeedRebuilding = true
                let reviewCount = try input.count(minimumSize: 24)
                guard reviewCount <= fold.reviewCount else { throw BinaryReader.Invalid() }
                history.reviews.reserveCapacity(reviewCount)
                for _ in 0..<reviewCount {
                    let event = try readEvent(&input)
                    let texts = -1..<Int32(history.optionTexts.count)
                    guard (0..<Int32(idCount)).contains(event.card), texts.contains(event.chosen),
                        texts.contains(event.right)
                    else { throw BinaryReader.Invalid() }
                    history.reviews.append(event)
                }
                guard input.atEnd else { return nil }
                // The day counts are the reviews' own, and each undo entry names a review of its card.
                guard StudyDays(days: days, counting: history.reviews) == stored else { return nil }
                for entry in entries where entry.review >= 0 {
                    guard entry.review < reviewCount, entry.counted == history.reviews[entry.review],
                        ids[Int(history.reviews[entry.review].card)] == entry.card
                    else { throw BinaryReader.Invalid() }
                }
            } else {
                // The reviews (and whatever follows them) are not read. A session's fold numbers no
                // reviews: its undo entries count back by the event alone.
                guard hadHistory == 1 || input.atEnd else { return nil }
                for index in entries.indices {
                    guard entries[index].review < fold.reviewCount else { throw BinaryReader.Invalid() }
                    entries[index] = entries[index].withoutHistory
                }
            }
            for entry in entries { fold.recent.append(entry) }
            fold.days = stored
            fold.history = history
            digest.fold = fold
            return (digest, fingerprint, hadHistory == 1)
        } catch {
            return nil
        }
    }

    private static func write(_ event: ReviewEvent, to out: inout BinaryWriter) {
        out.i32(event.card)
        out.i32(event.day)
        out.u8(UInt8(event.rating.rawValue))
        out.u8(Self.code(event.before))
        out.i32(event.durationMs)
        out.i32(event.chosen)
        out.i32(event.right)
        out.u8(event.undone ? 1 : 0)
        out.u8(event.mode.map { StudyMode.allCases.firstIndex(of: $0).map { UInt8($0 + 1) } ?? 0 } ?? 0)
    }

    /// A review event; its card and options are checked by the caller, which knows their tables.
    private static func readEvent(_ input: inout BinaryReader) throws(BinaryReader.Invalid) -> ReviewEvent {
        let card = try input.i32()
        let day = try input.i32()
        guard let rating = Rating(rawValue: Int(try input.u8())), let before = prior(try input.u8()),
            dayRange.contains(day)
        else { throw BinaryReader.Invalid() }
        let duration = try input.i32()
        let chosen = try input.i32()
        let right = try input.i32()
        let undone = try input.u8()
        let mode = Int(try input.u8())
        guard duration >= 0, undone <= 1, mode <= StudyMode.allCases.count else { throw BinaryReader.Invalid() }
        return ReviewEvent(
            card: card, day: day, rating: rating, before: before, durationMs: duration, chosen: chosen,
            right: right, undone: undone == 1, mode: mode == 0 ? nil : StudyMode.allCases[mode - 1])
    }

    private static func write(_ record: CardRecord, to out: inout BinaryWriter) {
        let card = record.card
        out.u8(UInt8(card.state.code))
        out.i32(card.step.map { Int32(clamping: $0) } ?? -1)
        out.f64(card.stability)
        out.f64(card.difficulty)
        out.f64(card.due.timeIntervalSince1970)
        out.f64(card.lastReview?.timeIntervalSince1970)
        out.i32(Int32(clamping: record.lapses))
        out.i32(Int32(clamping: record.reps))
        out.u8((record.suspended ? 1 : 0) | (record.leech ? 2 : 0))
        out.f64(record.buriedUntil?.timeIntervalSince1970)
    }

    /// A record, checked as `ProgressLimits` checks one read from `cards.json`.
    private static func read(_ input: inout BinaryReader) throws(BinaryReader.Invalid) -> CardRecord {
        let state: CardState
        switch try input.u8() {
        case 1: state = .learning
        case 2: state = .review
        case 3: state = .relearning
        default: throw BinaryReader.Invalid()
        }
        let step = try input.i32()
        let stability = try input.optionalF64()
        let difficulty = try input.optionalF64()
        let due = Date(timeIntervalSince1970: try input.f64())
        let lastReview = try input.optionalF64().map { Date(timeIntervalSince1970: $0) }
        var card = FSRSCard(
            state: state, stability: stability, difficulty: difficulty, due: due, lastReview: lastReview)
        card.step = step < 0 ? nil : Int(step)
        let lapses = Int(try input.i32())
        let reps = Int(try input.i32())
        let flags = try input.u8()
        let buried = try input.optionalF64().map { Date(timeIntervalSince1970: $0) }
        guard step >= -1, flags <= 3 else { throw BinaryReader.Invalid() }
        let record = CardRecord(
            card: card, lapses: lapses, reps: reps, suspended: flags & 1 != 0, buriedUntil: buried,
            leech: flags & 2 != 0)
        guard ProgressLimits.check(record, at: "") == nil else { throw BinaryReader.Invalid() }
        return record
    }

    private static func code(_ state: PriorState) -> UInt8 {
        switch state {
        case .new: 0
        case .learning: 1
        case .review: 2
        case .relearning: 3
        }
    }

    private static func prior(_ code: UInt8) -> PriorState? {
        switch code {
        case 0: .new
        case 1: .learning
        case 2: .review
        case 3: .relearning
        default: nil
        }
    }
}
