import Foundation
import Testing

@testable import RoledeckCore

/// The printed replay lines carry oracle.py's field names, types and values.
@Suite("Replay output")
struct ReplayOutputTests {
    struct OutputLine: Decodable {
        let cardID: Int64
        let results: [VectorResult]

        enum CodingKeys: String, CodingKey {
            case cardID = "card_id"
            case results
        }
    }

    @Test("output lines decode as oracle results and agree with the vectors")
    func outputMatchesOracleFormat() throws {
        let file = try VectorFile.load("vectors-sample")
        let vectors = file.cards.filter { !($0.input.enableFuzzing ?? false) }.prefix(80)
        let text = try vectors.map { try $0.input.jsonLine() }.joined(separator: "\n")
        let (lines, errors) = Replay.run(text)
        #expect(errors.isEmpty)
        try #require(lines.count == vectors.count)
        for (line, vector) in zip(lines, vectors) {
            let output = try JSONDecoder().decode(OutputLine.self, from: Data(line.utf8))
            #expect(output.cardID == vector.input.cardID)
            for (got, want) in zip(output.results, vector.expected.results) {
                let place = "card \(output.cardID) review \(want.i)"
                #expect(got.i == want.i && got.rating == want.rating, "\(place)")
                #expect(got.time == want.time && got.due == want.due, "\(place)")
                #expect(
                    got.elapsedDays == want.elapsedDays && got.elapsedSeconds == want.elapsedSeconds,
                    "\(place)")
                #expect(isClose(got.retrievability, want.retrievability), "\(place)")
                #expect(got.state == want.state && got.step == want.step, "\(place)")
                #expect(
                    isClose(got.stability, want.stability) && isClose(got.difficulty, want.difficulty),
                    "\(place)")
                #expect(got.intervalSeconds == want.intervalSeconds, "\(place)")
                #expect(isClose(got.intervalDays, want.intervalDays), "\(place)")
                #expect(
                    got.fuzz?.minDays == want.fuzz?.minDays && got.fuzz?.maxDays == want.fuzz?.maxDays,
                    "\(place)")
            }
        }
    }

    @Test("first result: null retrievability and elapsed fields, oracle key order")
    func firstResultShape() throws {
        let (lines, _) = Replay.run(
            #"{"card_id": 1700000000000, "reviews": [{"rating": 1, "time": "2024-01-04T16:10:16+00:00"}]}"#
        )
        let line = try #require(lines.first)
        #expect(
            line.hasPrefix(#"{"card_id": 1700000000000, "scheduler": {"parameters": [0.212, 1.2931, "#))
        #expect(
            line.contains(
                #""results": [{"i": 0, "rating": 1, "time": "2024-01-04T16:10:16+00:00", "elapsed_days": null, "elapsed_seconds": null, "retrievability": null, "state": "Learning", "state_code": 1, "step": 0, "stability": 0.212, "difficulty": 6.4133, "due": "2024-01-04T16:11:16+00:00", "interval_seconds": 60.0, "interval_days": 0.0006944444444444445, "fuzz": null, "card": {"card_id": 1700000000000, "state": 1, "step": 0"#
            ))
    }
}
