import Foundation

/// Writes JSON byte by byte, without `JSONEncoder`'s generic machinery: the progress files'
/// records exactly as `JSONEncoder` with sorted keys writes them (`FastEncodingTests` holds it to
/// that), and `roledeck replay`'s lines exactly as Python's `json.dumps` writes them (`python`:
/// ", " and ": " separators, ASCII only). A line of the log, the whole of `cards.json` and a million
/// replay results are written this way; at 100,000 cards `JSONEncoder` takes over a second.
struct JSONWriter {
    private let buffer: ByteBuffer
    private let pretty: Bool
    private let python: Bool
    private var depth = 0
    private var first = true

    init(pretty: Bool, capacity: Int = 256) {
        self.pretty = pretty
        python = false
        buffer = ByteBuffer(capacity: capacity)
    }

    /// A writer in Python's `json.dumps` style.
    init(pythonStyleCapacity capacity: Int) {
        pretty = false
        python = true
        buffer = ByteBuffer(capacity: capacity)
    }

    /// Ends a document with a newline; the next one starts afresh (JSON lines).
    mutating func newlineBetweenDocuments() {
        buffer.append(0x0A)
        depth = 0
        first = true
    }

    mutating func openArray() {
        buffer.append(UInt8(ascii: "["))
        first = true
    }

    mutating func closeArray() {
        buffer.append(UInt8(ascii: "]"))
        first = false
    }

    /// Starts an element of an array.
    mutating func element() {
        if !first { separator() }
        first = false
    }

    @inline(__always) private mutating func separator() {
        buffer.append(UInt8(ascii: ","))
        if python { buffer.append(0x20) }
    }

    mutating func null() {
        for byte in "null".utf8 { buffer.append(byte) }
        first = false
    }

    /// A number as Python writes a float (`60.0`, `1e-05`); null when it is not finite, as the oracle writes it.
    mutating func pythonDouble(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        buffer.append(contentsOf: value.description.utf8)
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
        defer { buffer.removeAll() }
        return buffer.array
    }

    /// The bytes written so far.
    var bytes: [UInt8] { buffer.array }

    /// Adds bytes written elsewhere as a whole value (a cached object).
    mutating func raw(_ value: [UInt8]) {
        buffer.append(contentsOf: value)
        first = false
    }

    /// Adds again the bytes written at `start..<end` (the same text a second time).
    mutating func repeatBytes(from start: Int, to end: Int) {
        buffer.repeatBytes(from: start, to: end)
        first = false
    }

    /// How many bytes are written.
    var count: Int { buffer.count }

    mutating func openObject() {
        buffer.append(UInt8(ascii: "{"))
        depth += 1
        first = true
    }

    mutating func closeObject() {
        depth -= 1
        // JSONEncoder writes an empty object as "{", a blank line and "}" when pretty-printing.
        if pretty && first { buffer.append(0x0A) }
        if pretty { newline() }
        buffer.append(UInt8(ascii: "}"))
        first = false
    }

    /// Starts the member `name`; members must come in sorted order (but for Python's style).
    /// A member whose name is data (a card id).
    mutating func key(text name: String) {
        beginKey()
        string(name)
        endKey()
    }

    /// A member whose name is known when the code is written: its bytes go out as they are (names
    /// are plain ASCII without quotes or backslashes).
    @inline(__always) mutating func key(_ name: StaticString) {
        beginKey()
        buffer.append(UInt8(ascii: "\""))
        buffer.append(name.utf8Start, count: name.utf8CodeUnitCount)
        buffer.append(UInt8(ascii: "\""))
        endKey()
    }

    @inline(__always) private mutating func beginKey() {
        if !first { separator() }
        if pretty { newline() }
        first = false
    }

    @inline(__always) private mutating func endKey() {
        if pretty {
            buffer.append(0x20)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(0x20)
        } else {
            buffer.append(UInt8(ascii: ":"))
            if python { buffer.append(0x20) }
        }
    }

    private mutating func newline() {
        buffer.append(0x0A)
        for _ in 0..<(2 * depth) { buffer.append(0x20) }
    }

    mutating func string(_ text: String) {
        if python { return asciiString(text) }
        buffer.append(UInt8(ascii: "\""))
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(UInt8(ascii: "\""))
            first = false
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: buffer.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: buffer.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                buffer.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)],
                ])
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
        first = false
    }

    /// A string as Python's `json.dumps` writes it: everything outside printable ASCII escaped, by UTF-16 unit.
    private mutating func asciiString(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        let plain = text.utf8.allSatisfy {
            $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\")
        }
        if plain {
            buffer.append(contentsOf: text.utf8)
        } else {
            let hex = Array("0123456789abcdef".utf8)
            for unit in text.utf16 {
                switch unit {
                case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
                case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: buffer.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: buffer.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x20..<0x7F: buffer.append(UInt8(unit))
                default:
                    buffer.append(contentsOf: [
                        0x5C, UInt8(ascii: "u"), hex[Int(unit >> 12)], hex[Int(unit >> 8 & 15)],
                        hex[Int(unit >> 4 & 15)],
                        hex[Int(unit & 15)],
                    ])
                }
            }
        }
        buffer.append(UInt8(ascii: "\""))
        first = false
    }

    /// A parsed value, as `JSONValue.serialized` spells it.
    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let text):
            buffer.append(contentsOf: text.utf8)
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
                key(text: member.key)
                self.value(member.value)
            }
            closeObject()
        }
    }

    mutating func int(_ value: Int) {
        buffer.append(contentsOf: String(value).utf8)
        first = false
    }

    /// As `JSONEncoder` writes a Double: integral values without ".0", others in Swift's shortest form.
    mutating func double(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else {
            buffer.append(contentsOf: value.description.utf8)
        }
        first = false
    }

    mutating func bool(_ value: Bool) {
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
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
        // "YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00", quotes included, made on the stack and added at once.
        var text: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &text) { raw -> Int in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var rest = value
                for offset in stride(from: start + width - 1, through: start, by: -1) {
                    raw[offset] = UInt8(0x30 + rest % 10)
                    rest /= 10
                }
            }
            raw[0] = UInt8(ascii: "\"")
            put(year, 4, at: 1)
            raw[5] = UInt8(ascii: "-")
            put(month, 2, at: 6)
            raw[8] = UInt8(ascii: "-")
            put(day, 2, at: 9)
            raw[11] = UInt8(ascii: "T")
            put(second / 3600, 2, at: 12)
            raw[14] = UInt8(ascii: ":")
            put(second / 60 % 60, 2, at: 15)
            raw[17] = UInt8(ascii: ":")
            put(second % 60, 2, at: 18)
            var end = 20
            if fraction != 0 {
                raw[20] = UInt8(ascii: ".")
                put(fraction, 6, at: 21)
                end = 27
            }
            for byte in "+00:00\"".utf8 {
                raw[end] = byte
                end += 1
            }
            return end
        }
        withUnsafeBytes(of: &text) { raw in
            if let start = raw.baseAddress { buffer.append(start, count: count) }
        }
        first = false
    }
}
