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
    /// The last day a time was written on, and its date: times come in runs on the same day.
    private var lastDay: (days: Int64, year: Int, month: Int, day: Int) = (.min, 0, 0, 0)

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
        buffer.reserve(4)
        for byte in "null".utf8 { buffer.appendReserved(byte) }
        first = false
    }

    /// A number as Python writes a float (`60.0`, `1e-05`); null when it is not finite, as the oracle writes it.
    mutating func pythonDouble(_ value: Double?) {
        guard let value, value.isFinite else { return null() }
        // A whole number below 1e16 is its integer and ".0" in Python (Swift's own spelling turns to
        // exponent form above 2^53 already); written directly, it also skips the shortest-digits search.
        if value == value.rounded(.towardZero), abs(value) < 1e16, value != 0 || value.sign == .plus {
            buffer.appendDecimal(Int(value))
            buffer.reserve(2)
            buffer.appendReserved(UInt8(ascii: "."))
            buffer.appendReserved(UInt8(ascii: "0"))
        } else {
            shortest(value)
        }
        first = false
    }

    /// The shortest digits that read back as `value`, as `description` spells them (and Python's repr, for
    /// the values `pythonDouble` leaves to it), written straight into the buffer: `description` would
    /// make a String of them first.
    private mutating func shortest(_ value: Double) {
        var sink = ByteSink(buffer: buffer)
        value.write(to: &sink)
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

    /// Lends the bytes written so far, without copying them.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try buffer.withUnsafeBytes(body)
    }

    /// Forgets everything written, keeping the room: the writer starts a new document.
    mutating func reset() {
        buffer.removeAll()
        depth = 0
        first = true
    }

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

    /// Text fixed in the program, as it is: punctuation and keys of a layout that never varies (a
    /// replay result), written in one piece instead of a call per comma, key and colon.
    @inline(__always) mutating func fragment(_ text: StaticString) {
        buffer.append(text.utf8Start, count: text.utf8CodeUnitCount)
        first = false
    }

    /// A string fixed in the program, plain ASCII without quotes, backslashes or control characters.
    mutating func plainString(_ text: StaticString) {
        buffer.reserve(2)
        buffer.appendReserved(UInt8(ascii: "\""))
        buffer.append(text.utf8Start, count: text.utf8CodeUnitCount)
        buffer.append(UInt8(ascii: "\""))
        first = false
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
        // Most numbers written are below 100 (indexes, ratings, states, steps): two digits at most.
        if UInt(bitPattern: value) < 10 {
            buffer.append(0x30 + UInt8(truncatingIfNeeded: value))
        } else if UInt(bitPattern: value) < 100 {
            buffer.reserve(2)
            buffer.appendReservedPair(value)
        } else {
            buffer.appendDecimal(value)
        }
        first = false
    }

    /// As `JSONEncoder` writes a Double: integral values without ".0", others in Swift's shortest form.
    mutating func double(_ value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            int(Int(value))
        } else {
            shortest(value)
        }
        first = false
    }

    mutating func bool(_ value: Bool) {
        buffer.append(contentsOf: (value ? "true" : "false").utf8)
        first = false
    }

    /// A time as `ISOTimestamp.format` spells it, written in place two digits at a time.
    mutating func date(_ value: Date) {
        let micros = value.microsecondsSince1970
        let days = micros.floorDivided(by: Date.microsecondsPerDay)
        let inDay = Int(micros - days * Date.microsecondsPerDay)
        if lastDay.days != days {
            let (year, month, day) = ISOTimestamp.civilFromDays(Int(days))
            lastDay = (days, year, month, day)
        }
        let (year, month, day) = (lastDay.year, lastDay.month, lastDay.day)
        guard (0...9999).contains(year) else {
            string(ISOTimestamp.format(value))
            return
        }
        let second = inDay / 1_000_000
        let fraction = inDay % 1_000_000
        // "YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00", quotes included.
        buffer.reserve(34)
        buffer.appendReserved(UInt8(ascii: "\""))
        buffer.appendReservedPair(year / 100)
        buffer.appendReservedPair(year % 100)
        buffer.appendReserved(UInt8(ascii: "-"))
        buffer.appendReservedPair(month)
        buffer.appendReserved(UInt8(ascii: "-"))
        buffer.appendReservedPair(day)
        buffer.appendReserved(UInt8(ascii: "T"))
        buffer.appendReservedPair(second / 3600)
        buffer.appendReserved(UInt8(ascii: ":"))
        buffer.appendReservedPair(second / 60 % 60)
        buffer.appendReserved(UInt8(ascii: ":"))
        buffer.appendReservedPair(second % 60)
        if fraction != 0 {
            buffer.appendReserved(UInt8(ascii: "."))
            buffer.appendReservedPair(fraction / 10_000)
            buffer.appendReservedPair(fraction / 100 % 100)
            buffer.appendReservedPair(fraction % 100)
        }
        for byte in "+00:00\"".utf8 { buffer.appendReserved(byte) }
        first = false
    }

    /// A number of seconds as Python writes the float: `pythonDouble`, but for a time span of whole
    /// microseconds (a difference of two times) its decimal is written without a digit search.
    ///
    /// `micros / 1e6` is the double nearest the decimal `micros / 10^6`; below 2^32 seconds two such
    /// decimals are further apart than the double's spacing, so no shorter decimal rounds to the same
    /// double and Python's shortest repr is that decimal, trailing zeros dropped.
    mutating func pythonSeconds(_ value: Double?) {
        guard let value, value.isFinite, abs(value) >= 1e-4, abs(value) < 4_294_967_296 else {
            return pythonDouble(value)
        }
        let micros = (value * 1_000_000).rounded()
        guard Double(Int64(micros)) / 1_000_000 == value else { return pythonDouble(value) }
        let whole = Int64(micros)
        let magnitude = whole.magnitude
        if whole < 0 { buffer.append(UInt8(ascii: "-")) }
        buffer.appendDecimal(Int(magnitude / 1_000_000))
        var fraction = Int(magnitude % 1_000_000)
        var digits = 6
        while digits > 1, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        buffer.reserve(8)
        buffer.appendReserved(UInt8(ascii: "."))
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            buffer.appendReserved(0x30 + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
        first = false
    }
}
