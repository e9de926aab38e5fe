import Foundation
import Testing

@testable import RoledeckCore

/// The writer's own number and time spellings against the standard ones they stand in for:
/// `String(Int)`, Swift's shortest `Double.description` (Python's repr for these values) and
/// `ISOTimestamp.format`.
@Suite("JSON writer numbers and times")
struct JSONWriterNumberTests {
    func written(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(pythonStyleCapacity: 16)
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test("integers are written as String(Int) writes them, at every length and sign")
    func integers() {
        var generator = SeededGenerator(seed: 11)
        var values = [0, 9, 10, 99, 100, 101, 999, 1000, -1, -9, -10, -99, -100, Int.max, Int.min, Int.min + 1]
        for digits in 1...18 {
            let power = Int(pow(10, Double(digits)))
            values += [power - 1, power, power + 1, -power]
        }
        values += (0..<2000).map { _ in
            Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...62, using: &generator)
        }
        for value in values {
            #expect(written { $0.int(value) } == String(value), "\(value)")
        }
    }

    @Test("a Python float is Swift's shortest spelling, whole numbers included, and Python's notation")
    func pythonDoubles() {
        var generator = SeededGenerator(seed: 12)
        var values: [Double] = [
            0, -0.0, 1, -1, 2, 60, 172_800, 1e15, 9_007_199_254_740_992, 1e16, 1e17, 0.1, 1e-4, 1e-5, 123.456,
        ]
        values += (0..<3000).map { _ in
            let whole = Double(Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &generator))
            return Bool.random(using: &generator) ? whole : whole / 997
        }
        // Every magnitude the digits are written straight into the buffer for: any finite bit pattern
        // (subnormals and both exponent forms included), and the ranges FSRS's numbers fall in.
        values += (0..<20_000).compactMap { _ in
            let any = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            return any.isFinite ? any : nil
        }
        values += (0..<10_000).map { _ in Double.random(in: 0...1, using: &generator) }
        values += (0..<10_000).map { _ in Double.random(in: 0.001...36_500, using: &generator) }
        values += [
            .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
            -Double.leastNormalMagnitude / 3, 1e-7, 1.5e300,
        ]
        for value in values {
            // The progress files' spelling too: whole numbers below 1e15 as integers, the rest as above.
            let whole = value == value.rounded() && abs(value) < 1e15
            #expect(written { $0.double(value) } == (whole ? String(Int(value)) : value.description), "\(value)")
            #expect(written { $0.pythonDouble(value) } == value.description, "\(value)")
        }
        // Above 2^53 Swift turns to exponent form, Python only from 1e16 (Python's own repr here).
        #expect(written { $0.pythonDouble(9_999_999_999_999_998) } == "9999999999999998.0")
        #expect(written { $0.pythonDouble(9.5e15) } == "9500000000000000.0")
        #expect(written { $0.pythonDouble(-9_007_199_254_740_994) } == "-9007199254740994.0")
        #expect(written { $0.pythonDouble(.nan) } == "null" && written { $0.pythonDouble(nil) } == "null")
    }

    @Test("a span of whole microseconds is written as the shortest float spelling, without a digit search")
    func seconds() {
        var generator = SeededGenerator(seed: 13)
        var micros: [Int64] = [
            0, 1, 99, 100, 101, 1_000_000, 3_001_369_000, 4_294_967_295_999_999, 4_294_967_296_000_000,
        ]
        micros += (0..<5000).map { _ in
            let magnitude = Int64.random(in: 0...5_000_000_000_000_000, using: &generator)
            return magnitude >> Int64.random(in: 0...50, using: &generator)
        }
        for value in micros {
            for signed in [value, -value] {
                let seconds = Double(signed) / 1_000_000
                #expect(written { $0.pythonSeconds(seconds) } == seconds.description, "\(signed) µs")
            }
        }
        // Not a whole number of microseconds: the general spelling.
        #expect(written { $0.pythonSeconds(0.123_456_7) } == "0.1234567")
        #expect(written { $0.pythonSeconds(nil) } == "null")
    }

    @Test("a time is spelled as ISOTimestamp.format spells it, quoted")
    func times() {
        var generator = SeededGenerator(seed: 14)
        var micros: [Int64] = [0, 1, 999_999, 86_399_999_999, -1, 253_402_300_799_999_999, -62_135_596_800_000_000]
        micros += (0..<3000).map { _ in
            Int64.random(in: -62_135_596_800_000_000...253_402_300_799_999_999, using: &generator)
        }
        micros += (0..<500).map { _ in Int64.random(in: 0...4_000_000_000, using: &generator) * 1_000_000 }
        for value in micros {
            let date = Date(microsecondsSince1970: value)
            #expect(written { $0.date(date) } == "\"" + ISOTimestamp.format(date) + "\"", "\(value)")
        }
        // One writer, times in runs on the same day, to the next day, and back (it keeps the last day's date).
        var run: [Date] = []
        var at: Int64 = 1_741_456_800_000_000
        for _ in 0..<2000 {
            at +=
                [Int64(60_000_000), 3_600_000_000, 86_400_000_000, -90_000_000_000][
                    Int.random(in: 0..<4, using: &generator)]
            run.append(Date(microsecondsSince1970: at))
        }
        let together = written { writer in
            writer.openArray()
            for date in run {
                writer.element()
                writer.date(date)
            }
            writer.closeArray()
        }
        #expect(together == "[" + run.map { "\"" + ISOTimestamp.format($0) + "\"" }.joined(separator: ", ") + "]")
    }
}
