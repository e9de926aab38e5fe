import Foundation
import Testing

@testable import RoledeckCore

/// A batch is replayed in pieces side by side; whatever the settings lines, errors and batch sizes,
/// the output and the errors are those of replaying the lines one by one.
@Suite("Replay stream")
struct ReplayStreamTests {
    /// Seeded replay input: cards, with settings lines (good and bad), blank lines and broken lines among them.
    func input(seed: UInt64, lines count: Int) -> [String] {
        var generator = SeededGenerator(seed: seed)
        var lines: [String] = []
        for number in 0..<count {
            switch Int.random(in: 0..<20, using: &generator) {
            case 0:
                let retention = [0.8, 0.85, 0.9, 0.95].randomElement(using: &generator) ?? 0.9
                let fuzz = Bool.random(using: &generator)
                lines.append(#"{"desired_retention": \#(retention), "enable_fuzzing": \#(fuzz), "seed": \#(number)}"#)
            case 1:
                // A bad setting after a good one in the same line.
                lines.append(#"{"learning_steps": [30], "maximum_interval": "long"}"#)
            case 2: lines.append("")
            case 3: lines.append(#"{"card_id": \#(number), "reviews": [}"#)
            default:
                var minutes = Int.random(in: 0..<100_000, using: &generator)
                let reviews = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                    minutes += Int.random(in: 1...40_000, using: &generator)
                    let time = ISOTimestamp.format(Date(timeIntervalSince1970: 1_700_000_000 + Double(minutes) * 60.5))
                    return #"{"rating": \#(Int.random(in: 1...4, using: &generator)), "time": "\#(time)"}"#
                }
                lines.append(#"{"card_id": \#(number), "reviews": [\#(reviews.joined(separator: ", "))]}"#)
            }
        }
        return lines
    }

    func lineByLine(_ lines: [String]) -> (output: String, errors: [ReplayError]) {
        var stream = Replay.Stream()
        for (offset, line) in lines.enumerated() {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { stream.process(UnsafeBufferPointer($0), number: offset + 1) }
        }
        return (String(decoding: stream.drain(), as: UTF8.self), stream.errors)
    }

    @Test("batches of any size give the output and errors of replaying line by line", arguments: [1, 2, 3])
    func batchesMatchLineByLine(seed: UInt64) {
        let lines = input(seed: seed, lines: 300)
        let expected = lineByLine(lines)
        #expect(expected.errors.count > 10)
        var generator = SeededGenerator(seed: seed + 100)
        for _ in 0..<4 {
            var stream = Replay.Stream()
            var output: [UInt8] = []
            var start = 0
            while start < lines.count {
                let size = min(lines.count - start, Int.random(in: 1...120, using: &generator))
                stream.process(lines[start..<(start + size)].map { Array($0.utf8) }, firstNumber: start + 1)
                // Drained piece by piece, as the command writes it.
                stream.drain { output.append(contentsOf: $0) }
                start += size
            }
            #expect(String(decoding: output, as: UTF8.self) == expected.output)
            #expect(stream.errors == expected.errors)
        }
    }

    @Test("a settings line in the middle of a batch reaches every card after it, in every piece")
    func settingsInTheMiddle() throws {
        let card = #"{"card_id": 1, "reviews": [{"rating": 3, "time": "2024-01-01T08:00:00Z"}]}"#
        var lines = Array(repeating: card, count: 40)
        lines[5] = #"{"desired_retention": 0.8}"#
        lines[23] = #"{"desired_retention": 0.95}"#
        var stream = Replay.Stream()
        stream.process(lines.map { Array($0.utf8) }, firstNumber: 1)
        let output = String(decoding: stream.drain(), as: UTF8.self).split(separator: "\n")
        #expect(output.count == 38)
        let retentions = try output.map { line -> Double? in
            try JSONValue.parse(line)["scheduler"]?["desired_retention"]?.doubleValue
        }
        #expect(retentions == Array(repeating: 0.9, count: 5) + Array(repeating: 0.8, count: 17) + Array(repeating: 0.95, count: 16))
    }

    @Test("output handed over piece by piece is the same as the bytes drained at once")
    func drainPieces() {
        let lines = input(seed: 7, lines: 80).map { Array($0.utf8) }
        var whole = Replay.Stream()
        whole.process(lines, firstNumber: 1)
        var pieces = Replay.Stream()
        pieces.process(lines, firstNumber: 1)
        #expect(whole.pendingBytes == pieces.pendingBytes && whole.pendingBytes > 0)
        var handed: [[UInt8]] = []
        pieces.drain { handed.append(Array($0)) }
        #expect(handed.count > 1)
        #expect(Array(handed.joined()) == whole.drain())
        #expect(pieces.pendingBytes == 0 && pieces.drain().isEmpty)
    }
}
