import Foundation
import Testing

@testable import RoledeckCore

/// `cards.json` carries the rest of the log's fold (`FoldCheckpoint`): a session that finds no stats
/// cache starts from it and the log's tail, and must hold exactly what reading the whole log gives.
@Suite struct FoldCheckpointTests {
    let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!)

    /// Seeded lines of every kind over many days: reviews (some ahead or crammed, with and without a
    /// duration), undos naming each kind (some with nothing left to take back), burials, suspensions,
    /// their ends and leeches, on a handful of cards.
    static func lines(count: Int, seed: UInt64) -> [LogRecord] {
        var rng = SeededGenerator(seed: seed)
        let scheduler = Scheduler()
        var states: [CardID: FSRSCard] = [:]
        var at = StoreFixtures.now
        var lines: [LogRecord] = []
        for _ in 0..<count {
            // Mostly minutes apart, sometimes the next day or a week on.
            at = at.addingTimeInterval([60, 600, 3_600, 86_400, 604_800][Int.random(in: 0..<5, using: &rng)])
            let id = CardID(rawValue: "cloze/데이터-엔지니어/\(Int.random(in: 0..<6, using: &rng))")
            switch Int.random(in: 0..<12, using: &rng) {
            case 0...5:
                let before = states[id]
                let rating = Rating.allCases[Int.random(in: 0..<4, using: &rng)]
                let after = scheduler.review(before ?? .new(due: at), rating: rating, at: at, rng: &rng).card
                states[id] = after
                lines.append(
                    .review(
                        cardID: id, at: at, rating: rating, before: before, after: after,
                        durationMs: Bool.random(using: &rng) ? Int.random(in: 0..<90_000, using: &rng) : nil,
                        mode: [nil, nil, StudyMode.ahead, .cram][Int.random(in: 0..<4, using: &rng)]))
            case 6, 7:
                let kind = [LogRecordKind.review, .bury, .suspend, .unsuspend][Int.random(in: 0..<4, using: &rng)]
                lines.append(.undo(kind, cardID: id, at: at))
            case 8:
                lines.append(.event(.bury, cardID: id, at: at, until: at.addingTimeInterval(86_400)))
            case 9:
                lines.append(.event(.suspend, cardID: id, at: at))
            case 10:
                lines.append(.event(.unsuspend, cardID: id, at: at))
            default:
                lines.append(.event(.leech, cardID: id, at: at))
            }
        }
        return lines
    }

    /// What a session gets from reading the whole of `store`'s log (no cache, no checkpoint).
    func wholeLog(_ store: ProgressStore, days: DayConvention? = nil) throws -> LogDigest {
        let folder = StoreFixtures.folder("whole-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: store.logURL, to: folder.appendingPathComponent(ReviewLogFile.fileName))
        let digest = try LogDigest.load(
            store: ProgressStore.openReadOnly(folder: folder), days: days ?? self.days, now: LogFold.noHorizon,
            keepingHistory: false)
        #expect(!digest.fromCache && !digest.fromCheckpoint)
        return digest
    }

    /// A session's start with no stats cache.
    func startWithoutCache(_ store: ProgressStore, days: DayConvention? = nil) throws -> LogDigest {
        try? FileManager.default.removeItem(at: store.folder.appendingPathComponent(LogDigest.cacheFileName))
        return try LogDigest.load(
            store: store, days: days ?? self.days, now: LogFold.noHorizon, keepingHistory: false,
            startingFromCheckpoint: true, deferringCache: true)
    }

    func expectSame(_ one: LogFold, _ other: LogFold, _ comment: Comment? = nil) {
        #expect(one.cards == other.cards, comment)
        #expect(one.days == other.days, comment)
        #expect(one.recent.entries == other.recent.entries, comment)
        #expect(one.unmatchedUndoLines == other.unmatchedUndoLines, comment)
        #expect(one.reviewCount == other.reviewCount, comment)
        #expect(one.latest == other.latest, comment)
    }

    /// Writes `cards.json` as a session's checkpoint of the whole log as it is now.
    func checkpoint(_ store: ProgressStore) throws {
        let digest = try wholeLog(store)
        try store.writeCheckpoint(digest.fold, logBytes: digest.logBytes, logLines: digest.logLines)
    }

    @Test func theFoldReadsBackFromCardsJSONAsItWasWritten() throws {
        let lines = Self.lines(count: 400, seed: 1)
        let fold = LogFold(days: days, keepsHistory: false).folding(lines)
        #expect(!fold.unmatchedUndoLines.isEmpty && fold.recent.entries.contains { $0.counted?.mode != nil })
        #expect(Set(fold.recent.entries.map(\.kind)) == LogRecordKind.undoable)
        let written = try #require(FoldCheckpoint(fold: fold, logLines: 400, fingerprint: 0xFEDC_BA98_7654_3210))
        let bytes = CardsFile.encode(fold.cards, logBytes: 50_000, fold: written)
        let snapshot = try CardsFile.decodeSnapshot(bytes)
        #expect(snapshot.fold == written)
        #expect(snapshot.cards == fold.cards && snapshot.logBytes == 50_000)
        #expect(CardsFile.encode(snapshot.cards, logBytes: 50_000, fold: snapshot.fold) == bytes)
        expectSame(try #require(written.fold(cards: snapshot.cards, days: days)), fold)
        // Another day convention counts other days: the fold is not for it.
        #expect(written.fold(cards: snapshot.cards, days: .pyFSRS) == nil)
        // Its members come before `logBytes`, and `logLines` after it, where the file's last lines show it.
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        try bytes.write(to: store.cardsURL)
        #expect(try store.checkpointHeader().logLines == 400)
        try CardsFile.encode(fold.cards, logBytes: 50_000).write(to: store.cardsURL)
        #expect(try store.checkpointHeader().logLines == nil)
    }

    @Test func aStartFromTheCheckpointAndTheTailEqualsReadingTheWholeLog() throws {
        // Seeded logs cut at a seeded place: the checkpoint, then the lines a killed session wrote after it.
        var rng = SeededGenerator(seed: 5)
        for seed in 1...25 as ClosedRange<UInt64> {
            let store = try ProgressStore.open(folder: StoreFixtures.folder("start-\(seed)"))
            let lines = Self.lines(count: Int.random(in: 1...300, using: &rng), seed: seed)
            let cut = Int.random(in: 0...lines.count, using: &rng)
            for line in lines[..<cut] { try store.append(line) }
            if cut > 0 { try checkpoint(store) }
            for line in lines[cut...] { try store.append(line) }
            let started = try startWithoutCache(store)
            let whole = try wholeLog(store)
            #expect(started.fromCheckpoint == (cut > 0), "seed \(seed)")
            expectSame(started.fold, whole.fold, "seed \(seed), cut at \(cut) of \(lines.count)")
            #expect(started.logLines == whole.logLines && started.logBytes == whole.logBytes, "seed \(seed)")
            #expect(started.cardsAfterCheckpoint == (cut > 0 ? Set(lines[cut...].map(\.cardID)).sorted() : []))
            #expect(started.owesCache)
        }
    }

    @Test func aSessionKilledAfterItsLastCheckpointStartsAgainWithEverythingItSaved() throws {
        // The recorder's own checkpoints (every 7 changes), answers, undos, burials and suspensions over
        // several days; then the session stops without `finish` (as kill -9 would) and the cache is lost.
        for seed in 1...12 as ClosedRange<UInt64> {
            let store = try ProgressStore.open(folder: StoreFixtures.folder("killed-\(seed)"))
            let settings = StudySettings(checkpoint: CheckpointPolicy(everyAnswers: 7))
            let recorder = try ProgressRecorder.open(store: store, settings: settings, days: days, uptimeNanoseconds: 0)
            var rng = SeededGenerator(seed: seed)
            var now = StoreFixtures.now
            for step in 0..<Int.random(in: 20...120, using: &rng) {
                now = now.addingTimeInterval([30, 300, 86_400][Int.random(in: 0..<3, using: &rng)])
                let id = CardID(rawValue: "card-\(Int.random(in: 0..<8, using: &rng))")
                let clock = UInt64(step)
                switch Int.random(in: 0..<10, using: &rng) {
                case 0...5:
                    try recorder.answer(
                        id, rating: Rating.allCases[Int.random(in: 0..<4, using: &rng)],
                        given: GivenAnswer(durationMs: Int.random(in: 0..<20_000, using: &rng)), now: now,
                        uptimeNanoseconds: clock, rng: &rng)
                case 6: _ = try recorder.undo(now: now, uptimeNanoseconds: clock)
                case 7: try recorder.bury(id, until: now.addingTimeInterval(86_400), now: now, uptimeNanoseconds: clock)
                case 8: try recorder.suspend(id, now: now, uptimeNanoseconds: clock)
                default: _ = try recorder.unsuspend(id, now: now, uptimeNanoseconds: clock)
                }
                try recorder.writeOwedCheckpoint(uptimeNanoseconds: clock)
            }
            let header = try store.checkpointHeader()
            #expect(header.logLines != nil, "seed \(seed)")
            #expect(try startWithoutCache(store).fromCheckpoint, "seed \(seed)")
            let whole = try wholeLog(store)
            let again = try ProgressRecorder.open(
                store: ProgressStore.openReadOnly(folder: store.folder), settings: settings, days: days,
                uptimeNanoseconds: 0)
            expectSame(again.fold, whole.fold, "seed \(seed)")
            expectSame(again.fold, recorder.fold, "seed \(seed)")
            let saved = (try store.logSize() ?? 0) > (header.logBytes ?? 0)
            #expect(again.recoveredFromLog.isEmpty == !saved, "seed \(seed)")
        }
    }

    @Test func aCheckpointOfAnotherConventionOrLogIsNotUsed() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let lines = Self.lines(count: 200, seed: 7)
        for line in lines { try store.append(line) }
        try checkpoint(store)
        #expect(try startWithoutCache(store).fromCheckpoint)

        // Counted with another rollover: the whole log is read, with that convention.
        let other = DayConvention.anki(rolloverHour: 0, timeZone: TimeZone(identifier: "Asia/Seoul")!)
        let otherStart = try startWithoutCache(store, days: other)
        #expect(!otherStart.fromCheckpoint)
        expectSame(otherStart.fold, try wholeLog(store, days: other).fold)

        // A log of the same length with other bytes (restored from elsewhere): not the one folded.
        var log = try Data(contentsOf: store.logURL)
        let at = log.count - 40
        log[at] = log[at] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        try log.write(to: store.logURL)
        let replaced = try startWithoutCache(store)
        #expect(!replaced.fromCheckpoint && !replaced.fromCache)
    }

    @Test func aFoldThatDoesNotHoldTogetherIsLeftOutAndTheCardsStillRead() throws {
        let fold = LogFold(days: days, keepsHistory: false).folding(Self.lines(count: 150, seed: 3))
        let written = try #require(FoldCheckpoint(fold: fold, logLines: 150, fingerprint: 1))
        func read(_ change: (inout FoldCheckpoint) -> Void, logBytes: Int = 90_000) throws -> CardsSnapshot {
            var changed = written
            change(&changed)
            return try CardsFile.decodeSnapshot(CardsFile.encode(fold.cards, logBytes: logBytes, fold: changed))
        }
        #expect(try read { _ in }.fold == written)
        let broken: [(String, (inout FoldCheckpoint) -> Void)] = [
            ("more new cards than reviews", { $0.days[0].newCards = $0.days[0].total + 1 }),
            ("days out of order", { $0.days.swapAt(0, 1) }),
            ("more reviews counted than applied", { $0.reviewCount = 1 }),
            ("more lines than bytes", { $0.logLines = 100_000 }),
            ("an unmatched undo past the end", { $0.unmatchedUndoLines.append(151) }),
            ("a review entry without its count", { $0.undo[$0.undo.firstIndex { $0.kind == .review }!].counted = nil }),
            ("a day no time can have", { $0.days[0].day = 9_000_000 }),
            (
                "a replaced record out of range",
                {
                    let index = $0.undo.firstIndex { $0.replaced != nil }!
                    $0.undo[index].replaced?.reps = -1
                }
            ),
        ]
        for (name, change) in broken {
            let snapshot = try read(change)
            #expect(snapshot.fold == nil, "\(name)")
            #expect(snapshot.cards == fold.cards, "\(name)")
        }
        // Without `logLines` beside it, or of the wrong shape, it is left out too.
        var text = String(decoding: CardsFile.encode(fold.cards, logBytes: 90_000, fold: written), as: UTF8.self)
        let withoutLines = text.replacingOccurrences(of: "\"logLines\" : 150,", with: "")
        #expect(withoutLines != text)
        #expect(try CardsFile.decodeSnapshot(Data(withoutLines.utf8)).fold == nil)
        text = text.replacingOccurrences(of: "\"reviewCount\" : ", with: "\"reviewCount\" : \"x\", \"r\" : ")
        let misshapen = try CardsFile.decodeSnapshot(Data(text.utf8))
        #expect(misshapen.fold == nil && misshapen.cards == fold.cards)
    }

    @Test func linesAfterACheckpointPastATornLineAreNumberedAsTheWholeLogNumbersThem() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let lines = Self.lines(count: 30, seed: 11)
        for line in lines.prefix(10) { try store.append(line) }
        // A line cut short by a crash; the session after it ends it with a newline before its own.
        try Data("{\"at\": \"2026".utf8).append(to: store.logURL)
        let recorder = try ProgressRecorder.open(
            store: store, settings: StudySettings(), days: days, uptimeNanoseconds: 0)
        var rng = SeededGenerator(seed: 1)
        try recorder.answer(
            "card-x", rating: .good, given: GivenAnswer(), now: lines[10].at, uptimeNanoseconds: 0, rng: &rng)
        try recorder.finish()
        #expect(try store.checkpointHeader().logLines == 12)
        // Line 13 cannot be read; line 14 can.
        try Data("{\"schemaVersion\": 1, \"kind\": \"review\"}\n".utf8).append(to: store.logURL)
        try store.append(lines[11])
        let started = try startWithoutCache(store)
        let whole = try wholeLog(store)
        #expect(started.fromCheckpoint)
        #expect(started.issues.map(\.line) == [13])
        #expect(whole.issues.map(\.line) == [11, 13])
        #expect(started.logLines == 14 && whole.logLines == 14)
        expectSame(started.fold, whole.fold)
    }

    @Test func aStartFromTheCheckpointOwesTheCacheAndTheNextStartReadsIt() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        for line in Self.lines(count: 120, seed: 13) { try store.append(line) }
        try checkpoint(store)
        let cache = store.folder.appendingPathComponent(LogDigest.cacheFileName)
        let recorder = try ProgressRecorder.open(
            store: store, settings: StudySettings(), days: days, uptimeNanoseconds: 0)
        // Nothing is written before the first card is on screen.
        #expect(recorder.owesCache && !FileManager.default.fileExists(atPath: cache.path))
        recorder.writeOwedCache()
        #expect(!recorder.owesCache && FileManager.default.fileExists(atPath: cache.path))
        let next = try LogDigest.load(store: store, days: days, now: LogFold.noHorizon, keepingHistory: false)
        #expect(next.fromCache)
        expectSame(next.fold, try wholeLog(store).fold)
    }

    @Test func doctorsRebuildAndAnOlderCheckpointLeaveAFileASessionCanStartFrom() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        for line in Self.lines(count: 90, seed: 17) { try store.append(line) }
        // A checkpoint from before the fold: the next session writes it again at its end, with the fold.
        try store.saveCards(try wholeLog(store).fold.cards)
        #expect(try store.checkpointHeader().logLines == nil)
        let recorder = try ProgressRecorder.open(
            store: store, settings: StudySettings(), days: days, uptimeNanoseconds: 0)
        try recorder.finish()
        #expect(try store.checkpointHeader().logLines == 90)
        #expect(try startWithoutCache(store).fromCheckpoint)

        // Doctor's rebuild counts days as the learner's sessions do.
        try store.restoreCardsFromLog(days: days, now: StoreFixtures.now)
        let rebuilt = try startWithoutCache(store)
        #expect(rebuilt.fromCheckpoint)
        expectSame(rebuilt.fold, try wholeLog(store).fold)
    }

    @Test func doctorNamesACarriedFoldThatIsNotTheLogsAndTheRebuildMendsIt() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        for line in Self.lines(count: 160, seed: 19) { try store.append(line) }
        try checkpoint(store)
        let report = store.doctor(knownCardIDs: [])
        #expect(!report.checkpointFoldDisagrees && report.disagreements.isEmpty)

        // A fold that holds together but is not the log's: one new card more on a day, or a line less.
        let whole = try wholeLog(store)
        let right = try #require(
            FoldCheckpoint(
                fold: whole.fold, logLines: whole.logLines,
                fingerprint: try LogDigest.fingerprint(of: store.logURL.path, upTo: whole.logBytes)))
        var moreNew = right
        let day = try #require(moreNew.days.firstIndex { $0.newCards + $0.reviews < $0.total })
        moreNew.days[day].newCards += 1
        var fewerLines = right
        fewerLines.logLines -= 1
        for wrong in [moreNew, fewerLines] {
            try store.checkpointFile.write(whole.fold.cards, logBytes: whole.logBytes, fold: wrong)
            #expect(try CardsFile.decodeSnapshot(try Data(contentsOf: store.cardsURL)).fold == wrong)
            let found = store.doctor(knownCardIDs: [])
            #expect(found.checkpointFoldDisagrees && !found.isHealthy && found.disagreements.isEmpty)
            try store.restoreCardsFromLog(days: days, now: StoreFixtures.now)
            #expect(!store.doctor(knownCardIDs: []).checkpointFoldDisagrees)
        }
    }

    @Test func aConventionIsReadBackFromItsKeyAndNothingElseIs() {
        let conventions: [DayConvention] = [
            .pyFSRS, .anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!),
            .anki(rolloverHour: 0, timeZone: TimeZone(identifier: "America/Argentina/Buenos_Aires")!),
            .anki(rolloverHour: 23, timeZone: TimeZone(identifier: "UTC")!),
        ]
        for convention in conventions {
            #expect(LogDigest.convention(forKey: LogDigest.conventionKey(convention)) == convention)
        }
        for key in [
            "", "x", "anki", "anki/4", "anki/24/UTC", "anki/-1/UTC", "anki/99999999999999999999/UTC",
            "anki/4/Nowhere/Zone", "pyfsrs/1",
        ] {
            #expect(LogDigest.convention(forKey: key) == nil, "\(key)")
        }
    }
}
