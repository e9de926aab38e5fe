import Foundation

/// The one code that records a change to a learner's progress: an answer, an undo, a burial, a
/// suspension (or its end), and the leech flag an answer may bring. Each is one transaction:
///
/// 1. the lines are built and every value checked, so nothing is written that cannot be read back;
/// 2. they are appended to the review log in one write and fsynced: from here the change survives
///    a crash, and only now is it acknowledged;
/// 3. the same lines are applied to `fold`, the session's `LogFold`, so the state in memory is the
///    fold of the log by construction;
/// 4. `cards.json` is checkpointed by `StudySettings.checkpoint` (every N changes or T seconds) and
///    at `finish()`, never after every answer. A checkpoint that comes due is owed, not written at
///    once: the caller writes it (`writeOwedCheckpoint`) when it is about to wait for the learner,
///    with the next card on screen. So no answer waits for 30 MB of JSON, none competes with it for
///    the processor, and the states are never copied for another thread to write.
///
/// When a save fails (a full disk, a read-only folder) the log is cut back to its last whole line,
/// the error is thrown, and every later call throws too: nothing after a failure is acknowledged.
public final class ProgressRecorder {
    /// How many actions (answers, burials, suspensions) can be taken back in a row within a session.
    public static let undoLimit = 50

    /// The progress folder's store.
    public let store: ProgressStore
    /// The learner's settings: the scheduler's parameters, leeches, the checkpoint policy.
    public let settings: StudySettings
    /// The scheduler for the settings' parameters and the study day convention.
    public let scheduler: Scheduler
    /// Every card's state, the history, the day counts: the fold of the log as of the last change.
    public private(set) var fold: LogFold
    /// Cards brought up to date from log lines `cards.json` did not include yet, when the last session
    /// stopped between an answer and its checkpoint (or `cards.json` was lost), sorted.
    public private(set) var recoveredFromLog: [CardID] = []
    /// Why nothing can be written, when the folder is another session's or the log is short; nil when writable.
    public let readOnlyReason: StoreError?
    /// This session's actions that can be taken back, oldest first: the card and the kind of line
    /// that began each (an answer's leech lines are part of the answer).
    public private(set) var undoable: [UndoableAction] = []

    /// How many actions of this session can be taken back now.
    public var undoCount: Int { undoable.count }

    private var logSize: Int
    /// How many lines the log's first `logSize` bytes hold (its newlines).
    private var logLines: Int
    private var changesSinceCheckpoint = 0
    private var lastCheckpointUptime: UInt64
    private var failure: StoreError?
    /// Whether the checkpoint policy called for a checkpoint not written yet.
    public private(set) var owesCheckpoint = false
    /// Whether the stats cache is to be written for the next start (`writeOwedCache`).
    public private(set) var owesCache = false

    private init(
        store: ProgressStore, settings: StudySettings, days: DayConvention, fold: LogFold, logSize: Int,
        logLines: Int, readOnlyReason: StoreError?, uptimeNanoseconds: UInt64
    ) {
        self.store = store
        self.settings = settings
        scheduler = Scheduler(parameters: settings.parameters, dayConvention: days)
        self.fold = fold
        self.logSize = logSize
        self.logLines = logLines
        self.readOnlyReason = readOnlyReason
        lastCheckpointUptime = uptimeNanoseconds
    }

    /// Opens the progress in `store` for a session that counts study days with `days`.
    ///
    /// The day counts and undo come from the fold of the log (`LogDigest`: the cache and the lines
    /// since), without the reviews the statistics keep. So do the card states when `cards.json` is a
    /// checkpoint of exactly that log (its `logBytes` and totals agree, read from its last lines): the
    /// usual start, which never decodes the 30 MB file. Otherwise the states are `cards.json`'s with
    /// the log's later lines folded in (`ProgressStore.loadCards`). Without a cache (lost, or of
    /// another version), the fold `cards.json` carries stands in for the log up to its checkpoint
    /// (`FoldCheckpoint`), and the cache is owed (`writeOwedCache`). When the log is shorter than the
    /// checkpoint says, the states are `cards.json`'s and nothing can be written (`readOnlyReason`), so
    /// the log is never rolled back over; a store opened read-only gives a recorder that cannot write
    /// either. `uptimeNanoseconds` starts the checkpoint clock (monotonic; the wall clock may be frozen).
    public static func open(
        store: ProgressStore, settings: StudySettings, days: DayConvention, uptimeNanoseconds: UInt64
    ) throws(StoreError) -> ProgressRecorder {
        if let shortfall = try store.logShortfall() {
            // The checkpoint holds more than the log: show it, change nothing.
            let fold = LogFold(cards: try store.loadCards(), days: days)
            return ProgressRecorder(
                store: store, settings: settings, days: days, fold: fold, logSize: try store.logSize() ?? 0,
                logLines: 0, readOnlyReason: shortfall, uptimeNanoseconds: uptimeNanoseconds)
        }
        // The session needs the states, the day counts and undo; the statistics' reviews stay on disk.
        let digest = try LogDigest.load(
            store: store, days: days, now: LogFold.noHorizon, keepingHistory: false, startingFromCheckpoint: true,
            deferringCache: true)
        var fold = digest.fold
        // Past the digest's last whole line there is at most a torn line: no newline.
        let size = try store.logSize() ?? 0
        let recovered: [CardID]
        var checkpointOwed = false
        if digest.fromCheckpoint {
            recovered = digest.cardsAfterCheckpoint
        } else {
            let states = try store.cardStates(for: digest)
            fold.cards = states.cards
            recovered = states.recovered
            checkpointOwed = states.checkpointOwed
        }
        let recorder = ProgressRecorder(
            store: store, settings: settings, days: days, fold: fold, logSize: size, logLines: digest.logLines,
            readOnlyReason: store.isWritable ? nil : .readOnly(path: store.folder.path),
            uptimeNanoseconds: uptimeNanoseconds)
        recorder.recoveredFromLog = recovered
        recorder.owesCache = digest.owesCache
        // A fresh checkpoint saves folding those lines in again next time.
        if !recovered.isEmpty && store.isWritable { try recorder.checkpoint() }
        // One without totals or the fold is written again at the end, so the next start need not
        // decode it, or read the whole log.
        if checkpointOwed { recorder.changesSinceCheckpoint = max(recorder.changesSinceCheckpoint, 1) }
        return recorder
    }

    /// Whether changes can be saved.
    public var isWritable: Bool { readOnlyReason == nil }

    /// Each studied card's record.
    public var cards: [CardID: CardRecord] { fold.cards }

    // MARK: - Transactions

    /// Schedules `id` with `rating` at `now`, and records the review (with the leech flag and the
    /// suspension the leech rule may add). Fuzz draws from `rng`.
    @discardableResult
    public func answer(
        _ id: CardID, rating: Rating, given: GivenAnswer, now: Date, uptimeNanoseconds: UInt64,
        rng: inout some RandomNumberGenerator
    ) throws(StoreError) -> SavedAnswer {
        try requireWritable()
        let before = fold.cards[id]
        var next = before ?? CardRecord(card: .new(due: now))
        let result = scheduler.review(next.card, rating: rating, at: now, rng: &rng)
        let lapsed = next.applyReview(rating: rating, before: PriorState(before?.card), after: result.card)
        var lines = [
            LogRecord.review(
                cardID: id, at: now, rating: rating, before: before?.card, after: result.card, answer: given.answer,
                chosen: given.chosen, options: given.options, right: given.right, correct: given.correct,
                durationMs: given.durationMs, mode: given.mode)
        ]
        let becameLeech = lapsed && settings.isLeechLapse(next.lapses)
        if becameLeech {
            lines.append(.event(.leech, cardID: id, at: now))
            if settings.leechAction == .suspend { lines.append(.event(.suspend, cardID: id, at: now)) }
        }
        try commit(lines, uptimeNanoseconds: uptimeNanoseconds)
        remember(id, .review)
        return SavedAnswer(
            cardID: id, rating: rating, record: fold.cards[id] ?? next, interval: result.log.intervalSeconds,
            becameLeech: becameLeech)
    }

    /// Takes back this session's latest action not taken back yet (an answer, a burial, a
    /// suspension or its end) with an undo line that names its kind, which `LogFold` interprets;
    /// returns what was taken back, or nil when there is nothing.
    public func undo(now: Date, uptimeNanoseconds: UInt64) throws(StoreError) -> UndoableAction? {
        try requireWritable()
        guard let action = undoable.last else { return nil }
        try commit([.undo(action.kind, cardID: action.card, at: now)], uptimeNanoseconds: uptimeNanoseconds)
        undoable.removeLast()
        return action
    }

    /// Hides `id` until `until`.
    public func bury(_ id: CardID, until: Date, now: Date, uptimeNanoseconds: UInt64) throws(StoreError) {
        try requireWritable()
        try commit([.event(.bury, cardID: id, at: now, until: until)], uptimeNanoseconds: uptimeNanoseconds)
        remember(id, .bury)
    }

    /// Takes `id` out of study until it is unsuspended.
    public func suspend(_ id: CardID, now: Date, uptimeNanoseconds: UInt64) throws(StoreError) {
        try requireWritable()
        try commit([.event(.suspend, cardID: id, at: now)], uptimeNanoseconds: uptimeNanoseconds)
        remember(id, .suspend)
    }

    /// Puts a suspended card back into study; false (and nothing written) when it was not suspended.
    public func unsuspend(_ id: CardID, now: Date, uptimeNanoseconds: UInt64) throws(StoreError) -> Bool {
        try requireWritable()
        guard fold.cards[id]?.suspended == true else { return false }
        try commit([.event(.unsuspend, cardID: id, at: now)], uptimeNanoseconds: uptimeNanoseconds)
        remember(id, .unsuspend)
        return true
    }

    /// Writes `cards.json` now if anything changed since the last checkpoint (or one is owed after a
    /// recovery), waiting for it: the end of a session. A failure stops the session like any other.
    public func finish() throws(StoreError) {
        writeOwedCache()
        guard isWritable else { return }
        if let failure { throw .sessionStopped(reason: failure.errorDescription ?? "\(failure)") }
        guard changesSinceCheckpoint > 0 else { return }
        try checkpoint()
    }

    /// Writes the stats cache owed since opening, if it still is, from the fold as it stands: call it
    /// with something on screen. Best effort, like every cache write; a failed session writes none.
    public func writeOwedCache() {
        guard owesCache, failure == nil else { return }
        owesCache = false
        LogDigest(sessionFold: fold, logBytes: logSize, logLines: logLines).saveCache(store: store)
    }

    /// Writes the checkpoint the policy called for, if one is owed (see the type's step 4): call it
    /// when about to wait for the learner. A failure stops the session like any other.
    public func writeOwedCheckpoint(uptimeNanoseconds: UInt64) throws(StoreError) {
        guard owesCheckpoint, isWritable else { return }
        if let failure { throw .sessionStopped(reason: failure.errorDescription ?? "\(failure)") }
        try checkpoint()
        lastCheckpointUptime = uptimeNanoseconds
    }

    // MARK: - Inside

    /// Makes an action just committed the next one `undo` takes back (up to `undoLimit` in a row).
    private func remember(_ card: CardID, _ kind: LogRecordKind) {
        undoable.append(UndoableAction(card: card, kind: kind))
        if undoable.count > Self.undoLimit { undoable.removeFirst() }
    }

    private func requireWritable() throws(StoreError) {
        if let readOnlyReason { throw readOnlyReason }
        if let failure { throw .sessionStopped(reason: failure.errorDescription ?? "\(failure)") }
    }

    /// Remembers the failure that stops the session, and returns it to throw.
    private func stop(_ error: StoreError) -> StoreError {
        if failure == nil { failure = error }
        return error
    }

    /// Steps 2–4 of a transaction for lines already built.
    private func commit(_ lines: [LogRecord], uptimeNanoseconds: UInt64) throws(StoreError) {
        do {
            let appended = try store.appendCountingLines(lines)
            logSize = appended.size
            logLines += appended.newlines
        } catch {
            throw stop(error)
        }
        for line in lines { fold.apply(line, line: 0) }
        changesSinceCheckpoint += 1
        let seconds = Double(uptimeNanoseconds &- lastCheckpointUptime) / 1e9
        if settings.checkpoint.isDue(changes: changesSinceCheckpoint, seconds: seconds) { owesCheckpoint = true }
    }

    /// Writes `cards.json` from `fold`, which includes the whole log so far.
    private func checkpoint() throws(StoreError) {
        do {
            try store.writeCheckpoint(fold, logBytes: logSize, logLines: logLines)
        } catch {
            throw stop(error)
        }
        changesSinceCheckpoint = 0
        owesCheckpoint = false
    }
}

/// An action of a session that `ProgressRecorder.undo` can take back.
public struct UndoableAction: Equatable, Sendable {
    /// The card it was done to.
    public var card: CardID
    /// The kind of line that recorded it: `review` (an answer), `bury`, `suspend` or `unsuspend`.
    public var kind: LogRecordKind
}
