import Foundation
import Testing

@testable import RoledeckCore

/// `cards.json` is a checkpoint of the log: answers appended after it was saved are never lost.
@Suite struct CheckpointTests {
    let one = StoreFixtures.card(goodReviews: 1)
    let two = StoreFixtures.card(goodReviews: 2)

    @Test func linesAppendedAfterTheLastSaveAreReplayedOnLoad() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        try store.append(StoreFixtures.review("a", before: nil, after: one))
        try store.saveCards(["a": CardRecord(card: one, reps: 1)])
        // A crash here would leave the answer in the log only.
        try store.append(StoreFixtures.review("a", before: one, after: two, minute: 1))
        try store.append(StoreFixtures.review("b", before: nil, after: one, minute: 2))
        let text = String(decoding: try #require(StoreFixtures.bytes(store.cardsURL)), as: UTF8.self)
        #expect(text.contains("\"logBytes\" : "))
        let loaded = try ProgressStore.openReadOnly(folder: store.folder).loadCards()
        #expect(loaded == ["a": CardRecord(card: two, reps: 2), "b": CardRecord(card: one, reps: 1)])
    }

    @Test func anUndoOfAnAnswerBeforeTheCheckpointReplaysTheWholeLog() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        try store.append(StoreFixtures.review("a", before: nil, after: one))
        try store.append(StoreFixtures.review("a", before: one, after: two, minute: 1))
        try store.saveCards(["a": CardRecord(card: two, reps: 2)])
        try store.append(.event(.undo, cardID: "a", at: StoreFixtures.now))
        #expect(try store.loadCards() == ["a": CardRecord(card: one, reps: 1)])
    }

    @Test func withoutCardsJSONTheStatesComeFromTheLog() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        try store.append(StoreFixtures.review("a", before: nil, after: one))
        #expect(!FileManager.default.fileExists(atPath: store.cardsURL.path))
        #expect(try store.loadCards() == ["a": CardRecord(card: one, reps: 1)])
    }

    @Test func aCheckpointWithoutLogBytesIsTakenAsItIs() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        try store.append(StoreFixtures.review("a", before: nil, after: one))
        try CardsFile.encode(["a": CardRecord(card: two, reps: 5)]).write(to: store.cardsURL)
        #expect(try store.loadCards() == ["a": CardRecord(card: two, reps: 5)])
    }

    @Test func openingReadsOnlyTheEndsOfTheFilesForTheirVersion() {
        #expect(
            ProgressStore.lastSchemaVersion(in: Array("{\"a\":{\"schemaVersion\":1},\n  \"schemaVersion\" : 3\n}".utf8))
                == 3)
        #expect(ProgressStore.lastSchemaVersion(in: Array("{\"cards\":[]}".utf8)) == nil)
    }
}
