import Foundation
import Testing

@testable import RoledeckCore

/// `.stats-cache` holds a digest of the log; reading it plus the new lines must equal reading the whole log.
@Suite struct LogDigestTests {
    let days = DayConvention.anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!)

    func fresh(_ store: ProgressStore, now: Date) throws -> LogDigest {
        try? FileManager.default.removeItem(at: store.folder.appendingPathComponent(LogDigest.cacheFileName))
        let digest = try LogDigest.load(store: store, days: days, now: now)
        #expect(!digest.fromCache)
        return digest
    }

    func expectSame(_ one: LogDigest, _ other: LogDigest, _ comment: Comment? = nil) {
        #expect(one.history.reviews == other.history.reviews, comment)
        #expect(one.history.cardIDs == other.history.cardIDs, comment)
        #expect(one.history.optionTexts == other.history.optionTexts, comment)
        #expect(one.fold.recent.entries.map(\.review) == other.fold.recent.entries.map(\.review), comment)
        #expect(one.fold.recent.entries.map(\.kind) == other.fold.recent.entries.map(\.kind), comment)
        #expect(one.fold.recent.entries.map(\.replaced) == other.fold.recent.entries.map(\.replaced), comment)
        #expect(one.fold.recent.entries.map(\.counted) == other.fold.recent.entries.map(\.counted), comment)
        #expect(one.fold.cards == other.fold.cards, comment)
        #expect(one.fold.reviewCount == other.fold.reviewCount, comment)
        #expect(one.fold.days == other.fold.days, comment)
        #expect(one.logBytes == other.logBytes && one.logLines == other.logLines, comment)
    }

    @Test func theCachePlusNewLinesEqualsReadingTheWholeLog() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let records = FastDecodingTests.records(count: 300)
        let later = records.map(\.at).max()!.addingTimeInterval(86_400)
        for record in records.prefix(200) { try store.append(record) }
        let first = try LogDigest.load(store: store, days: days, now: later)
        #expect(!first.fromCache)
        #expect(FileManager.default.fileExists(atPath: store.folder.appendingPathComponent(".stats-cache").path))
        let again = try LogDigest.load(store: store, days: days, now: later)
        #expect(again.fromCache)
        expectSame(again, first)

        // An undo in the new lines reaches back into the cached part.
        for record in records.dropFirst(200) { try store.append(record) }
        try store.append(.event(.undo, cardID: records[199].cardID, at: later.addingTimeInterval(-60)))
        // And one of a burial in the cached part, which takes the card's later lines with it.
        try store.append(.undo(.bury, cardID: records[198].cardID, at: later.addingTimeInterval(-30)))
        let updated = try LogDigest.load(store: store, days: days, now: later)
        #expect(updated.fromCache)
        expectSame(updated, try fresh(store, now: later))
        #expect(updated.history.now == later)
        #expect(updated.logLines == 302 && !updated.fold.unmatchedUndoLines.contains(302))
    }

    @Test func aTornLastLineIsLeftForNextTimeAndReadOnceWhole() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let records = FastDecodingTests.records(count: 20)
        let later = records.map(\.at).max()!.addingTimeInterval(86_400)
        for record in records.prefix(19) { try store.append(record) }
        let line = ReviewLogFile.encodeLine(records[19])
        try line.prefix(30).append(to: store.logURL)
        let torn = try LogDigest.load(store: store, days: days, now: later)
        #expect(torn.history.reviews.count == records.prefix(19).count { $0.kind == .review })
        try line.dropFirst(30).append(to: store.logURL)
        let whole = try LogDigest.load(store: store, days: days, now: later)
        #expect(whole.fromCache)
        expectSame(whole, try fresh(store, now: later))
    }

    @Test func aReplacedLogADamagedCacheOrAnEarlierNowAreNotTrusted() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let records = FastDecodingTests.records(count: 50)
        let later = records.map(\.at).max()!.addingTimeInterval(86_400)
        for record in records { try store.append(record) }
        _ = try LogDigest.load(store: store, days: days, now: later)
        let cache = store.folder.appendingPathComponent(LogDigest.cacheFileName)

        // The same number of bytes, other contents.
        var bytes = try Data(contentsOf: store.logURL)
        let original = bytes
        bytes[bytes.startIndex + 3] =
            bytes[bytes.startIndex + 3] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try bytes.write(to: store.logURL)
        #expect(try !LogDigest.load(store: store, days: days, now: later).fromCache)
        try original.write(to: store.logURL)
        _ = try LogDigest.load(store: store, days: days, now: later)

        let cached = try Data(contentsOf: cache)
        try cached.prefix(cached.count / 2).write(to: cache)
        #expect(try !LogDigest.load(store: store, days: days, now: later).fromCache)

        // Another day convention, or a look back in time, reads the log again.
        let other = DayConvention.anki(rolloverHour: 5, timeZone: TimeZone(identifier: "Asia/Seoul")!)
        #expect(try !LogDigest.load(store: store, days: other, now: later).fromCache)
        #expect(try !LogDigest.load(store: store, days: days, now: later).fromCache)
        let middle = records[25].at
        let past = try LogDigest.load(store: store, days: days, now: middle)
        #expect(!past.fromCache)
        #expect(past.history.futureReviews > 0)
        #expect(try LogDigest.load(store: store, days: days, now: later).fromCache)
    }

    /// What a session reads (no reviews), taken from the whole log.
    func session(_ store: ProgressStore, now: Date) throws -> LogDigest {
        let folder = StoreFixtures.folder()
        try FileManager.default.copyItem(at: store.logURL, to: folder.appendingPathComponent(ReviewLogFile.fileName))
        let digest = try LogDigest.load(
            store: ProgressStore.openReadOnly(folder: folder), days: days, now: now, keepingHistory: false)
        #expect(!digest.fromCache)
        return digest
    }

    func expectSameForASession(_ one: LogDigest, _ other: LogDigest, _ comment: Comment? = nil) {
        #expect(one.history.reviews.isEmpty && other.history.reviews.isEmpty, comment)
        #expect(one.fold.cards == other.fold.cards, comment)
        #expect(one.fold.days == other.fold.days, comment)
        #expect(one.fold.recent.entries.map(\.card) == other.fold.recent.entries.map(\.card), comment)
        #expect(one.fold.recent.entries.map(\.kind) == other.fold.recent.entries.map(\.kind), comment)
        #expect(one.fold.recent.entries.map(\.counted) == other.fold.recent.entries.map(\.counted), comment)
        #expect(one.fold.recent.entries.map(\.replaced) == other.fold.recent.entries.map(\.replaced), comment)
        #expect(one.fold.unmatchedUndoLines == other.fold.unmatchedUndoLines, comment)
        #expect(one.fold.reviewCount == other.fold.reviewCount, comment)
        #expect(one.logBytes == other.logBytes, comment)
    }

    @Test func aSessionReadsTheCacheWithoutTheReviewsAndLeavesTheStatisticsTheirs() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let records = FastDecodingTests.records(count: 300)
        let later = records.map(\.at).max()!.addingTimeInterval(86_400)
        for record in records.prefix(200) { try store.append(record) }
        _ = try LogDigest.load(store: store, days: days, now: later)
        let cache = store.folder.appendingPathComponent(LogDigest.cacheFileName)
        let full = try Data(contentsOf: cache)

        let read = try LogDigest.load(store: store, days: days, now: later, keepingHistory: false)
        #expect(read.fromCache)
        expectSameForASession(read, try session(store, now: later))
        // New lines (an undo reaching into the cached part among them) are folded in, and the cache
        // with the reviews stays for the statistics.
        for record in records.dropFirst(200) { try store.append(record) }
        try store.append(.event(.undo, cardID: records[199].cardID, at: later.addingTimeInterval(-60)))
        // And one of a burial in the cached part, which takes the card's later lines with it.
        try store.append(.undo(.bury, cardID: records[198].cardID, at: later.addingTimeInterval(-30)))
        let updated = try LogDigest.load(store: store, days: days, now: later, keepingHistory: false)
        #expect(updated.fromCache)
        expectSameForASession(updated, try session(store, now: later))
        #expect(try Data(contentsOf: cache) == full)
        let statistics = try LogDigest.load(store: store, days: days, now: later)
        #expect(statistics.fromCache)
        expectSame(statistics, try fresh(store, now: later))
    }

    @Test func aSessionWritesACacheWithoutTheReviewsOnlyWhereNoneWasUsable() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let records = FastDecodingTests.records(count: 120)
        let later = records.map(\.at).max()!.addingTimeInterval(86_400)
        for record in records { try store.append(record) }
        let first = try LogDigest.load(store: store, days: days, now: later, keepingHistory: false)
        #expect(!first.fromCache)
        let again = try LogDigest.load(store: store, days: days, now: later, keepingHistory: false)
        #expect(again.fromCache)
        expectSameForASession(again, first)
        // The statistics cannot use it: they read the whole log and write a cache with the reviews.
        #expect(try !LogDigest.load(store: store, days: days, now: later).fromCache)
        #expect(try LogDigest.load(store: store, days: days, now: later).fromCache)
        let cached = try Data(contentsOf: store.folder.appendingPathComponent(LogDigest.cacheFileName))
        #expect(LogDigest.decode(cached, days: days) != nil)
        #expect(LogDigest.decode(cached, days: days, keepingHistory: false) != nil)
    }

    @Test func aBadLineAfterTheCacheIsReportedByItsLineInTheFile() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let records = FastDecodingTests.records(count: 30)
        let later = records.map(\.at).max()!.addingTimeInterval(86_400)
        for record in records.prefix(11) { try store.append(record) }
        _ = try LogDigest.load(store: store, days: days, now: later)
        // Line 12 cannot be read; line 13 can.
        try Data("{\"schemaVersion\": 1, \"kind\": \"review\"}\n".utf8).append(to: store.logURL)
        try store.append(records[11])
        let cached = try LogDigest.load(store: store, days: days, now: later)
        #expect(cached.fromCache)
        #expect(cached.issues.map(\.line) == [12])
        #expect(cached.issues.first?.error.errorDescription?.contains("reviews.jsonl:12:") == true)
        #expect(cached.logLines == 13)
        // Reading the whole log (as doctor does) names the same line.
        let whole = try fresh(store, now: later)
        #expect(whole.issues.map(\.line) == [12] && whole.logLines == 13)
        // The next run starts from the cache past both lines and still counts them.
        try store.append(records[12])
        #expect(try LogDigest.load(store: store, days: days, now: later).logLines == 14)
    }
}
