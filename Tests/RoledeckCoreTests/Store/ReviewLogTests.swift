import Foundation
import Testing

@testable import RoledeckCore

@Suite struct ReviewLogTests {
    @Test func appendThenReloadReadsEveryLineBack() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let first = StoreFixtures.review("a", before: nil, after: StoreFixtures.card())
        let wrong = LogRecord.review(
            cardID: "b", at: StoreFixtures.now, rating: .again, before: nil, after: StoreFixtures.card(),
            answer: "2", chosen: "데이터 엔지니어", correct: false, durationMs: 5100)
        let undo = LogRecord.event(.undo, cardID: "b", at: StoreFixtures.now.addingTimeInterval(120))
        try store.append(first)
        try store.append(wrong)
        try store.append(undo)
        let log = try ProgressStore.openReadOnly(folder: store.folder).loadLog()
        #expect(log.records == [first, wrong, undo])
        #expect(log.recordLines == [1, 2, 3])
        #expect(log.issues.isEmpty && !log.needsLeadingNewline)
        let text = String(decoding: try #require(StoreFixtures.bytes(store.logURL)), as: UTF8.self)
        #expect(text.split(separator: "\n").count == 3 && text.hasSuffix("\n"))
    }

    @Test func lineFormatIsCompactSortedAndVersioned() {
        let undo = ReviewLogFile.encodeLine(.event(.undo, cardID: "stack/데이터-엔지니어", at: StoreFixtures.now))
        #expect(
            String(decoding: undo, as: UTF8.self)
                == "{\"at\":\"2023-11-14T22:13:20+00:00\",\"card\":\"stack/데이터-엔지니어\",\"kind\":\"undo\","
                + "\"schemaVersion\":1}\n")
        let review = LogRecord.review(
            cardID: "a", at: StoreFixtures.now, rating: .good, before: nil, after: .new(due: StoreFixtures.now),
            answer: "Spark", correct: true, durationMs: 800)
        #expect(
            String(decoding: ReviewLogFile.encodeLine(review), as: UTF8.self)
                == "{\"after\":{\"due\":\"2023-11-14T22:13:20+00:00\",\"state\":\"learning\",\"step\":0},"
                + "\"answer\":\"Spark\",\"at\":\"2023-11-14T22:13:20+00:00\",\"before\":\"new\",\"card\":\"a\","
                + "\"correct\":true,\"kind\":\"review\",\"ms\":800,\"rating\":3,\"schemaVersion\":1}\n")
    }

    @Test func answersAreNFCOnTheWayInAndOut() throws {
        let decomposed = "데이터".decomposedStringWithCanonicalMapping
        let record = LogRecord.review(
            cardID: "a", at: StoreFixtures.now, rating: .good, before: nil, after: StoreFixtures.card(),
            answer: decomposed)
        #expect(record.answer == "데이터")
        let line = String(decoding: ReviewLogFile.encodeLine(record), as: UTF8.self)
            .replacingOccurrences(of: "데이터", with: decomposed)
        let read = try ReviewLogFile.decode(Data(line.utf8))
        #expect(read.records.first?.answer == "데이터")
    }

    @Test func tornLastLineIsReportedIgnoredKeptAndNextAppendStartsFresh() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let first = StoreFixtures.review("a", before: nil, after: StoreFixtures.card())
        try store.append(first)
        let torn = ReviewLogFile.encodeLine(StoreFixtures.review("b", before: nil, after: StoreFixtures.card()))
            .prefix(40)
        let handle = try FileHandle(forWritingTo: store.logURL)
        try handle.seekToEnd()
        try handle.write(contentsOf: torn)
        try handle.close()

        let log = try store.loadLog()
        #expect(log.records == [first])
        let tail = try #require(log.tornTail)
        #expect(tail.line == 2)
        guard case .damaged(let file, let position, _, _) = tail.error else {
            Issue.record("expected damaged, got \(tail.error)")
            return
        }
        #expect(file == store.logURL.path && position?.line == 2)
        #expect(log.needsLeadingNewline)
        #expect(try store.foldLog().cards.keys.sorted() == ["a"])

        let next = StoreFixtures.review("c", before: nil, after: StoreFixtures.card(), minute: 2)
        try store.append(next)
        let text = String(decoding: try #require(StoreFixtures.bytes(store.logURL)), as: UTF8.self)
        #expect(text.contains(String(decoding: torn, as: UTF8.self) + "\n{"))
        let after = try store.loadLog()
        #expect(after.records == [first, next])
        #expect(after.issues.map(\.line) == [2])
        #expect(after.issues.first?.isTornTail == false)
    }

    @Test func damagedMiddleLineNamesFileLineAndColumn() throws {
        let good = String(
            decoding: ReviewLogFile.encodeLine(.event(.undo, cardID: "a", at: StoreFixtures.now)), as: UTF8.self)
        let text = good + "{\"schemaVersion\":1,,}\n" + good
        let log = try ReviewLogFile.decode(Data(text.utf8), source: "reviews.jsonl")
        #expect(log.records.count == 2 && log.recordLines == [1, 3])
        let issue = try #require(log.issues.first)
        #expect(issue.line == 2 && !issue.isTornTail)
        #expect(issue.error.localizedDescription.hasPrefix("reviews.jsonl:2:20:"))
    }

    @Test func wrongTypeLineNamesLineAndField() throws {
        let text = "{\"schemaVersion\":1,\"kind\":\"review\",\"card\":7,\"at\":\"2023-11-14T22:13:20+00:00\"}\n"
        let log = try ReviewLogFile.decode(Data(text.utf8), source: "reviews.jsonl")
        let issue = try #require(log.issues.first)
        #expect(
            issue.error
                == .damaged(
                    file: "reviews.jsonl", position: FilePosition(line: 1, column: 1), field: "card",
                    reason: "문자열이어야 함"))
    }

    @Test func reviewWithoutAfterIsDamage() throws {
        let text =
            "{\"schemaVersion\":1,\"kind\":\"review\",\"card\":\"a\",\"rating\":3,\"before\":\"new\","
            + "\"at\":\"2023-11-14T22:13:20+00:00\"}\n"
        let log = try ReviewLogFile.decode(Data(text.utf8), source: "reviews.jsonl")
        #expect(log.records.isEmpty)
        guard case .damaged(_, _, let field, _) = try #require(log.issues.first).error else {
            Issue.record("expected damaged")
            return
        }
        #expect(field == "after")
    }

    @Test func newerLineRefusesTheWholeLogAndLeavesItUntouched() throws {
        let folder = StoreFixtures.folder()
        let url = folder.appendingPathComponent("reviews.jsonl")
        let text =
            String(decoding: ReviewLogFile.encodeLine(.event(.undo, cardID: "a", at: StoreFixtures.now)), as: UTF8.self)
            + "{\"schemaVersion\":2,\"kind\":\"review\"}\n"
        try StoreFixtures.write(text, to: url)
        #expect(throws: StoreError.newerSchema(file: url.path, found: 2, supported: 1)) {
            try ProgressStore.open(folder: folder)
        }
        #expect(StoreFixtures.bytes(url) == Data(text.utf8))
    }

    @Test func readingInSmallPiecesGivesTheSameLinesAndNumbers() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        for (index, record) in FastDecodingTests.records(count: 60).enumerated() {
            try store.append(record)
            if index == 30 {
                let handle = try FileHandle(forWritingTo: store.logURL)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data("\n{\"broken\": \n   \n".utf8))
                try handle.close()
            }
        }
        try Data("{\"schemaVersion\":1,\"ki".utf8).append(to: store.logURL)
        let whole = try store.loadLog()
        for size in [1, 7, 64, 1000, 1 << 20] {
            var records: [LogRecord] = []
            var lines: [Int] = []
            let issues = try store.scanLog(chunkSize: size) { record, line in
                records.append(record)
                lines.append(line)
            }
            #expect(records == whole.records && lines == whole.recordLines, "chunk size \(size)")
            #expect(issues == whole.issues, "chunk size \(size)")
        }
        #expect(whole.issues.map(\.line) == [33, 64])
        #expect(whole.issues.last?.isTornTail == true)
    }
}
