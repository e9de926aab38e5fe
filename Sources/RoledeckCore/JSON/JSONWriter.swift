import Foundation

/// Writes the progress files' records byte for byte as `JSONEncoder` with sorted keys does,
/// without its generic machinery: a line of the log and the whole of `cards.json` are written
/// many times a session, and at 100,000 cards `JSONEncoder` takes over a second.
/// `FastEncodingTests` holds it to `JSONEncoder`'s exact output.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    private var first = true

    init(pretty: Bool, capacity: Int = 256) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    mutating func openObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first = true
    }

    mutating func closeObject() {
        depth -= 1
        // JSONEncoder writes an empty object as "{", a blank line and "}" when pretty-printing.
        if pretty && first { bytes.append(0x0A) }
        if pretty { newline() }
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    /// Starts the member `name`; members must come in sorted order.
    mutating func key(_ name: String) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty { newline() }
        first = false
        string(name)
        if pretty {
            bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            first = false
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
                ])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
        first = false
    }

    /// As `JSONEncoder` writes a Double: integral values without ".0", others in Swift's shortest form.
    mutating func double(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        first = false
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        first = false
    }

    /// A time as `ISOTimestamp.format` spells it, digit by digit.
    mutating func date(_ value: Date) {
        let micros = value.microsecondsSince1970
        let days = micros.floorDivided(by: Date.microsecondsPerDay)
        let inDay = micros - days * Date.microsecondsPerDay
        let (year, month, day) = ISOTimestamp.civilFromDays(Int(days))
        guard (0...9999).contains(year) else {
            string(ISOTimestamp.format(value))
            return
        }
        let second = Int(inDay / 1_000_000)
        let fraction = Int(inDay % 1_000_000)
        bytes.append(UInt8(ascii: "\""))
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(second / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(second / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(second % 60, 2)
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            digits(fraction, 6)
        }
        bytes.append(contentsOf: "+00:00\"".utf8)
        first = false
    }

    private mutating func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(0x30 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
