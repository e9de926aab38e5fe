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

    @Test func anUndoTakesBackTheLatestActionOfTheKindItNames() {
        let one = StoreFixtures.card(goodReviews: 1)
        let until = StoreFixtures.now.addingTimeInterval(86_400)
        let base: [LogRecord] = [
            StoreFixtures.review("a", before: nil, after: one),
            .event(.bury, cardID: "a", at: StoreFixtures.now, until: until),
            .event(.suspend, cardID: "b", at: StoreFixtures.now),
        ]
        let fold = LogFold(days: .pyFSRS).folding(base)
        #expect(fold.latestUndoable! == ("b", .suspend))
        let unsuspended = fold.folding([.undo(.suspend, cardID: "b", at: StoreFixtures.now)])
        // A card never studied goes back to having no record; the answer and burial of `a` stay.
        #expect(unsuspended.cards["b"] == nil)
        #expect(unsuspended.cards["a"] == CardRecord(card: one, reps: 1, buriedUntil: until))
        let unburied = unsuspended.folding([.undo(.bury, cardID: "a", at: StoreFixtures.now)])
        #expect(unburied.cards["a"] == CardRecord(card: one, reps: 1))
        #expect(unburied.reviewCount == 1 && unburied.history.reviews.allSatisfy { !$0.undone })
        let unanswered = unburied.folding([.undo(.review, cardID: "a", at: StoreFixtures.now)])
        #expect(unanswered.cards.isEmpty)
        #expect(unanswered.history.reviews.map(\.undone) == [true])
        #expect(unanswered.unmatchedUndoLines.isEmpty)
        // Nothing of that kind left: reported, not applied.
        let unmatched = fold.folding([.undo(.unsuspend, cardID: "b", at: StoreFixtures.now)])
        #expect(unmatched.unmatchedUndoLines == [1])
        #expect(unmatched.cards == fold.cards)
    }

    @Test func anOlderUndoLineStillTakesBackTheReviewAndWhatCameAfterIt() {
        // Written before burials could be undone: `bury` at the prompt, then `undo`, took back the answer.
        let one = StoreFixtures.card(goodReviews: 1)
        let until = StoreFixtures.now.addingTimeInterval(86_400)
        let fold = LogFold(days: .pyFSRS).folding([
            StoreFixtures.review("a", before: nil, after: one),
            .event(.bury, cardID: "a", at: StoreFixtures.now, until: until),
            .event(.undo, cardID: "a", at: StoreFixtures.now),
        ])
        #expect(fold.cards.isEmpty)
        #expect(fold.history.reviews.map(\.undone) == [true])
        // The burial went with the review: a later undo of it finds nothing.
        #expect(fold.folding([.undo(.bury, cardID: "a", at: StoreFixtures.now)]).unmatchedUndoLines == [1])
    }

    @Test func anUndoLineNamesWhatItTakesBackAndReadsBackTheSame() throws {
        let line = LogRecord.undo(.suspend, cardID: "cloze/데이터-엔지니어/정제", at: StoreFixtures.now)
        let encoded = ReviewLogFile.encodeLine(line)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""undoes":"suspend""#))
        #expect(try ReviewLogFile.decode(encoded).records == [line])
        #expect(try StoreJSON.decoder().decode(LogRecord.self, from: encoded) == line)
        let leech = Data(
            String(decoding: encoded, as: UTF8.self).replacingOccurrences(of: "suspend", with: "leech").utf8)
        let read = try ReviewLogFile.decode(leech)
        #expect(read.records.isEmpty && read.issues.map(\.line) == [1])
    }

    @Test func undoingAnAnswerThatMadeALeechTakesBackItsSuspensionToo() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let recorder = try ProgressRecorder.open(
            store: store, settings: StudySettings(leechThreshold: 1, leechAction: .suspend), days: .pyFSRS,
            uptimeNanoseconds: 0)
        var rng = SeededGenerator(seed: 4)
        var now = StoreFixtures.now
        for rating in [Rating.good, .good, .good] {
            try recorder.answer("a", rating: rating, given: GivenAnswer(), now: now, uptimeNanoseconds: 0, rng: &rng)
            now = recorder.cards["a"]?.card.due ?? now
        }
        let before = recorder.cards["a"]
        let lapse = try recorder.answer(
            "a", rating: .again, given: GivenAnswer(), now: now, uptimeNanoseconds: 0, rng: &rng)
        #expect(lapse.becameLeech && recorder.cards["a"]?.suspended == true)
        #expect(try recorder.undo(now: now, uptimeNanoseconds: 0) == UndoableAction(card: "a", kind: .review))
        #expect(recorder.cards["a"] == before)
        #expect(try store.foldLog().cards == recorder.cards)
    }

    @Test func theRecorderUndoesTheSessionsLastActionOfAnyKind() throws {
        // The issue's example: suspending a card, then undo, took back the previous answer instead.
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        let recorder = try ProgressRecorder.open(
            store: store, settings: StudySettings(), days: .pyFSRS, uptimeNanoseconds: 0)
        var rng = SeededGenerator(seed: 5)
        let now = StoreFixtures.now
        try recorder.answer("a", rating: .good, given: GivenAnswer(), now: now, uptimeNanoseconds: 0, rng: &rng)
        let answered = recorder.cards["a"]
        try recorder.suspend("b", now: now, uptimeNanoseconds: 0)
        try recorder.bury("a", until: now.addingTimeInterval(3600), now: now, uptimeNanoseconds: 0)
        #expect(try recorder.unsuspend("b", now: now, uptimeNanoseconds: 0))
        #expect(recorder.undoCount == 4)
        #expect(try recorder.undo(now: now, uptimeNanoseconds: 0) == UndoableAction(card: "b", kind: .unsuspend))
        #expect(recorder.cards["b"]?.suspended == true)
        #expect(try recorder.undo(now: now, uptimeNanoseconds: 0) == UndoableAction(card: "a", kind: .bury))
        #expect(recorder.cards["a"] == answered)
        #expect(try recorder.undo(now: now, uptimeNanoseconds: 0) == UndoableAction(card: "b", kind: .suspend))
        #expect(recorder.cards["b"] == nil && recorder.cards["a"] == answered)
        #expect(try recorder.undo(now: now, uptimeNanoseconds: 0) == UndoableAction(card: "a", kind: .review))
        #expect(recorder.cards.isEmpty)
        #expect(try recorder.undo(now: now, uptimeNanoseconds: 0) == nil)
        let log = try store.loadLog().records
        #expect(log.compactMap(\.undoes) == [.unsuspend, .bury, .suspend, .review])
        #expect(try store.foldLog().cards.isEmpty)
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
        #expect(
            try recorder.undo(now: StoreFixtures.now.addingTimeInterval(86_400), uptimeNanoseconds: 99)
                == UndoableAction(card: "card-2", kind: .review))
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
            #expect(kept.latestUndoable?.card == counted.latestUndoable?.card)
            #expect(kept.latestUndoable?.kind == counted.latestUndoable?.kind)
            #expect(kept.history.futureReviews == counted.history.futureReviews)
            #expect(kept.laterLines == counted.laterLines)
            let keptDays = kept.recent.entries.map { $0.counted?.day }
            let countedDays = counted.recent.entries.map { $0.counted?.day }
            #expect(keptDays == countedDays)
            #expect(kept.recent.entries.map(\.kind) == counted.recent.entries.map(\.kind))
        }
    }

    @Test func aFoldWithoutTheHistoryUndoesABurialOrSuspensionAsTheFullFoldDoes() throws {
        let convention = DayConvention.anki(rolloverHour: 4, timeZone: try #require(TimeZone(identifier: "Asia/Seoul")))
        let one = StoreFixtures.card(goodReviews: 1)
        let two = StoreFixtures.card(goodReviews: 2)
        let until = StoreFixtures.now.addingTimeInterval(86_400)
        // `a` is answered, buried, answered again and suspended; undoing the burial takes the later
        // answer and suspension with it, and that answer leaves the day's counts in both folds.
        let lines: [LogRecord] = [
            StoreFixtures.review("a", before: nil, after: one),
            .event(.bury, cardID: "a", at: StoreFixtures.now, until: until),
            StoreFixtures.review("b", before: nil, after: one),
            StoreFixtures.review("a", before: one, after: two),
            .event(.suspend, cardID: "a", at: StoreFixtures.now),
            .undo(.bury, cardID: "a", at: StoreFixtures.now),
            .event(.suspend, cardID: "b", at: StoreFixtures.now),
            .event(.unsuspend, cardID: "b", at: StoreFixtures.now),
            .undo(.unsuspend, cardID: "b", at: StoreFixtures.now),
            .undo(.suspend, cardID: "b", at: StoreFixtures.now),
            .undo(.review, cardID: "a", at: StoreFixtures.now),
            .undo(.suspend, cardID: "a", at: StoreFixtures.now),
        ]
        var kept = LogFold(days: convention, keepsHistory: true)
        var counted = LogFold(days: convention, keepsHistory: false)
        for (offset, line) in lines.enumerated() {
            kept.apply(line, line: offset + 1)
            counted.apply(line, line: offset + 1)
            #expect(kept.cards == counted.cards, "line \(offset + 1)")
            #expect(kept.days == counted.days, "line \(offset + 1)")
            #expect(kept.recent.entries.map(\.kind) == counted.recent.entries.map(\.kind), "line \(offset + 1)")
            #expect(kept.recent.entries.map(\.counted?.day) == counted.recent.entries.map(\.counted?.day))
            if offset == 5 {
                // The burial, the second answer and the suspension are gone; the first answer stays.
                #expect(counted.cards["a"] == CardRecord(card: one, reps: 1))
                #expect(kept.history.reviews.map(\.undone) == [false, false, true])
                let today = convention.dayNumber(of: StoreFixtures.now)
                #expect(counted.days.studied(onDay: today).newCards == 2)
                #expect(counted.days.reviewsByDay[today] == 2)
            }
        }
        // The suspension of `a` went with the burial: that undo finds nothing, in both.
        #expect(counted.unmatchedUndoLines == [12] && kept.unmatchedUndoLines == [12])
        #expect(counted.cards["a"] == nil && counted.cards["b"] == CardRecord(card: one, reps: 1))
        #expect(counted.days.reviewsByDay.values.reduce(0, +) == 1)
        #expect(counted.history.reviews.isEmpty)
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
