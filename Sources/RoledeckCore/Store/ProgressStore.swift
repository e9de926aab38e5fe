import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file wrapper around `CardsFile` and `ReviewLogFile`: reads and writes one progress folder.
///
/// A writable store holds the folder's `StoreLock` for as long as it lives.
/// Writes are durable when they return: an append is fsynced, and `cards.json` is replaced
/// through a temp file, fsync, rename and an fsync of the folder, so a crash leaves either the
/// old or the new file, never a mix. A file the store cannot read (damaged, or from a newer
/// roledeck) is never overwritten or deleted.
///
/// The log is the record of every answer; `cards.json` is a checkpoint that says how many bytes
/// of the log it includes, and loading replays whatever the log has beyond that. So an answer is
/// safe once its line is appended, and `cards.json` can be saved as often or as rarely as suits.
public final class ProgressStore {
    /// The progress folder.
    public let folder: URL
    private let lock: StoreLock?
    /// True once `cards.json` was read without damage (or found missing) by this store, so
    /// saving need not read it again to make sure it replaces nothing unreadable.
    private var cardsFileReadable = false
    /// The cards that the last `loadCards()` brought up to date from log lines `cards.json` did not
    /// include yet (a session that stopped between the two writes), sorted.
    public private(set) var replayedFromLog: [CardID] = []

    /// The lock file's name inside the folder.
    public static let lockFileName = ".lock"

    /// Opens `folder` for reading and writing, creating it if needed, and takes its lock.
    ///
    /// Throws `locked` when another session holds it, and `newerSchema` when a file was
    /// written by a newer roledeck (so nothing here can append to or replace it).
    public static func open(folder: URL) throws(StoreError) -> ProgressStore {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            throw .io(path: folder.path, operation: "create the folder", code: underlying.map { Int32($0.code) } ?? EIO)
        }
        let lock = try StoreLock(path: folder.appendingPathComponent(lockFileName).path)
        let store = ProgressStore(folder: folder, lock: lock)
        try store.refuseNewerFiles()
        return store
    }

    /// Opens `folder` without the lock, for looking only (doctor, stats while a session runs).
    public static func openReadOnly(folder: URL) -> ProgressStore {
        ProgressStore(folder: folder, lock: nil)
    }

    private init(folder: URL, lock: StoreLock?) {
        self.folder = folder
        self.lock = lock
    }

    /// False when opened with `openReadOnly`.
    public var isWritable: Bool {
        lock != nil
    }

    /// The path of `cards.json`.
    public var cardsURL: URL {
        folder.appendingPathComponent(CardsFile.fileName)
    }

    /// The path of `reviews.jsonl`.
    public var logURL: URL {
        folder.appendingPathComponent(ReviewLogFile.fileName)
    }

    /// Every card's record: `cards.json` plus the log lines written after it was saved.
    ///
    /// Empty when nothing was studied yet. When the checkpoint cannot be brought up to date from
    /// the tail alone (an undo of an older review), the whole log is replayed.
    public func loadCards() throws(StoreError) -> [CardID: CardRecord] {
        replayedFromLog = []
        guard let data = try DurableFile.read(cardsURL.path) else {
            cardsFileReadable = true
            let rebuilt = try rebuildFromLog().cards
            replayedFromLog = rebuilt.keys.sorted()
            return rebuilt
        }
        let snapshot = try CardsFile.decodeSnapshot(data, source: cardsURL.path)
        cardsFileReadable = true
        guard let logBytes = snapshot.logBytes, let tail = try DurableFile.read(logURL.path, from: logBytes),
            !tail.isEmpty
        else { return snapshot.cards }
        var rebuilder = LogRebuilder(cards: snapshot.cards)
        var touched = Set<CardID>()
        _ = try ReviewLogFile.scan(tail, source: logURL.path) { record, line in
            rebuilder.apply(record, line: line)
            touched.insert(record.cardID)
        }
        replayedFromLog = touched.sorted()
        if !rebuilder.unmatchedUndoLines.isEmpty { return try rebuildFromLog().cards }
        return rebuilder.cards
    }

    /// The lines of `reviews.jsonl`; empty when the file does not exist yet.
    public func loadLog() throws(StoreError) -> ReviewLogContents {
        guard let data = try DurableFile.read(logURL.path) else { return .empty }
        return try ReviewLogFile.decode(data, source: logURL.path)
    }

    /// Replaces `cards.json` with `cards`, durably.
    ///
    /// Refuses (with the error loading it would give) when the current file cannot be read:
    /// a damaged or newer file is kept; `restoreCardsFromLog()` is the way out of damage.
    public func saveCards(_ cards: [CardID: CardRecord]) throws(StoreError) {
        try requireWritable()
        if !cardsFileReadable, let current = try DurableFile.read(cardsURL.path) {
            _ = try CardsFile.decode(current, source: cardsURL.path)
        }
        // Only this process appends while it holds the lock, so the log's size now is what `cards` include.
        let logBytes = try DurableFile.size(logURL.path) ?? 0
        try DurableFile.replace(
            cardsURL.path, with: CardsFile.encode(cards, logBytes: logBytes), folder: folder.path)
        cardsFileReadable = true
    }

    /// Appends one line to `reviews.jsonl` and fsyncs it before returning.
    ///
    /// The line goes out in a single write(2) on an O_APPEND descriptor. When the file ends
    /// without a newline (a torn line from a crash), the write starts with one, so the new
    /// line is never glued to the torn one, which stays where it is.
    public func append(_ record: LogRecord) throws(StoreError) {
        try requireWritable()
        let path = logURL.path
        let existed = access(path, F_OK) == 0
        let fd = try DurableFile.open(path, flags: O_RDWR | O_APPEND | O_CREAT)
        defer { close(fd) }
        var data = Data()
        if let last = try DurableFile.lastByte(fd, path: path), last != UInt8(ascii: "\n") {
            data.append(UInt8(ascii: "\n"))
        }
        data.append(ReviewLogFile.encodeLine(record))
        try DurableFile.writeAll(fd, data, path: path)
        try DurableFile.sync(fd, path: path)
        if !existed {
            try DurableFile.syncFolder(folder.path)
        }
    }

    /// Replays the log into card states (see `LogRebuilder`).
    public func rebuildFromLog() throws(StoreError) -> RebuiltProgress {
        var rebuilder = LogRebuilder()
        try scanLog { record, line in rebuilder.apply(record, line: line) }
        return rebuilder.result
    }

    /// Calls `body` with each readable line of `reviews.jsonl` and its number; returns the unreadable ones.
    @discardableResult
    ///
    /// The log is read a few megabytes at a time, so a log of any length takes little memory.
    public func scanLog(
        chunkSize: Int = 4 << 20, _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> [LogLineIssue] {
        try scanLog(from: 0, chunkSize: chunkSize, body).issues
    }

    /// `scanLog` of the bytes `from..<upTo` only (line numbers count from `from`); also returns where
    /// the last whole line read ends, so a later read can start there.
    public func scanLog(
        from start: Int, upTo end: Int = .max, chunkSize: Int = 4 << 20, _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> (issues: [LogLineIssue], wholeLinesEnd: Int) {
        var issues: [LogLineIssue] = []
        var lines = 0
        var carry = Data()
        var wholeLinesEnd = start
        let found = try DurableFile.readChunks(logURL.path, size: chunkSize, from: start, upTo: end) {
            chunk throws(StoreError) in
            carry.append(chunk)
            guard let lastNewline = carry.lastIndex(of: 0x0A) else { return }
            let complete = carry[carry.startIndex...lastNewline]
            let result = try ReviewLogFile.scan(Data(complete), source: logURL.path, linesBefore: lines, body)
            issues += result.issues
            lines += result.lines
            wholeLinesEnd += complete.count
            carry = Data(carry[(lastNewline + 1)...])
        }
        if found && !carry.isEmpty {
            issues += try ReviewLogFile.scan(carry, source: logURL.path, linesBefore: lines, body).issues
        }
        return (issues, wholeLinesEnd)
    }

    /// Compares `cards.json` with the log; damage is reported, not thrown.
    public func doctor(knownCardIDs: Set<CardID>) -> DoctorReport {
        var stored: Result<[CardID: CardRecord], StoreError>?
        do throws(StoreError) {
            if try DurableFile.size(cardsURL.path) != nil { stored = .success(try loadCards()) }
        } catch {
            stored = .failure(error)
        }
        return Doctor.check(stored: stored, knownCardIDs: knownCardIDs) { body throws(StoreError) in
            try scanLog(body)
        }
    }

    /// The recovery for a damaged `cards.json`: writes the states rebuilt from the log.
    ///
    /// A damaged original is first kept under a new name (a hard link, so its bytes are never
    /// rewritten): `cards.json.damaged`, then `.damaged-2`, …; that URL is returned. A file of
    /// a newer version is refused. Returns nil when there was nothing to keep.
    @discardableResult
    public func restoreCardsFromLog() throws(StoreError) -> URL? {
        try requireWritable()
        let rebuilt = try rebuildFromLog()
        var kept: URL?
        if let current = try DurableFile.read(cardsURL.path) {
            do throws(StoreError) {
                _ = try CardsFile.decode(current, source: cardsURL.path)
            } catch {
                if case .newerSchema = error { throw error }
                kept = try keepDamagedCards()
            }
        }
        let logBytes = try DurableFile.size(logURL.path) ?? 0
        try DurableFile.replace(
            cardsURL.path, with: CardsFile.encode(rebuilt.cards, logBytes: logBytes), folder: folder.path)
        cardsFileReadable = true
        return kept
    }

    private func keepDamagedCards() throws(StoreError) -> URL {
        var attempt = 1
        while true {
            let name = CardsFile.fileName + ".damaged" + (attempt == 1 ? "" : "-\(attempt)")
            let target = folder.appendingPathComponent(name)
            if link(cardsURL.path, target.path) == 0 {
                try DurableFile.syncFolder(folder.path)
                return target
            }
            guard errno == EEXIST else { throw .io(path: target.path, operation: "keep a copy at", code: errno) }
            attempt += 1
        }
    }

    private func requireWritable() throws(StoreError) {
        guard isWritable else { throw .readOnly(path: folder.path) }
    }

    /// Refuses to open a folder whose files a newer roledeck wrote, reading only their ends:
    /// this build writes `schemaVersion` as the last key of `cards.json` and on every log line,
    /// and a newer build would append its lines at the end of the log.
    private func refuseNewerFiles() throws(StoreError) {
        if let size = try DurableFile.size(cardsURL.path) {
            let tail = try DurableFile.read(cardsURL.path, from: max(0, size - 256)) ?? Data()
            let version: Int?
            if let found = Self.lastSchemaVersion(in: tail) {
                version = found
            } else if let data = try DurableFile.read(cardsURL.path) {
                // Damage is for loadCards and doctor to report; only a newer version blocks opening.
                version = try? CardsFile.schemaVersion(of: data, source: cardsURL.path)
            } else {
                version = nil
            }
            if let version, version > CardsFile.currentSchemaVersion {
                throw .newerSchema(file: cardsURL.path, found: version, supported: CardsFile.currentSchemaVersion)
            }
        }
        if let size = try DurableFile.size(logURL.path) {
            let tail = try DurableFile.read(logURL.path, from: max(0, size - 65_536)) ?? Data()
            var lines = tail.split(separator: UInt8(ascii: "\n"))
            if size > 65_536 && !lines.isEmpty { lines.removeFirst() }
            for line in lines {
                if let version = Self.lastSchemaVersion(in: line), version > ReviewLogFile.currentSchemaVersion {
                    throw .newerSchema(
                        file: logURL.path, found: version, supported: ReviewLogFile.currentSchemaVersion)
                }
            }
        }
    }

    /// True when `cards.json` is missing or a checkpoint of the log (it has `logBytes`), so the log alone
    /// gives the same card states; false for a file from before checkpoints. Reads only the file's end.
    public func cardsFileIsLogCheckpoint() throws(StoreError) -> Bool {
        guard let size = try DurableFile.size(cardsURL.path) else { return true }
        let tail = try DurableFile.read(cardsURL.path, from: max(0, size - 256)) ?? Data()
        return String(decoding: tail, as: UTF8.self).contains("\"logBytes\"")
    }

    /// The number after the last `"schemaVersion"` key in `bytes`, if there is one.
    static func lastSchemaVersion<Bytes: Collection>(in bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let key = text.range(of: "\"schemaVersion\"", options: .backwards) else { return nil }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
        return Int(rest.prefix { $0.isASCII && $0.isNumber })
    }
}
