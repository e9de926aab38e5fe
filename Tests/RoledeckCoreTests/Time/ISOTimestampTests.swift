import Foundation
import Testing

@testable import RoledeckCore

@Suite("Timestamps and JSON")
struct ISOTimestampTests {
    @Test(
        "Python fromisoformat spellings parse to the same instant",
        arguments: [
            "2024-01-04T16:10:16+00:00", "2024-01-04T16:10:16Z", "2024-01-04 16:10:16",
            "2024-01-04T17:10:16+01:00", "2024-01-04T10:10:16-06:00", "2024-01-04T16:10:16.000",
            "2024-01-04T18:10:16+0200",
        ])
    func parses(text: String) throws {
        let date = try #require(ISOTimestamp.parse(text))
        #expect(ISOTimestamp.format(date) == "2024-01-04T16:10:16+00:00")
    }

    @Test(
        "rejects impossible dates and junk",
        arguments: [
            "2024-13-01", "2023-02-29", "2024-01-04T25:00", "yesterday", "2024-01-04T16:10:16+00:00x",
        ])
    func rejects(text: String) {
        #expect(ISOTimestamp.parse(text) == nil)
    }

    @Test("microseconds are kept and printed like isoformat()")
    func microseconds() throws {
        let date = try #require(ISOTimestamp.parse("1999-12-31T23:59:59.25Z"))
        #expect(ISOTimestamp.format(date) == "1999-12-31T23:59:59.250000+00:00")
        #expect(ISOTimestamp.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00+00:00")
    }

    @Test("JSON values round-trip with Python's separators and escapes")
    func jsonRoundTrip() throws {
        let text = #"{"a": [1, 2.5, -0.001, 1e-05, true, null], "b": "x\"\u00e9\n", "a": 3}"#
        let value = try JSONValue.parse(text)
        #expect(value["a"] == .int(3))
        #expect(value.serialized == text)
        #expect(JSONValue.double(1e-5).serialized == "1e-05")
        #expect(JSONValue.double(60).serialized == "60.0")
        #expect(JSONValue.double(9_999_999_999_999_998).serialized == "9999999999999998.0")
        #expect(throws: JSONSyntaxError(column: 6, message: "입력이 중간에 끝남")) {
            try JSONValue.parse("[1, 2")
        }
    }

    /// The fixed-place reading of the usual shape gives what reading any shape gives, for seeded times
    /// of that shape (in range and out: month 13, 31 February, hour 24, leap days) and for those strings
    /// with a byte changed; it declines everything it does not read.
    @Test("the usual shape reads as any shape does")
    func theUsualShapeReadsAsAnyShapeDoes() {
        var rng = SeededGenerator(seed: 19)
        func digits(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let alphabet = Array("0123456789-:T.+Zz ".utf8)
        var read = 0
        for round in 0..<40_000 {
            let year = [Int.random(in: 0...9999, using: &rng), 2024, 1900, 2000, 2100][round % 5]
            let month = Int.random(in: 0...13, using: &rng)
            let day = Int.random(in: 0...32, using: &rng)
            var text = "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))T"
            text +=
                "\(digits(Int.random(in: 0...24, using: &rng), 2)):\(digits(Int.random(in: 0...60, using: &rng), 2))"
            text += ":\(digits(Int.random(in: 0...60, using: &rng), 2))"
            if Bool.random(using: &rng) { text += ".\(digits(Int.random(in: 0...999_999, using: &rng), 6))" }
            text += ["+00:00", "Z", "+09:00", "z", ""][Int.random(in: 0..<5, using: &rng)]
            var bytes = Array(text.utf8)
            if round % 3 == 0 {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = alphabet.randomElement(using: &rng)!
            }
            bytes.withUnsafeBufferPointer { buffer in
                let any = ISOTimestamp.parseAnyShape(bytes: buffer)
                if let usual = ISOTimestamp.commonShape(buffer) {
                    read += 1
                    #expect(usual == any, "\(String(decoding: bytes, as: UTF8.self))")
                }
                #expect(ISOTimestamp.parse(bytes: buffer) == any)
            }
        }
        #expect(read > 5_000)
    }
}
