import Foundation
import Testing

@testable import RoledeckCore

@Suite struct DoctorTests {
    @Test func healthyFolderHasNothingToReport() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let record = StoreFixtures.record()
        try store.append(StoreFixtures.review("a", before: nil, after: record.card))
        try store.saveCards(["a": record])
        let report = store.doctor(knownCardIDs: ["a"])
        #expect(report.isHealthy && report.unknownCardIDs.isEmpty)
    }

    @Test func listsDisagreementsAndUnknownIdsWithoutDeletingThem() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let one = StoreFixtures.record(reps: 1)
        var two = one
        two.reps = 2
        try store.append(StoreFixtures.review("a", before: nil, after: one.card))
        try store.append(StoreFixtures.review("gone", before: nil, after: one.card))
        try store.saveCards(["a": two, "gone": one, "only-stored": one])
        let report = store.doctor(knownCardIDs: ["a"])
        #expect(
            report.disagreements == [
                CardDisagreement(cardID: "a", stored: two, rebuilt: one),
                CardDisagreement(cardID: "only-stored", stored: one, rebuilt: nil),
            ])
        #expect(report.unknownCardIDs == ["gone", "only-stored"])
        #expect(try store.loadCards().keys.sorted() == ["a", "gone", "only-stored"])
    }

    @Test func damagedCardsFileIsReportedAndRecoveryKeepsTheOriginal() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let record = StoreFixtures.record()
        try store.append(StoreFixtures.review("a", before: nil, after: record.card))
        let damaged = Data("{\"schemaVersion\": 1, \"cards\": [".utf8)
        try damaged.write(to: store.cardsURL)

        let report = store.doctor(knownCardIDs: ["a"])
        #expect(report.damagedFiles.count == 1)
        #expect(report.rebuilt == ["a": record])
        guard case .damaged(let file, let position, _, _) = try #require(report.damagedFiles.first) else {
            Issue.record("expected damaged")
            return
        }
        #expect(file == store.cardsURL.path && position?.line == 1)

        let kept = try #require(try store.restoreCardsFromLog(now: StoreFixtures.now))
        #expect(kept.lastPathComponent == "cards.json.bak-20231114T221320Z")
        #expect(StoreFixtures.bytes(kept) == damaged)
        #expect(try store.loadCards() == ["a": record])
        #expect(store.doctor(knownCardIDs: ["a"]).isHealthy)
    }

    @Test func logIssuesAndUnmatchedUndosAreReported() throws {
        let good = ReviewLogFile.encodeLine(StoreFixtures.review("a", before: nil, after: StoreFixtures.card()))
        var log = good
        log.append(ReviewLogFile.encodeLine(.event(.undo, cardID: "z", at: StoreFixtures.now)))
        log.append(Data("{\"sch".utf8))
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        try log.write(to: store.logURL)
        try CardsFile.encode(["a": StoreFixtures.record()]).write(to: store.cardsURL)
        let report = store.doctor(knownCardIDs: ["a"])
        #expect(report.disagreements.isEmpty)
        #expect(report.logIssues.map(\.line) == [3] && report.logIssues.first?.isTornTail == true)
        #expect(report.unmatchedUndoLines == [2])
        #expect(report.unknownCardIDs == ["z"])
        #expect(!report.isHealthy)
    }
}
