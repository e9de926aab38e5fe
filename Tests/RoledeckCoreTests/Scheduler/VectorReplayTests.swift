import Foundation
import Testing

@testable import RoledeckCore

/// Every card of the py-fsrs 6.3.2 vector files, replayed through `ReplayCodec` and `Replay`,
/// compared field by field with the oracle's results.
@Suite("py-fsrs vectors")
struct VectorReplayTests {
    @Test("replay matches py-fsrs 6.3.2", arguments: ["vectors-sample", "vectors-seed7"])
    func replayMatchesReference(fixture: String) throws {
        let file = try VectorFile.load(fixture)
        #expect(!file.cards.isEmpty)
        var mismatches: [String] = []
        var reviews = 0
        for vector in file.cards {
            let id = vector.input.cardID
            let decoded = ReplayCodec.decode(try vector.input.jsonLine())
            let input = try #require(try decoded.first?.get(), "card \(id): input did not decode")
            let result = Replay.replay(input)
            let expected = vector.expected.results
            if result.entries.count != expected.count {
                mismatches.append("card \(id): \(result.entries.count) results, expected \(expected.count)")
                continue
            }
            let fuzzed = vector.input.enableFuzzing ?? false
            for (entry, want) in zip(result.entries, expected) {
                reviews += 1
                let problems = compare(entry, with: want, fuzzed: fuzzed)
                mismatches += problems.map { "card \(id) review \(want.i): \($0)" }
            }
        }
        #expect(reviews > 1000)
        for message in mismatches.prefix(30) {
            Issue.record(Comment(rawValue: message))
        }
        #expect(
            mismatches.count == 0, "\(mismatches.count) mismatches in \(reviews) reviews of \(fixture)")
    }

    private func compare(_ got: ReviewLogEntry, with want: VectorResult, fuzzed: Bool) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ field: String, _ got: Any?, _ want: Any?) {
            if !ok {
                problems.append(
                    "\(field): got \(String(describing: got)), expected \(String(describing: want))")
            }
        }
        check(got.rating.rawValue == want.rating, "rating", got.rating, want.rating)
        check(ISOTimestamp.format(got.reviewedAt) == want.time, "time", got.reviewedAt, want.time)
        check(got.elapsedDays == want.elapsedDays, "elapsed_days", got.elapsedDays, want.elapsedDays)
        check(
            isClose(got.elapsedSeconds, want.elapsedSeconds), "elapsed_seconds", got.elapsedSeconds,
            want.elapsedSeconds)
        check(
            isClose(got.retrievability, want.retrievability), "retrievability", got.retrievability,
            want.retrievability)
        #if os(Linux)
            // Same glibc libm as CPython and the same expression order: bit-identical, not just close.
            check(
                got.retrievability == want.retrievability, "retrievability (bit-exact)", got.retrievability,
                want.retrievability)
            check(got.stability == want.stability, "stability (bit-exact)", got.stability, want.stability)
            check(
                got.difficulty == want.difficulty, "difficulty (bit-exact)", got.difficulty, want.difficulty
            )
        #endif
        check(got.state.name == want.state, "state", got.state.name, want.state)
        check(got.step == want.step, "step", got.step, want.step)
        check(isClose(got.stability, want.stability), "stability", got.stability, want.stability)
        check(isClose(got.difficulty, want.difficulty), "difficulty", got.difficulty, want.difficulty)
        if let wantFuzz = want.fuzz {
            guard let fuzz = got.fuzz else {
                problems.append("fuzz: missing")
                return problems
            }
            check(fuzz.enabled == wantFuzz.enabled, "fuzz.enabled", fuzz.enabled, wantFuzz.enabled)
            check(fuzz.applies == wantFuzz.applies, "fuzz.applies", fuzz.applies, wantFuzz.applies)
            check(
                fuzz.unfuzzedDays == wantFuzz.unfuzzedDays, "fuzz.unfuzzed_days", fuzz.unfuzzedDays,
                wantFuzz.unfuzzedDays)
            check(fuzz.minDays == wantFuzz.minDays, "fuzz.min_days", fuzz.minDays, wantFuzz.minDays)
            check(fuzz.maxDays == wantFuzz.maxDays, "fuzz.max_days", fuzz.maxDays, wantFuzz.maxDays)
        } else {
            check(got.fuzz == nil, "fuzz", got.fuzz, "null")
        }
        if fuzzed && want.fuzz != nil {
            // py-fsrs fuzz uses Python's Mersenne Twister: compare by bounds only.
            let days = Int(got.intervalDays.rounded())
            let bounds = (want.fuzz?.minDays ?? 0)...(want.fuzz?.pyfsrsMaxDays ?? 0)
            check(bounds.contains(days), "fuzzed interval_days", days, bounds)
        } else {
            check(ISOTimestamp.format(got.due) == want.due, "due", ISOTimestamp.format(got.due), want.due)
            check(
                got.intervalSeconds == want.intervalSeconds, "interval_seconds", got.intervalSeconds,
                want.intervalSeconds)
            check(
                isClose(got.intervalDays, want.intervalDays), "interval_days", got.intervalDays,
                want.intervalDays)
        }
        return problems
    }
}
