import Foundation

/// Writes JSON byte by byte, without `JSONEncoder`'s generic machinery: the progress files'
/// records exactly as `JSONEncoder` with sorted keys writes them (`FastEncodingTests` holds it to
/// that), and `roledeck replay`'s lines exactly as Python's `json.dumps` writes them (`python`:
/// ", " and ": " separators, ASCII only). A line of the log, the whole of `cards.json` and a million
/// replay results are written this way; at 100,000 cards `JSONEncoder` takes over a second.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private let python: Bool
    private var depth = 0
    private var first = true

    init(pretty: Bool, capacity: Int = 256) {
        self.pretty = pretty
        python = false
        bytes.reserveCapacity(capacity)
    }

    /// A writer in Python's `json.dumps` style.
    init(pythonStyleCapacity capacity: Int) {
        pretty = false
        python = true
        bytes.reserveCapacity(capacity)
    }

    /// Ends a document with a newline; the next one starts afresh (JSON lines).
    mutating func newlineBetweenDocuments() {
        bytes.append(0x0A)
        depth = 0
        first = true
    }

    mutating func openArray() {
        bytes.append(UInt8(ascii: "["))
        first = true
    }

    mutating func closeArray() {
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    /// Starts an element of an array.
    mutating func element() {
        if !first { separator() }
        first = false
    }

    private mutating func separator() {
        bytes.append(UInt8(ascii: ","))
        if python { bytes.append(0x20) }
    }

    mutating func null() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        first = false
    }

    /// A number as Python writes a float (`60.0`, `1e-05`); null when it is not finite, as the oracle writes it.
    mutating func pythonDouble(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        bytes.append(contentsOf: value.description.utf8)
        first = false
    }

    /// An integer or null.
    mutating func int(_ value: Int?) {
        guard let value else { return null() }
        int(value)
    }

    /// Hands over the bytes written so far and starts an empty buffer, keeping the nesting:
    /// a long document is written out piece by piece.
    mutating func drain() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
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

    /// Starts the member `name`; members must come in sorted order (but for Python's style).
    mutating func key(_ name: String) {
        if !first { separator() }
        if pretty { newline() }
        first = false
        string(name)
        if pretty {
            bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
        } else {
            bytes.append(UInt8(ascii: ":"))
            if python { bytes.append(0x20) }
        }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    mutating func string(_ text: String) {
        if python { return asciiString(text) }
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

    /// A string as Python's `json.dumps` writes it: everything outside printable ASCII escaped, by UTF-16 unit.
    private mutating func asciiString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let plain = text.utf8.allSatisfy {
            $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        }
        if plain {
            bytes.append(contentsOf: text.utf8)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            for unit in text.utf16 {
                switch unit {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x20..<0x7F: bytes.append(UInt8(unit))
                default:
                    bytes.append(contentsOf: [
                        0x5C, UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 15)],
                        hex[Int(unit >> 4 & 15)],
                        hex[Int(unit & 15)],
                    ])
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
        first = false
    }

    /// A parsed value, as `JSONValue.serialized` spells it.
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let text):
            bytes.append(contentsOf: text.utf8)
            first = false
        case .string(let text): string(text)
        case .array(let items):
            openArray()
            for item in items {
                element()
                self.value(item)
            }
            closeArray()
        case .object(let members):
            openObject()
            for member in members {
                key(member.key)
                self.value(member.value)
            }
            closeObject()
        }
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
