import Foundation
import Testing

@testable import RoledeckCore

@Suite("Day conventions")
struct DayConventionTests {
    @Test("py-fsrs counts floor(elapsed / 24 h), negative spans round down")
    func pyFSRS() {
        let a = TestClock.date("2024-01-01T23:00:00Z")
        #expect(
            DayConvention.pyFSRS.elapsedDays(from: a, to: TestClock.date("2024-01-02T22:59:59Z")) == 0)
        #expect(
            DayConvention.pyFSRS.elapsedDays(from: a, to: TestClock.date("2024-01-02T23:00:00Z")) == 1)
        #expect(
            DayConvention.pyFSRS.elapsedDays(from: a, to: TestClock.date("2024-01-01T22:00:00Z")) == -1)
    }

    @Test("Anki counts calendar days that start at the rollover hour in local time")
    func anki() throws {
        let zone = try #require(TimeZone(identifier: "America/Chicago"))  // UTC-6 in January
        let anki = DayConvention.anki(rolloverHour: 4, timeZone: zone)
        // 22:00 local -> 05:00 local next morning: 7 hours, but a new Anki day.
        let evening = TestClock.date("2024-01-10T22:00:00-06:00")
        #expect(anki.elapsedDays(from: evening, to: TestClock.date("2024-01-11T05:00:00-06:00")) == 1)
        #expect(
            DayConvention.pyFSRS.elapsedDays(
                from: evening, to: TestClock.date("2024-01-11T05:00:00-06:00")) == 0)
        // 03:59 local still belongs to the previous day.
        #expect(anki.elapsedDays(from: evening, to: TestClock.date("2024-01-11T03:59:00-06:00")) == 0)
        // 05:00 -> 03:00 two days later is 47 h by the clock but one Anki day.
        let morning = TestClock.date("2024-01-11T05:00:00-06:00")
        #expect(anki.elapsedDays(from: morning, to: TestClock.date("2024-01-13T03:00:00-06:00")) == 1)
        #expect(
            DayConvention.pyFSRS.elapsedDays(
                from: morning, to: TestClock.date("2024-01-13T03:00:00-06:00")) == 1)
        #expect(DayConvention.anki(timeZone: zone) == anki)
    }

    @Test("Anki days follow daylight-saving changes")
    func daylightSaving() throws {
        let zone = try #require(TimeZone(identifier: "America/Chicago"))
        let anki = DayConvention.anki(rolloverHour: 4, timeZone: zone)
        // DST starts 2024-03-10 02:00 local: 04:30 CST on the 9th to 04:30 CDT on the 10th is 23 h.
        let before = TestClock.date("2024-03-09T04:30:00-06:00")
        let after = TestClock.date("2024-03-10T04:30:00-05:00")
        #expect(anki.elapsedDays(from: before, to: after) == 1)
        #expect(DayConvention.pyFSRS.elapsedDays(from: before, to: after) == 0)
    }

    @Test("an interday learning step across the rollover counts as a day under Anki")
    func learningStepAcrossRollover() throws {
        let zone = try #require(TimeZone(identifier: "UTC"))
        let parameters = try SchedulerParameters(learningSteps: [1800, 86_400], enableFuzzing: false)
        let anki = Scheduler(
            parameters: parameters, dayConvention: .anki(rolloverHour: 4, timeZone: zone))
        let py = Scheduler(parameters: parameters)
        var rng = SeededGenerator(seed: 0)
        let first = TestClock.date("2024-01-01T20:00:00Z")
        let card = anki.review(.new(due: first), rating: .good, at: first, rng: &rng).card
        let next = TestClock.date("2024-01-02T06:00:00Z")  // 10 h later, after the 04:00 rollover
        let viaAnki = anki.review(card, rating: .good, at: next, rng: &rng)
        let viaPy = py.review(card, rating: .good, at: next, rng: &rng)
        #expect(viaAnki.log.elapsedDays == 1)
        #expect(viaPy.log.elapsedDays == 0)
        #expect(viaAnki.log.retrievability != nil && viaAnki.log.retrievability != 1)
        #expect(viaAnki.card.stability != viaPy.card.stability)
    }
}
