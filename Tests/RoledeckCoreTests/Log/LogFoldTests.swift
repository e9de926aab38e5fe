import Foundation
import Testing

@testable import RoledeckCore

@Suite struct LogFoldTests {
    @Test func lastAfterWinsCountersAddUpAndUndoRestoresTheRecordBefore() {
        let one = StoreFixtures.card(goodReviews: 1)
        let two = StoreFixtures.card(goodReviews: 2)
        let three = StoreFixtures.card(goodReviews: 3)
        let records: [LogRecord] = [
            StoreFixtures.review("a", before: nil, after: one),
            StoreFixtures.review("b", before: nil, after: one),
            StoreFixtures.review("a", before: one, after: two),
            StoreFixtures.review("a", before: two, after: three),
            .event(.undo, cardID: "a", at: StoreFixtures.now),
            .event(.undo, cardID: "a", at: StoreFixtures.now),
            .event(.undo, cardID: "b", at: StoreFixtures.now),
            .event(.undo, cardID: "b", at: StoreFixtures.now),
        ]
        let rebuilt = LogFold(records, days: .pyFSRS)
        #expect(rebuilt.cards == ["a": CardRecord(card: one, reps: 1)])
        #expect(rebuilt.unmatchedUndoLines == [8])
    }

    @Test func againOnAReviewCardIsALapseAndAgainWhileLearningIsNot() {
        var rng = SeededGenerator(seed: 3)
        let scheduler = Scheduler()
        let learning = scheduler.review(.new(due: StoreFixtures.now), rating: .again, at: StoreFixtures.now, rng: &rng)
            .card
        let review = StoreFixtures.card(goodReviews: 3)
        #expect(review.state == .review)
        let lapsed = scheduler.review(review, rating: .again, at: review.due, rng: &rng).card
        let rebuilt = LogFold(days: .pyFSRS).folding([
            .review(cardID: "a", at: StoreFixtures.now, rating: .again, before: nil, after: learning),
            .review(cardID: "a", at: StoreFixtures.now, rating: .good, before: learning, after: review),
            .review(cardID: "a", at: review.due, rating: .again, before: review, after: lapsed),
        ])
        #expect(rebuilt.cards["a"] == CardRecord(card: lapsed, lapses: 1, reps: 3))
    }

    @Test func eventsSetFlagsAndUndoOfTheReviewTakesThemBack() {
        let one = StoreFixtures.card(goodReviews: 1)
        let two = StoreFixtures.card(goodReviews: 2)
        let until = StoreFixtures.now.addingTimeInterval(86_400)
        var rebuilder = LogFold(days: .pyFSRS)
        let lines: [LogRecord] = [
            StoreFixtures.review("a", before: nil, after: one),
            .event(.bury, cardID: "new-card", at: StoreFixtures.now, until: until),
            .event(.suspend, cardID: "a", at: StoreFixtures.now),
            .event(.unsuspend, cardID: "a", at: StoreFixtures.now),
            StoreFixtures.review("a", before: one, after: two),
            .event(.leech, cardID: "a", at: StoreFixtures.now),
            .event(.suspend, cardID: "a", at: StoreFixtures.now),
        ]
        for (index, line) in lines.enumerated() { rebuilder.apply(line, line: index + 1) }
        #expect(rebuilder.cards["a"] == CardRecord(card: two, reps: 2, suspended: true, leech: true))
        #expect(rebuilder.cards["new-card"] == CardRecord(card: .new(due: StoreFixtures.now), buriedUntil: until))
        rebuilder.apply(.event(.undo, cardID: "a", at: StoreFixtures.now), line: 8)
        #expect(rebuilder.cards["a"] == CardRecord(card: one, reps: 1))
        #expect(rebuilder.reviewCount == 2)
    }

    @Test func theRecordersCheckpointTheFoldOfItsLogAndLoadingAgree() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let recorder = try ProgressRecorder.open(
            store: store, settings: StudySettings(checkpoint: CheckpointPolicy(everyAnswers: 5)), days: .pyFSRS,
            uptimeNanoseconds: 0)
        var rng = SeededGenerator(seed: 9)
        for index in 0..<12 {
            try recorder.answer(
                CardID(rawValue: "card-\(index % 3)"), rating: Rating.allCases[index % 4], given: GivenAnswer(),
                now: StoreFixtures.now.addingTimeInterval(Double(index) * 3600), uptimeNanoseconds: UInt64(index),
                rng: &rng)
        }
        #expect(try recorder.undo(now: StoreFixtures.now.addingTimeInterval(86_400), uptimeNanoseconds: 99) == "card-2")
        try recorder.finish()
        #expect(try store.foldLog().cards == recorder.cards)
        #expect(try store.loadCards() == recorder.cards)
        #expect(recorder.cards["card-2"]?.reps == 3)
    }

    @Test func aFoldWithoutTheHistoryHasTheSameStatesDayCountsAndUndo() throws {
        let convention = DayConvention.anki(rolloverHour: 4, timeZone: try #require(TimeZone(identifier: "Asia/Seoul")))
        let records = FastDecodingTests.records(count: 600)
        // Also with reviews later than the horizon, as in a look back.
        for horizon in [LogFold.noHorizon, records[450].at] {
            var kept = LogFold(days: convention, horizon: horizon, keepsHistory: true)
            var counted = LogFold(days: convention, horizon: horizon, keepsHistory: false)
            for (offset, record) in records.enumerated() {
                kept.apply(record, line: offset + 1)
                counted.apply(record, line: offset + 1)
                #expect(kept.days == counted.days, "line \(offset + 1)")
            }
            #expect(!kept.history.reviews.isEmpty)
            #expect(counted.history.reviews.isEmpty)
            #expect(kept.cards == counted.cards)
            #expect(kept.unmatchedUndoLines == counted.unmatchedUndoLines)
            #expect(kept.reviewCount == counted.reviewCount)
            #expect(kept.latest == counted.latest)
            #expect(kept.latestUndoable == counted.latestUndoable)
            #expect(kept.history.futureReviews == counted.history.futureReviews)
            let keptDays = kept.recent.entries.map { $0.counted?.day }
            let countedDays = counted.recent.entries.map { $0.counted?.day }
            #expect(keptDays == countedDays)
        }
    }
}

extension LogFold {
    /// This fold with `records` applied, numbered from line 1.
    func folding(_ records: [LogRecord]) -> LogFold {
        var fold = self
        for (index, record) in records.enumerated() { fold.apply(record, line: index + 1) }
        return fold
    }
}
