import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file wrapper around `CardsFile` and `ReviewLogFile`: reads and writes one progress folder.
///
/// A writable store holds the folder's `StoreLock` for as long as any copy of it lives.
/// Writes are durable when they return: an append is fsynced, and `cards.json` is replaced
/// through a temp file, fsync, rename and an fsync of the folder, so a crash leaves either the
/// old or the new file, never a mix. A file the store cannot read (damaged, or from a newer
/// roledeck) is never overwritten or deleted.
public struct ProgressStore: Sendable {
    /// The progress folder.
    public let folder: URL
    private let lock: StoreLock?

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

    /// The card records in `cards.json`; empty when the file does not exist yet.
    public func loadCards() throws(StoreError) -> [CardID: CardRecord] {
        guard let data = try DurableFile.read(cardsURL.path) else { return [:] }
        return try CardsFile.decode(data, source: cardsURL.path)
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
        if let current = try DurableFile.read(cardsURL.path) {
            _ = try CardsFile.decode(current, source: cardsURL.path)
        }
        try DurableFile.replace(cardsURL.path, with: CardsFile.encode(cards), folder: folder.path)
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
    public func scanLog(_ body: (LogRecord, Int) -> Void) throws(StoreError) -> [LogLineIssue] {
        guard let data = try DurableFile.read(logURL.path) else { return [] }
        return try ReviewLogFile.scan(data, source: logURL.path, body).issues
    }

    /// Compares `cards.json` with the log; damage is reported, not thrown.
    public func doctor(knownCardIDs: Set<CardID>) -> DoctorReport {
        var report = DoctorReport()
        let cardsData: Data?
        let logData: Data?
        do throws(StoreError) {
            cardsData = try DurableFile.read(cardsURL.path)
            logData = try DurableFile.read(logURL.path)
        } catch {
            report.damagedFiles.append(error)
            return report
        }
        return Doctor.check(
            cardsData: cardsData, logData: logData, knownCardIDs: knownCardIDs,
            cardsSource: cardsURL.path, logSource: logURL.path)
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
        try DurableFile.replace(cardsURL.path, with: CardsFile.encode(rebuilt.cards), folder: folder.path)
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

    private func refuseNewerFiles() throws(StoreError) {
        if let data = try DurableFile.read(cardsURL.path) {
            do throws(StoreError) {
                let version = try CardsFile.schemaVersion(of: data, source: cardsURL.path)
                if version > CardsFile.currentSchemaVersion {
                    throw StoreError.newerSchema(
                        file: cardsURL.path, found: version, supported: CardsFile.currentSchemaVersion)
                }
            } catch {
                // Damage is for loadCards and doctor to report; only a newer version blocks opening.
                if case .newerSchema = error { throw error }
            }
        }
        _ = try loadLog()
    }
}
