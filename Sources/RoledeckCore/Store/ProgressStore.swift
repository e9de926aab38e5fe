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
/// roledeck) is never overwritten or deleted: a damaged `cards.json` is kept aside first.
///
/// The log is the record of every answer; `cards.json` is a checkpoint that says how many bytes
/// of the log it includes, and loading folds in whatever the log has beyond that. So an answer is
/// safe once its line is appended, and `cards.json` can be saved as often or as rarely as suits.
/// `ProgressRecorder` is the one writer during a study session.
public final class ProgressStore {
    /// The progress folder.
    public let folder: URL
    private let lock: StoreLock?
    /// The cards that the last `loadCards()` brought up to date from log lines `cards.json` did not
    /// include yet (a session that stopped between the two writes), sorted.
    public private(set) var recoveredFromLog: [CardID] = []
    /// Temporary files of interrupted saves that `open` found and removed, with their sizes.
    public private(set) var removedTemporaryFiles: [(name: String, bytes: Int)] = []

    /// The lock file's name inside the folder.
    public static let lockFileName = ".lock"

    /// Opens `folder` for reading and writing, creating it if needed, and takes its lock.
    ///
    /// Throws `locked` when another session holds it, and `newerSchema` when a file was
    /// written by a newer roledeck (so nothing here can append to or replace it). Temporary files
    /// left by saves that a crash interrupted are removed (`removedTemporaryFiles`).
    public static func open(folder: URL) throws(StoreError) -> ProgressStore {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            throw .io(path: folder.path, operation: .createFolder, code: underlying.map { Int32($0.code) } ?? EIO)
        }
        let lock = try StoreLock(path: folder.appendingPathComponent(lockFileName).path)
        let store = ProgressStore(folder: folder, lock: lock)
        try store.refuseNewerFiles()
        store.removeStaleTemporaryFiles()
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

    /// The size of `reviews.jsonl`, or nil when it does not exist.
    public func logSize() throws(StoreError) -> Int? {
        try DurableFile.size(logURL.path)
    }

    // MARK: - Reading

    /// What the end of `cards.json` says, read without decoding the file: whether it exists, how
    /// many bytes of the log it includes (nil: a file from before checkpoints) and its totals.
    public func checkpointHeader() throws(StoreError) -> CheckpointHeader {
        guard let size = try DurableFile.size(cardsURL.path) else { return CheckpointHeader(exists: false) }
        let tail = try DurableFile.read(cardsURL.path, from: max(0, size - 512)) ?? Data()
        let text = String(decoding: tail, as: UTF8.self)
        func number(after key: String, in text: Substring) -> (value: Int?, text: String)? {
            guard let found = text.range(of: "\"\(key)\"", options: .backwards) else { return nil }
            let rest = text[found.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
            let digits = rest.prefix { $0 == "-" || ($0.isASCII && $0.isNumber) }
            return (Int(digits), digits.isEmpty ? String(rest.prefix(20)) : String(digits))
        }
        var header = CheckpointHeader(exists: true)
        if let found = number(after: "logBytes", in: text[...]) {
            guard let value = found.value, ProgressLimits.logBytes.contains(value) else {
                throw .damaged(
                    file: cardsURL.path, position: nil, field: "logBytes",
                    reason:
                        "\(found.text): 범위 밖입니다 (0부터 \(ProgressLimits.logBytes.upperBound)까지의 정수)"
                )
            }
            header.logBytes = value
        }
        if let found = number(after: "logLines", in: text[...]), let value = found.value, value >= 0 {
            header.logLines = value
        }
        if let key = text.range(of: "\"totals\"", options: .backwards) {
            let rest = text[key.upperBound...]
            if let cards = number(after: "cards", in: rest)?.value, let reps = number(after: "reps", in: rest)?.value,
                let lapses = number(after: "lapses", in: rest)?.value
            {
                header.totals = CardTotals(cards: cards, reps: reps, lapses: lapses)
            }
        }
        return header
    }

    /// The log is shorter than `cards.json` says it includes (or missing while it should hold
    /// something): the error that says so, or nil when the files agree on that.
    public func logShortfall() throws(StoreError) -> StoreError? {
        let header = try checkpointHeader()
        guard let checkpointBytes = header.logBytes, checkpointBytes > 0 else { return nil }
        let size = try logSize()
        guard (size ?? 0) < checkpointBytes else { return nil }
        return .logShorterThanCheckpoint(log: logURL.path, logBytes: size, checkpointBytes: checkpointBytes)
    }

    /// Every card's record: `cards.json` plus the log lines written after it was saved.
    ///
    /// Empty when nothing was studied yet. When the checkpoint cannot be brought up to date from
    /// the tail alone (an undo of an older review), the whole log is folded.
    public func loadCards() throws(StoreError) -> [CardID: CardRecord] {
        recoveredFromLog = []
        guard let data = try DurableFile.read(cardsURL.path) else {
            let rebuilt = try foldLog(keepsHistory: false).cards
            recoveredFromLog = rebuilt.keys.sorted()
            return rebuilt
        }
        let snapshot = try CardsFile.decodeSnapshot(data, source: cardsURL.path)
        guard let logBytes = snapshot.logBytes, let size = try logSize(), size > logBytes else { return snapshot.cards }
        var fold = LogFold(cards: snapshot.cards, keepsHistory: false)
        var touched = Set<CardID>()
        _ = try scanLog(from: logBytes, keepAnswers: false) { record, line in
            fold.apply(record, line: line)
            touched.insert(record.cardID)
        }
        recoveredFromLog = touched.sorted()
        if !fold.unmatchedUndoLines.isEmpty { return try foldLog(keepsHistory: false).cards }
        return fold.cards
    }

    /// The card states that go with `digest`, a fold of this store's log, and the cards whose states
    /// came from log lines `cards.json` did not include (recovered after a session stopped early).
    ///
    /// The fold's own states when `cards.json` is a checkpoint of exactly that log (its `logBytes` and
    /// totals agree, read from its last lines): the usual case, which never decodes the 30 MB file.
    /// Otherwise — the checkpoint lags the log, comes from before checkpoints, or holds what the log
    /// does not — `cards.json`'s states with the log's later lines folded in (`loadCards`). Call
    /// `logShortfall()` first: a log shorter than the checkpoint is not for folding.
    ///
    /// `checkpointOwed` is true when `cards.json` should be written again even without a change: it
    /// lacks the totals that let the next start skip decoding it, or the fold that lets a start
    /// without the stats cache skip reading the whole log.
    public func cardStates(for digest: LogDigest) throws(StoreError) -> (
        cards: [CardID: CardRecord], recovered: [CardID], checkpointOwed: Bool
    ) {
        let header = try checkpointHeader()
        guard header.exists else {
            // cards.json lost (or never written): the log alone gives every state.
            return (digest.cards, digest.cards.keys.sorted(), false)
        }
        if header.logBytes == digest.logBytes && header.totals == CardTotals(digest.cards) {
            return (digest.cards, [], header.logLines == nil)
        }
        let cards = try loadCards()
        return (cards, recoveredFromLog, header.totals == nil || header.logLines == nil)
    }

    /// The lines of `reviews.jsonl`; empty when the file does not exist yet. For tests and small
    /// logs: the program itself streams the log (`scanLog`).
    public func loadLog() throws(StoreError) -> ReviewLogContents {
        guard let data = try DurableFile.read(logURL.path) else { return .empty }
        return try ReviewLogFile.decode(data, source: logURL.path)
    }

    /// The fold of the whole log (see `LogFold`); days are counted with `days`, and the reviews are kept
    /// unless `keepsHistory` is false.
    public func foldLog(days: DayConvention = .pyFSRS, keepsHistory: Bool = true) throws(StoreError) -> LogFold {
        var fold = LogFold(days: days, keepsHistory: keepsHistory)
        try scanLog(keepAnswers: false) { record, line in fold.apply(record, line: line) }
        return fold
    }

    /// Calls `body` with each readable line of `reviews.jsonl` and its number; returns the unreadable ones.
    ///
    /// The log is read a few megabytes at a time, so a log of any length takes little memory.
    @discardableResult
    public func scanLog(
        chunkSize: Int = 2 << 20, keepAnswers: Bool = true, _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> [LogLineIssue] {
        try scanLog(from: 0, chunkSize: chunkSize, keepAnswers: keepAnswers, body).issues
    }

    /// `scanLog` of the bytes `from..<upTo` only, whose first line is line `linesBefore + 1` of the
    /// file (pass how many lines the bytes before `from` hold, so every line is reported by its real
    /// number); also returns where the last whole line read ends and how many whole lines were read,
    /// so a later read can start there.
    /// Answers (what the learner typed) are read unless `keepAnswers` is false: folding the log does not use them.
    public func scanLog(
        from start: Int, upTo end: Int = .max, linesBefore: Int = 0, chunkSize: Int = 2 << 20,
        keepAnswers: Bool = true, _ body: (LogRecord, Int) -> Void
    ) throws(StoreError) -> (issues: [LogLineIssue], wholeLinesEnd: Int, wholeLines: Int) {
        // No further than the log's size now: lines appended meanwhile are for the next read.
        guard let size = try logSize(), size > start else { return ([], start, 0) }
        let fd: Int32
        do {
            fd = try DurableFile.open(logURL.path, flags: O_RDONLY)
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return ([], start, 0) }
            throw error
        }
        defer { close(fd) }
        let reader = LogBatchReader(
            fd: fd, from: start, upTo: min(end, size), linesBefore: linesBefore, chunkSize: chunkSize)
        // Two stages on two threads: the next piece is decoded while the lines of this one are applied,
        // in file order. (Decoding on a second thread too, or on this one between pieces, was tried:
        // on two cores it gained no time, the decks being decoded meanwhile, and cost memory.)
        let lane = LogBatchReader.Lane(path: logURL.path, keepAnswers: keepAnswers)
        var pending = try reader.nextPiece(path: logURL.path).map(lane.decode)
        var issues: [LogLineIssue] = []
        while let decoding = pending {
            let batch = try decoding.take().get()
            pending = try reader.nextPiece(path: logURL.path).map(lane.decode)
            // Each record handed over where it lies in the batch, not copied out of it first.
            batch.records.withUnsafeBufferPointer { records in
                batch.lines.withUnsafeBufferPointer { lines in
                    for index in records.indices { body(records[index], lines[index]) }
                }
            }
            issues += batch.issues
        }
        return (issues, reader.wholeLinesEnd, reader.wholeLines)
    }

    // MARK: - Writing

    /// Appends `records` to `reviews.jsonl` in one write(2) and fsyncs it before returning; returns
    /// the log's size after them.
    ///
    /// Every value is checked first: a line that could not be read back is refused, and nothing is
    /// written. When the file ends without a newline (a torn line from a crash), the write starts
    /// with one, so the new line is never glued to the torn one, which stays where it is. When the
    /// write or the fsync fails (a full disk), the file is cut back to its size before, so no
    /// partly written line stays behind.
    @discardableResult
    public func append(_ records: [LogRecord]) throws(StoreError) -> Int {
        try appendCountingLines(records).size
    }

    /// `append(_:)`, which also says how many newlines it wrote: one a record, and one before them
    /// when it ended a torn line.
    func appendCountingLines(_ records: [LogRecord]) throws(StoreError) -> (size: Int, newlines: Int) {
        try requireWritable()
        let path = logURL.path
        for record in records {
            if let problem = ProgressLimits.check(record) {
                throw .unwritable(file: path, field: problem.field, value: problem.value, expected: problem.expected)
            }
        }
        let existed = access(path, F_OK) == 0
        let fd = try DurableFile.open(path, flags: O_RDWR | O_APPEND | O_CREAT)
        defer { close(fd) }
        let sizeBefore = try DurableFile.size(of: fd, path: path)
        var data = Data()
        var newlines = records.count
        if sizeBefore > 0, try DurableFile.lastByte(fd, path: path) != UInt8(ascii: "\n") {
            data.append(UInt8(ascii: "\n"))
            newlines += 1
        }
        for record in records { data.append(ReviewLogFile.encodeLine(record)) }
        do {
            try DurableFile.writeAll(fd, data, path: path)
            try DurableFile.sync(fd, path: path)
            if !existed { try DurableFile.syncFolder(folder.path) }
        } catch {
            // Cut back what part of the lines did reach the file; a regular file only (not /dev/full).
            if ftruncate(fd, off_t(sizeBefore)) == 0 { _ = fsync(fd) }
            throw error
        }
        return (sizeBefore + data.count, newlines)
    }

    /// Appends one line (see `append(_:)` for a list).
    @discardableResult
    public func append(_ record: LogRecord) throws(StoreError) -> Int {
        try append([record])
    }

    /// Replaces `cards.json` with `cards`, which include the first `logBytes` bytes of the log, durably
    /// (see `CheckpointFile.write`).
    public func writeCheckpoint(_ cards: [CardID: CardRecord], logBytes: Int) throws(StoreError) {
        try requireWritable()
        try checkpointFile.write(cards, logBytes: logBytes)
    }

    /// Replaces `cards.json` with `fold`, the fold of the log's first `logBytes` bytes, which hold
    /// `logLines` lines: the card states and, for the next start without a stats cache, the rest
    /// of the fold (see `FoldCheckpoint`).
    public func writeCheckpoint(_ fold: LogFold, logBytes: Int, logLines: Int) throws(StoreError) {
        try requireWritable()
        let fingerprint = try LogDigest.fingerprint(of: logURL.path, upTo: logBytes)
        try checkpointFile.write(
            fold.cards, logBytes: logBytes,
            fold: FoldCheckpoint(fold: fold, logLines: logLines, fingerprint: fingerprint))
    }

    /// Replaces `cards.json` with `cards`, taking the log's current size as what they include.
    public func saveCards(_ cards: [CardID: CardRecord]) throws(StoreError) {
        try writeCheckpoint(cards, logBytes: try logSize() ?? 0)
    }

    /// `cards.json` and how it is replaced.
    var checkpointFile: CheckpointFile {
        CheckpointFile(path: cardsURL.path, folder: folder.path)
    }

    // MARK: - Doctor

    /// Compares `cards.json` with the log; damage is reported, not thrown.
    public func doctor(knownCardIDs: Set<CardID>) -> DoctorReport {
        var stored: Result<[CardID: CardRecord], StoreError>?
        var header = CheckpointHeader(exists: false)
        var checkpoint: FoldCheckpoint?
        do throws(StoreError) {
            header = try checkpointHeader()
            if header.exists, let data = try DurableFile.read(cardsURL.path) {
                let snapshot = try CardsFile.decodeSnapshot(data, source: cardsURL.path)
                stored = .success(snapshot.cards)
                // The carried fold is checked when it is one of the whole log as it is now.
                if let fold = snapshot.fold, let logBytes = snapshot.logBytes, try logSize() == logBytes,
                    try LogDigest.fingerprint(of: logURL.path, upTo: logBytes) == fold.fingerprint
                {
                    checkpoint = fold
                }
            }
        } catch {
            stored = .failure(error)
            header.exists = true
        }
        var lines = 0
        var report = Doctor.check(stored: stored, checkpoint: checkpoint, knownCardIDs: knownCardIDs) {
            body throws(StoreError) in
            let read = try scanLog(from: 0, keepAnswers: false, body)
            lines = read.wholeLines
            return read.issues
        }
        if let checkpoint, checkpoint.logLines != lines { report.checkpointFoldDisagrees = true }
        report.checkpointBytes = header.logBytes
        report.logBytes = (try? logSize()) ?? nil
        report.removedTemporaryFiles = removedTemporaryFiles.map(\.name)
        return report
    }

    /// Rewrites `cards.json` from the log, keeping the file it replaces as `cards.json.bak-<time>`
    /// (a damaged one is also kept as `cards.json.damaged`). Unless `force`, refuses when the log is
    /// missing or shorter than the checkpoint says, since the rebuild would lose progress.
    ///
    /// `now` names the backup (the core reads no clock); `days` counts the study days the file carries
    /// beside the states (the learner's convention, so a session can start from it). Returns the
    /// backup's URL, if a file was kept.
    @discardableResult
    public func restoreCardsFromLog(
        force: Bool = false, days: DayConvention = .pyFSRS, now: Date
    ) throws(StoreError) -> URL? {
        try requireWritable()
        if !force, let shortfall = try logShortfall() { throw shortfall }
        let size = try logSize() ?? 0
        var fold = LogFold(days: days, keepsHistory: false)
        let read = try scanLog(from: 0, upTo: size, keepAnswers: false) { record, line in
            fold.apply(record, line: line)
        }
        var backup: URL?
        if let data = try DurableFile.read(cardsURL.path) {
            if let error = Self.newerSchemaError(data, cardsURL) { throw error }
            backup = try checkpointFile.keepCopy(suffix: ".bak-" + Self.backupStamp(now))
        }
        // A last line without its newline was read too; the lines counted are the newlines.
        let checkpoint = FoldCheckpoint(
            fold: fold, logLines: read.wholeLines, fingerprint: try LogDigest.fingerprint(of: logURL.path, upTo: size))
        try checkpointFile.write(fold.cards, logBytes: size, fold: checkpoint)
        return backup
    }

    private static func newerSchemaError(_ data: Data, _ url: URL) -> StoreError? {
        do throws(StoreError) {
            _ = try CardsFile.decodeSnapshot(data, source: url.path)
            return nil
        } catch {
            if case .newerSchema = error { return error }
            return nil
        }
    }

    /// `20261201T090000Z`: a backup's time, sortable and safe in a file name.
    static func backupStamp(_ date: Date) -> String {
        let text =
            ProgressLimits.contains(date)
            ? ISOTimestamp.format(date) : ISOTimestamp.format(Date(timeIntervalSince1970: 0))
        return String(text.prefix(19).filter { $0 != "-" && $0 != ":" }) + "Z"
    }

    // MARK: - Housekeeping

    private func requireWritable() throws(StoreError) {
        guard isWritable else { throw .readOnly(path: folder.path) }
    }

    /// Removes `.cards.json.tmp-<pid>` files (only a lock holder writes them, and this store holds the
    /// lock) and the caches' `.stats-cache.tmp-<pid>` and `.deck-cache.tmp-<pid>` files whose process
    /// is gone: a kill during a save leaves them.
    private func removeStaleTemporaryFiles() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            let checkpoint = name.hasPrefix("." + CardsFile.fileName + ".tmp-")
            let cache =
                name.hasPrefix(LogDigest.cacheFileName + ".tmp-") || name.hasPrefix(DeckCache.fileName + ".tmp-")
            guard checkpoint || cache else { continue }
            if cache, let pid = Int32(name.split(separator: "-").last ?? ""), pid > 0,
                kill(pid, 0) == 0 || errno == EPERM
            {
                continue
            }
            let path = folder.appendingPathComponent(name).path
            let size = (try? DurableFile.size(path)) ?? nil
            if unlink(path) == 0 { removedTemporaryFiles.append((name, size ?? 0)) }
        }
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
                // Damage is for loading and doctor to report; only a newer version blocks opening.
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

    /// The number after the last `"schemaVersion"` key in `bytes`, if there is one.
    static func lastSchemaVersion<Bytes: Collection>(in bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let key = text.range(of: "\"schemaVersion\"", options: .backwards) else { return nil }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
        return Int(rest.prefix { $0.isASCII && $0.isNumber })
    }
}
