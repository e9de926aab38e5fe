import Foundation
import Testing

@testable import RoledeckCore

/// `cards.json` is a checkpoint of the log: answers appended after it was saved are never lost.
@Suite struct CheckpointTests {
    let one = StoreFixtures.card(goodReviews: 1)
    let two = StoreFixtures.card(goodReviews: 2)

    @Test func aCheckpointThatComesDueIsOwedUntilTheCallerIsAboutToWait() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let recorder = try ProgressRecorder.open(
            store: store, settings: StudySettings(checkpoint: CheckpointPolicy(everyAnswers: 3, everySeconds: 60)),
            days: .pyFSRS, uptimeNanoseconds: 0)
        var rng = SeededGenerator(seed: 5)
        func answer(_ index: Int, atSecond second: UInt64) throws {
            try recorder.answer(
                CardID(rawValue: "card-\(index)"), rating: .good, given: GivenAnswer(),
                now: StoreFixtures.now.addingTimeInterval(Double(index) * 60),
                uptimeNanoseconds: second * 1_000_000_000,
                rng: &rng)
        }
        try answer(0, atSecond: 1)
        try answer(1, atSecond: 2)
        #expect(!recorder.owesCheckpoint)
        try recorder.writeOwedCheckpoint(uptimeNanoseconds: 3_000_000_000)
        #expect(StoreFixtures.bytes(store.cardsURL) == nil)
        // The third change makes one due; the answer itself does not write it.
        try answer(2, atSecond: 3)
        #expect(recorder.owesCheckpoint)
        #expect(StoreFixtures.bytes(store.cardsURL) == nil)
        try recorder.writeOwedCheckpoint(uptimeNanoseconds: 4_000_000_000)
        #expect(!recorder.owesCheckpoint)
        let written = try CardsFile.decodeSnapshot(try #require(StoreFixtures.bytes(store.cardsURL)))
        #expect(written.cards == recorder.cards && written.cards.count == 3)
        #expect(written.logBytes == (try store.logSize()))
        // Nothing owed: nothing written.
        try answer(3, atSecond: 5)
        try recorder.writeOwedCheckpoint(uptimeNanoseconds: 6_000_000_000)
        #expect(try CardsFile.decodeSnapshot(try #require(StoreFixtures.bytes(store.cardsURL))).cards.count == 3)
        // A change 60 seconds after the last checkpoint makes one due too.
        try answer(4, atSecond: 64)
        #expect(recorder.owesCheckpoint)
        try recorder.writeOwedCheckpoint(uptimeNanoseconds: 65_000_000_000)
        #expect(try CardsFile.decodeSnapshot(try #require(StoreFixtures.bytes(store.cardsURL))).cards == recorder.cards)
        // The end of the session writes what is left; the files agree with the fold of the log.
        try answer(5, atSecond: 66)
        try recorder.finish()
        #expect(try store.loadCards() == recorder.cards)
        #expect(try store.foldLog().cards == recorder.cards)
    }

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
