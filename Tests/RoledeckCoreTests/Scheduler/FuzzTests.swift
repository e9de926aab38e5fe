import Foundation
import Testing

@testable import RoledeckCore

@Suite("Fuzz")
struct FuzzTests {
    @Test(
        "ranges match py-fsrs's _get_fuzz_range (values from oracle.py fuzz_range)",
        arguments: [
            (3, 36_500, 2, 4), (4, 36_500, 3, 5), (5, 36_500, 4, 6), (7, 36_500, 5, 9),
            (10, 36_500, 8, 12), (20, 36_500, 17, 23), (30, 36_500, 27, 33), (100, 36_500, 93, 107),
            (365, 36_500, 345, 385), (100, 101, 93, 101), (3, 3, 2, 3),
        ])
    func ranges(interval: Int, maximum: Int, lower: Int, upper: Int) {
        #expect(
            FuzzRange(intervalDays: interval, maximumInterval: maximum)
                == FuzzRange(minDays: lower, maxDays: upper))
    }

    @Test("fuzz applies from 2.5 days")
    func threshold() {
        #expect(!FuzzRange.applies(toIntervalDays: 2))
        #expect(FuzzRange.applies(toIntervalDays: 3))
    }

    @Test("draws are uniform over the whole range and never leave it")
    func drawsStayInRange() {
        var rng = SeededGenerator(seed: 42)
        let range = FuzzRange(minDays: 93, maxDays: 107)
        var counts: [Int: Int] = [:]
        for _ in 0..<15_000 {
            counts[range.draw(using: &rng), default: 0] += 1
        }
        #expect(Set(counts.keys) == Set(93...107))
        #expect(counts.values.allSatisfy { (800...1200).contains($0) })
    }

    @Test("fuzzed reviews land inside the fuzz bounds; short intervals stay unfuzzed")
    func scheduledFuzzInBounds() throws {
        let scheduler = Scheduler(parameters: .default)
        let start = TestClock.date("2024-01-01T09:00:00Z")
        let base = FSRSCard(state: .review, stability: 40, difficulty: 5, due: start, lastReview: start)
        let at = start.addingTimeInterval(40 * 86_400)
        var rng = SeededGenerator(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<200 {
            let (card, log) = scheduler.review(base, rating: .good, at: at, rng: &rng)
            let fuzz = try #require(log.fuzz)
            #expect(fuzz.applies)
            #expect((fuzz.minDays...fuzz.maxDays).contains(fuzz.days))
            #expect(card.due == at.addingTimeInterval(Double(fuzz.days) * 86_400))
            seen.insert(fuzz.days)
        }
        #expect(seen.count > 3)
        let short = FSRSCard(
            state: .review, stability: 0.5, difficulty: 5, due: start, lastReview: start)
        let (_, log) = scheduler.review(
            short, rating: .hard, at: start.addingTimeInterval(86_400), rng: &rng)
        #expect(log.fuzz?.applies == false)
        #expect(log.fuzz?.days == log.fuzz?.unfuzzedDays)
    }
}
