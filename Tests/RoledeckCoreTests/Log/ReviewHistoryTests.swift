import Foundation
import Testing

@testable import RoledeckCore

@Suite("The review history for the statistics")
struct ReviewHistoryTests {
    @Test func undoTakesBackTheLatestReviewOfThatCardForTheStatesAndTheHistoryAlike() {
        let a = StatsFixture.c1.id
        let b = StatsFixture.c2.id
        let log: [LogRecord] = [
            StatsFixture.review(a, "2026-03-10T08:00", .good, before: .new),
            StatsFixture.review(a, "2026-03-10T08:01", .again, before: .learning),
            StatsFixture.review(b, "2026-03-10T08:02", .good, before: .new),
            .event(.undo, cardID: a, at: StatsFixture.kst("2026-03-10T08:03")),
            .event(.undo, cardID: a, at: StatsFixture.kst("2026-03-10T08:04")),
            // Nothing of a is left to take back: reported and skipped.
            .event(.undo, cardID: a, at: StatsFixture.kst("2026-03-10T08:05")),
        ]
        let fold = LogFold(log, days: StatsFixture.days, horizon: StatsFixture.now)
        #expect(fold.history.reviews.map(\.undone) == [true, true, false])
        #expect(fold.cards[a] == nil)
        #expect(fold.unmatchedUndoLines == [6])
    }

    @Test func reviewsAfterNowAreLeftOutAndDaysFollowTheRollover() {
        let log: [LogRecord] = [
            StatsFixture.review(StatsFixture.c1.id, "2026-03-10T03:59", .good, before: .new),
            StatsFixture.review(StatsFixture.c1.id, "2026-03-10T04:00", .good, before: .learning),
            StatsFixture.review(StatsFixture.c1.id, "2026-03-10T10:01", .good, before: .review),
        ]
        let history = ReviewHistory.build(log, now: StatsFixture.now, days: StatsFixture.days)
        let today = StatsFixture.days.dayNumber(of: StatsFixture.now)
        #expect(history.reviews.map { Int($0.day) } == [today - 1, today])
        #expect(history.futureReviews == 1)
        #expect(history.cardIDs == [StatsFixture.c1.id])
    }

    @Test func theDayCounterAgreesWithTheConventionAcrossDaylightSavingChanges() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let convention = DayConvention.anki(rolloverHour: 4, timeZone: zone)
        var counter = DayCounter(convention)
        // Every 7 minutes over a year that has both changes (2026-03-08 and 2026-11-01).
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        for step in stride(from: 0, to: 365 * 24 * 60, by: 7) {
            let date = start.addingTimeInterval(Double(step) * 60)
            #expect(counter.dayNumber(of: date) == convention.dayNumber(of: date))
        }
        #expect(DayCounter.label(ofDay: 0) == "1970-01-01" && DayCounter.weekday(ofDay: 0) == 3)
    }

    /// Seeded times in no order over three centuries (the table of offsets grows many times), in zones
    /// with an hour's change, a half hour's (Lord Howe) and none.
    @Test func theDayCounterAgreesWithTheConventionForTimesInAnyOrder() throws {
        var rng = SeededGenerator(seed: 7)
        for name in ["Europe/London", "Australia/Lord_Howe", "Asia/Seoul", "UTC"] {
            let zone = try #require(TimeZone(identifier: name))
            let convention = DayConvention.anki(rolloverHour: 4, timeZone: zone)
            var counter = DayCounter(convention)
            for _ in 0..<20_000 {
                // 1900 to 2200, to the second.
                let date = Date(
                    timeIntervalSince1970: Double(Int64.random(in: -2_208_988_800...7_258_118_400, using: &rng)))
                #expect(counter.dayNumber(of: date) == convention.dayNumber(of: date))
            }
        }
    }

    @Test func quarterOffsetsRememberWhatTheyAreGiven() {
        var rng = SeededGenerator(seed: 11)
        var table = QuarterOffsets()
        var plain: [Int64: Int64] = [:]
        for round in 0..<30_000 {
            // Runs of neighbouring quarters, and far ones.
            let quarter = round % 3 == 0 ? Int64.random(in: -1 << 40...1 << 40, using: &rng) : Int64(round / 3)
            if let known = plain[quarter] {
                #expect(table[quarter] == known)
            } else {
                #expect(table[quarter] == nil)
                let offset = Int64.random(in: -50_400...50_400, using: &rng)
                table.remember(offset, forQuarter: quarter)
                plain[quarter] = offset
            }
        }
        for (quarter, offset) in plain { #expect(table[quarter] == offset) }
        table.remember(1, forQuarter: Int64.min)
        #expect(table[Int64.min] == nil)
    }
}
