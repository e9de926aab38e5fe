import Foundation

/// Everything the review log says, in memory: every card's state (as `LogRebuilder` replays it) and
/// the compact review history the statistics are computed from.
///
/// Reading a log of a million lines takes seconds, so a digest of the log's first `logBytes` bytes is
/// kept in `Progress/.stats-cache` (binary; derived, never the only copy of anything). The next
/// `stats` reads it and replays only the lines written since. The cache is used only when it provably
/// describes this log (its size, the bytes around the covered end and at the start, the day
/// convention) and when no line is later than `now`; otherwise the whole log is read, as before.
public struct LogDigest: Sendable {
    /// The card states the log rebuilds.
    public var rebuilder: LogRebuilder
    /// The reviews, compacted, as of `history.now`.
    public var history: ReviewHistory
    /// How many bytes of the log (whole lines) the digest includes.
    public var logBytes: Int
    /// The latest time of any line included.
    public var latest: Date
    /// Unreadable lines met while reading (only from the part of the log read this time).
    public var issues: [LogLineIssue] = []
    /// True when the cache file was used.
    public var fromCache = false

    /// The cache file's name inside the progress folder.
    public static let cacheFileName = ".stats-cache"

    static let magic: UInt64 = 0x5244_5354_4154_5331  // "RDSTATS1"
    static let version: Int32 = 1

    /// An empty digest for `days`, taken at `now`.
    init(days: DayConvention, now: Date) {
        rebuilder = LogRebuilder()
        history = ReviewHistory(now: now, days: days)
        logBytes = 0
        latest = .distantPast
    }

    /// Applies one line of the log.
    mutating func apply(_ record: LogRecord, line: Int) {
        rebuilder.apply(record, line: line)
        history.apply(record, line: line)
        if record.at > latest { latest = record.at }
    }

    /// The digest of `store`'s log at `now`: from the cache when it is valid, else by reading the whole
    /// log; the cache is then written again for next time (best effort: a read-only folder just has none).
    public static func load(store: ProgressStore, days: DayConvention, now: Date) throws(StoreError) -> LogDigest {
        let cacheURL = store.folder.appendingPathComponent(cacheFileName)
        let size = try DurableFile.size(store.logURL.path) ?? 0
        var digest: LogDigest
        if let cached = try? DurableFile.read(cacheURL.path), let decoded = decode(cached, days: days),
            size >= decoded.value.logBytes,
            try fingerprint(of: store.logURL.path, upTo: decoded.value.logBytes) == decoded.fingerprint,
            decoded.value.latest <= now
        {
            digest = decoded.value
            digest.history.now = now
            digest.fromCache = true
        } else {
            digest = LogDigest(days: days, now: now)
        }
        let before = digest.fromCache ? digest.logBytes : -1
        try digest.readLog(store: store, from: digest.logBytes, upTo: size)
        // A digest taken at `now` left out the lines after it (a look back with --now): it holds for
        // this run only. So does one that met lines it could not read.
        let cacheable = digest.latest <= now && digest.issues.allSatisfy(\.isTornTail)
        if cacheable && digest.logBytes > before { digest.save(to: cacheURL, store: store) }
        return digest
    }

    /// Reads the whole lines among the log's bytes `from..<upTo`; a last line without its newline (a
    /// torn write, or one being written right now) is left for next time.
    mutating func readLog(store: ProgressStore, from start: Int, upTo end: Int) throws(StoreError) {
        let wholeEnd = try DurableFile.endOfLastLine(store.logURL.path, before: end)
        guard wholeEnd > start else { return }
        var digest = self
        let result = try store.scanLog(from: start, upTo: wholeEnd) { record, line in
            digest.apply(record, line: line)
        }
        self = digest
        issues += result.issues
        logBytes = result.wholeLinesEnd
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

    private func save(to url: URL, store: ProgressStore) {
        guard let fingerprint = try? Self.fingerprint(of: store.logURL.path, upTo: logBytes) else { return }
        let data = Data(encode(fingerprint: fingerprint))
        // Without fsync: a cache lost in a crash is rebuilt, and it must not slow stats down.
        let temp = url.deletingLastPathComponent().appendingPathComponent(".stats-cache.tmp-\(getpid())")
        do {
            try data.write(to: temp)
            if rename(temp.path, url.path) != 0 { try? FileManager.default.removeItem(at: temp) }
        } catch {
            try? FileManager.default.removeItem(at: temp)
        }
    }

    /// The day convention as the cache records it.
    static func conventionKey(_ days: DayConvention) -> String {
        switch days {
        case .pyFSRS: "pyfsrs"
        case .anki(let hour, let zone): "anki/\(hour)/\(zone.identifier)"
        }
    }

    // MARK: - The cache's bytes

    /// The cache file: header, history, card states, the undo window, and the counts.
    func encode(fingerprint: UInt64) -> [UInt8] {
        var out = BinaryWriter(capacity: 64 + history.reviews.count * 19 + rebuilder.cards.count * 110)
        out.u64(Self.magic)
        out.i32(Self.version)
        out.string(Self.conventionKey(history.days.convention))
        out.i64(Int64(logBytes))
        out.u64(fingerprint)
        out.f64(latest.timeIntervalSince1970)
        out.i32(Int32(history.cardIDs.count))
        for id in history.cardIDs { out.string(id.rawValue) }
        out.i32(Int32(history.chosenTexts.count))
        for text in history.chosenTexts { out.string(text) }
        out.i32(Int32(history.reviews.count))
        for event in history.reviews {
            out.i32(event.card)
            out.i32(event.day)
            out.u8(UInt8(event.rating.rawValue))
            out.u8(Self.code(event.before))
            out.i32(event.durationMs)
            out.i32(event.chosen)
            out.u8(event.undone ? 1 : 0)
        }
        out.i32(Int32(history.recent.entries.count))
        for entry in history.recent.entries { out.i32(Int32(entry.review)) }
        out.i32(Int32(rebuilder.cards.count))
        let index = Dictionary(
            uniqueKeysWithValues: history.cardIDs.enumerated().map { (UTF8Key($0.element), Int32($0.offset)) })
        for (id, record) in rebuilder.cards {
            // Most studied cards are in the history's id table already: refer to them by number.
            if let index = index[UTF8Key(id)] {
                out.i32(index)
            } else {
                out.i32(-1)
                out.string(id.rawValue)
            }
            Self.write(record, to: &out)
        }
        out.i32(Int32(rebuilder.recent.entries.count))
        for (id, replaced) in rebuilder.recent.entries {
            out.string(id.rawValue)
            out.u8(replaced == nil ? 0 : 1)
            if let replaced { Self.write(replaced, to: &out) }
        }
        out.i32(Int32(rebuilder.unmatchedUndoLines.count))
        for line in rebuilder.unmatchedUndoLines { out.i32(Int32(line)) }
        out.i64(Int64(rebuilder.reviewCount))
        return out.bytes
    }

    /// The digest in `data`, if it is a cache of this version for `days`.
    static func decode(_ data: Data, days: DayConvention) -> (value: LogDigest, fingerprint: UInt64)? {
        data.withUnsafeBytes { raw -> (value: LogDigest, fingerprint: UInt64)? in
            var input = BinaryReader(raw)
            do throws(BinaryReader.Invalid) {
                guard try input.u64() == magic, try input.i32() == version,
                    try input.string() == conventionKey(days)
                else { return nil }
                var digest = LogDigest(days: days, now: .distantFuture)
                digest.logBytes = Int(try input.i64())
                let fingerprint = try input.u64()
                digest.latest = Date(timeIntervalSince1970: try input.f64())
                var history = digest.history
                let idCount = try input.count(minimumSize: 4)
                history.cardIDs.reserveCapacity(idCount)
                for _ in 0..<idCount { history.cardIDs.append(CardID(normalized: try input.string())) }
                for _ in 0..<(try input.count(minimumSize: 4)) { history.chosenTexts.append(try input.string()) }
                history.indexesNeedRebuilding = true
                let reviewCount = try input.count(minimumSize: 19)
                history.reviews.reserveCapacity(reviewCount)
                for _ in 0..<reviewCount {
                    let card = try input.i32()
                    let day = try input.i32()
                    guard let rating = Rating(rawValue: Int(try input.u8())), let before = prior(try input.u8()),
                        (0..<Int32(idCount)).contains(card)
                    else { throw BinaryReader.Invalid() }
                    let duration = try input.i32()
                    let chosen = try input.i32()
                    guard chosen < Int32(history.chosenTexts.count) else { throw BinaryReader.Invalid() }
                    history.reviews.append(
                        ReviewEvent(
                            card: card, day: day, rating: rating, before: before, durationMs: duration, chosen: chosen,
                            undone: try input.u8() == 1))
                }
                for _ in 0..<(try input.count(minimumSize: 4)) {
                    let index = Int(try input.i32())
                    guard (0..<reviewCount).contains(index) else { throw BinaryReader.Invalid() }
                    history.recent.append((history.reviews[index].card, index))
                }
                digest.history = history
                var rebuilder = LogRebuilder()
                let cardCount = try input.count(minimumSize: 50)
                rebuilder.cards.reserveCapacity(cardCount)
                for _ in 0..<cardCount {
                    let index = Int(try input.i32())
                    guard index < idCount else { throw BinaryReader.Invalid() }
                    let id = index >= 0 ? history.cardIDs[index] : CardID(normalized: try input.string())
                    rebuilder.cards[id] = try read(&input)
                }
                for _ in 0..<(try input.count(minimumSize: 5)) {
                    let id = CardID(normalized: try input.string())
                    let replaced = try input.u8() == 1 ? try read(&input) : nil
                    rebuilder.recent.append((id, replaced))
                }
                for _ in 0..<(try input.count(minimumSize: 4)) {
                    rebuilder.unmatchedUndoLines.append(Int(try input.i32()))
                }
                rebuilder.reviewCount = Int(try input.i64())
                guard input.atEnd else { return nil }
                digest.rebuilder = rebuilder
                return (digest, fingerprint)
            } catch {
                return nil
            }
        }
    }

    private static func write(_ record: CardRecord, to out: inout BinaryWriter) {
        let card = record.card
        out.u8(UInt8(card.state.code))
        out.i32(card.step.map(Int32.init) ?? -1)
        out.f64(card.stability)
        out.f64(card.difficulty)
        out.f64(card.due.timeIntervalSince1970)
        out.f64(card.lastReview?.timeIntervalSince1970)
        out.i32(Int32(clamping: record.lapses))
        out.i32(Int32(clamping: record.reps))
        out.u8((record.suspended ? 1 : 0) | (record.leech ? 2 : 0))
        out.f64(record.buriedUntil?.timeIntervalSince1970)
    }

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
        return CardRecord(
            card: card, lapses: lapses, reps: reps, suspended: flags & 1 != 0, buriedUntil: buried,
            leech: flags & 2 != 0)
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
