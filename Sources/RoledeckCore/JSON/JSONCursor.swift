import Foundation

/// A forward-only reader over JSON bytes for the progress files' own shapes, many times faster than
/// `JSONDecoder`. It only recognises well-formed input: on anything unexpected it gives up
/// (`JSONCursor.Mismatch`), and the caller decodes the same bytes again with `JSONDecoder`, whose
/// error names the line, column and field. So speed never costs the quality of an error.
struct JSONCursor {
    /// The input did not have the expected shape; decode it with `JSONDecoder` for the reason.
    struct Mismatch: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        index = 0
    }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return index >= bytes.count
        }
    }

    mutating func skipSpace() {
        // Pretty-printed files indent every line: eight spaces at a time first.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count
                && raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) == 0x2020_2020_2020_2020
            {
                index += 8
            }
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after spaces) or fails.
    mutating func expect(_ byte: UInt8) throws(Mismatch) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { throw Mismatch() }
        index += 1
    }

    /// Consumes `byte` (after spaces) if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Walks an object: `body` is called with each key and must consume its value.
    mutating func object(_ body: (inout JSONCursor, Key) throws(Mismatch) -> Void) throws(Mismatch) {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            let range = try stringBytes()
            // A key no reader knows is skipped, but it must still be a string JSONDecoder would read:
            // an escape or a byte past ASCII is checked (keys are almost always plain ASCII).
            if bytes[range].contains(where: { $0 >= 0x80 || $0 == 0x5C }) { _ = try text(of: range) }
            let key = Key(bytes: UnsafeBufferPointer(rebasing: bytes[range]))
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// Consumes `"name":` if it comes next, exactly so (no spaces, no escapes): how the store's own
    /// writer puts a key, which a reader that expects that layout checks in one comparison.
    mutating func takeKey(_ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard bytes.count - index >= count + 3, bytes[index] == UInt8(ascii: "\""),
            bytes[index + count + 1] == UInt8(ascii: "\""), bytes[index + count + 2] == UInt8(ascii: ":")
        else { return false }
        let other = name.utf8Start
        for offset in 0..<count where bytes[index + 1 + offset] != other[offset] { return false }
        index += count + 3
        return true
    }

    /// Consumes `byte` if it comes next (no spaces before it).
    mutating func takeExactly(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Walks an array: `body` is called once per element and must consume it.
    mutating func array(_ body: (inout JSONCursor) throws(Mismatch) -> Void) throws(Mismatch) {
        try expect(UInt8(ascii: "["))
        if take(UInt8(ascii: "]")) { return }
        repeat { try body(&self) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// An object key, compared by its bytes: no String is made for the keys of every line.
    struct Key {
        let bytes: UnsafeBufferPointer<UInt8>

        /// True when the key is exactly `name` (keys with escapes never match, and go the slow way).
        func `is`(_ name: StaticString) -> Bool {
            guard bytes.count == name.utf8CodeUnitCount, let base = bytes.baseAddress else {
                return bytes.isEmpty && name.utf8CodeUnitCount == 0
            }
            // Keys are short: compared here, without a call into libc for each name tried.
            let other = name.utf8Start
            for offset in 0..<bytes.count where base[offset] != other[offset] { return false }
            return true
        }

        /// The key as text, for keys that are data (card ids).
        func text() throws(Mismatch) -> String {
            guard !bytes.contains(UInt8(ascii: "\\")) else { throw Mismatch() }
            return try JSONCursor.text(bytes)
        }
    }

    /// A string; escapes other than the plain ones send the input to the slow path.
    mutating func string() throws(Mismatch) -> String {
        try text(of: try stringBytes())
    }

    /// The text of a string whose bytes between the quotes are `range` (from `stringBytes`).
    func text(of range: Range<Int>) throws(Mismatch) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard let base = slice.baseAddress, memchr(base, 0x5C, slice.count) != nil else { return try Self.text(slice) }
        return try unescape(slice)
    }

    /// The bytes of the next value, whatever its shape, skipped: for reading it later, or not at all.
    mutating func valueSpan() throws(Mismatch) -> Range<Int> {
        skipSpace()
        let start = index
        try skipValue()
        return start..<index
    }

    /// The bytes between the quotes of the next string, escapes untouched.
    mutating func stringBytes() throws(Mismatch) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = index
        // Eight bytes at a time while none of them is a quote, a backslash or a control character.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special =
                    ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word)
                if special & highs != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<(index - 1)
            }
            if byte == UInt8(ascii: "\\") { index += 1 }
            if byte < 0x20 { throw Mismatch() }
            index += 1
        }
        throw Mismatch()
    }

    /// UTF-8 bytes as text; invalid UTF-8 (or a replacement character, to be safe) goes the slow way.
    static func text(_ slice: UnsafeBufferPointer<UInt8>) throws(Mismatch) -> String {
        // `String(validating:as:)` is generic and looks its encoding up at run time on every call;
        // this is the UTF-8 validation it ends in, without that.
        guard let text = String._tryFromUTF8(slice) else { throw Mismatch() }
        return text
    }

    /// The next string's bytes if it has no escapes, to compare without making a String.
    mutating func plainStringBytes() throws(Mismatch) -> UnsafeBufferPointer<UInt8> {
        let range = try stringBytes()
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard !slice.contains(UInt8(ascii: "\\")) else { throw Mismatch() }
        return slice
    }

    /// The next string, which must be one of `names` (plain ASCII): the index of the one it is.
    mutating func oneOf(_ names: [StaticString]) throws(Mismatch) -> Int {
        let slice = try plainStringBytes()
        guard let base = slice.baseAddress else { throw Mismatch() }
        for (index, name) in names.enumerated()
        where name.utf8CodeUnitCount == slice.count && memcmp(base, name.utf8Start, slice.count) == 0 {
            return index
        }
        throw Mismatch()
    }

    private func unescape(_ slice: UnsafeBufferPointer<UInt8>) throws(Mismatch) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var position = 0
        while position < slice.count {
            let byte = slice[position]
            position += 1
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard position < slice.count else { throw Mismatch() }
            let escaped = slice[position]
            position += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            default: throw Mismatch()  // \u escapes: rare in our files, left to JSONDecoder.
            }
        }
        return try out.withUnsafeBufferPointer { buffer throws(Mismatch) in try Self.text(buffer) }
    }

    /// An integer without fraction or exponent.
    mutating func int() throws(Mismatch) -> Int {
        skipSpace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
            guard !overflow1, !overflow2 else { throw Mismatch() }
            value = sum
            index += 1
        }
        guard index > start, index - start == 1 || bytes[start] != 0x30 else { throw Mismatch() }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
            throw Mismatch()
        }
        return negative ? -value : value
    }

    /// A number, as `JSONDecoder` reads it into a Double.
    mutating func double() throws(Mismatch) -> Double {
        skipSpace()
        let start = index
        if let (value, end) = Self.shortDecimal(bytes, from: start) {
            index = end
            return value
        }
        while index < bytes.count {
            switch bytes[index] {
            case 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"),
                UInt8(ascii: "E"):
                index += 1
            default:
                guard index > start,
                    let value = Double(
                        Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)),
                    value.isFinite
                else { throw Mismatch() }
                return value
            }
        }
        throw Mismatch()
    }

    /// Powers of ten a Double holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    /// A plain decimal (`-12.345`, no exponent) whose digits make an integer a Double holds exactly and
    /// at most 22 of them after the point, and where it ends: that integer divided by a power of ten,
    /// which IEEE division rounds correctly, so the value is bit for bit what `Double(text)` gives.
    /// Nil for anything else (more digits, an exponent, no digits), which `Double(text)` then reads.
    static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Double, Int)? {
        var index = start
        let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = -1
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                // 19 digits cannot overflow a UInt64; more go the slow way.
                guard digits < 19 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(byte &- 0x30)
                digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if byte == UInt8(ascii: "."), fraction < 0, digits > 0 {
                fraction = 0
            } else {
                break
            }
            index += 1
        }
        guard digits > 0, fraction != 0, mantissa <= 1 << 53, fraction <= 22 else { return nil }
        if index < bytes.count {
            switch bytes[index] {
            case 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"),
                UInt8(ascii: "E"):
                return nil
            default: break
            }
        } else {
            // A number at the very end is left to the slow path, which fails there as before.
            return nil
        }
        let magnitude = Double(mantissa) / exactPowersOfTen[max(0, fraction)]
        return (negative ? -magnitude : magnitude, index)
    }

    /// `true` or `false`.
    mutating func bool() throws(Mismatch) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw Mismatch()
    }

    /// Consumes `null` if it is next.
    mutating func null() -> Bool {
        literal("null")
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        skipSpace()
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// An ISO-8601 time as the store writes it ("2026-11-29T04:00:00.123456+00:00"); other
    /// spellings go through `ISOTimestamp.parse`.
    mutating func date() throws(Mismatch) -> Date {
        let range = try stringBytes()
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if let date = Self.storedTimestamp(slice) { return date }
        guard let text = String(validating: slice, as: UTF8.self), let date = ISOTimestamp.parse(text) else {
            throw Mismatch()
        }
        return date
    }

    /// "YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00", the only shape `ISOTimestamp.format` writes.
    static func storedTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Date? {
        let count = text.count
        guard count == 25 || count == 32 else { return nil }
        func digits(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for position in from..<(from + length) {
                let byte = text[position]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), text[10] == UInt8(ascii: "T"),
            text[13] == UInt8(ascii: ":"), text[16] == UInt8(ascii: ":")
        else { return nil }
        var micros = 0
        var zone = 19
        if count == 32 {
            guard text[19] == UInt8(ascii: "."), let fraction = digits(20, 6) else { return nil }
            micros = fraction
            zone = 26
        }
        guard text[zone] == UInt8(ascii: "+"), text[zone + 1] == 0x30, text[zone + 2] == 0x30,
            text[zone + 3] == UInt8(ascii: ":"), text[zone + 4] == 0x30, text[zone + 5] == 0x30,
            let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2), let hour = digits(11, 2),
            let minute = digits(14, 2), let second = digits(17, 2),
            (1...12).contains(month), (1...ISOTimestamp.daysInMonth(year: year, month: month)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Int64(ISOTimestamp.daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(microsecondsSince1970: seconds * 1_000_000 + Int64(micros))
    }

    /// Skips any value (for keys this build does not know).
    mutating func skipValue() throws(Mismatch) {
        skipSpace()
        guard index < bytes.count else { throw Mismatch() }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try object { cursor, _ throws(Mismatch) in try cursor.skipValue() }
        case UInt8(ascii: "["):
            try array { cursor throws(Mismatch) in try cursor.skipValue() }
        case UInt8(ascii: "\""):
            _ = try stringBytes()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            guard null() else { throw Mismatch() }
        default:
            _ = try double()
        }
    }

    // MARK: - Any value

    /// The whole of `bytes` as one JSON value, with a syntax error naming the column and what was wrong.
    static func document(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var cursor = JSONCursor(bytes)
        let value = try cursor.value(depth: 0)
        cursor.skipSpace()
        if cursor.index < bytes.count { throw cursor.failure("JSON 값 뒤에 다른 글이 있음") }
        return value
    }

    private func failure(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(column: index + 1, message: message)
    }

    /// The next value of any shape, keeping key order and number spelling.
    mutating func value(depth: Int = 0) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 512 else { throw failure("너무 깊이 중첩됨") }
        skipSpace()
        guard index < bytes.count else { throw failure("입력이 중간에 끝남") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try anyObject(depth: depth)
        case UInt8(ascii: "["): return try anyArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try anyString())
        case UInt8(ascii: "t"): return try anyLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try anyLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try anyLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try anyNumber()
        default: throw failure("뜻밖의 문자")
        }
    }

    private mutating func anyLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        guard literal(word) else { throw failure("뜻밖의 문자") }
        return value
    }

    private mutating func anyObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members: [JSONValue.Member] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("문자열 키가 있어야 함")
            }
            let key = try anyString()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("':'가 있어야 함") }
            index += 1
            members.append(JSONValue.Member(key, try value(depth: depth + 1)))
            skipSpace()
            guard index < bytes.count else { throw failure("입력이 중간에 끝남") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            } else {
                throw failure("',' 또는 '}'가 있어야 함")
            }
        }
    }

    private mutating func anyArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw failure("입력이 중간에 끝남") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            } else {
                throw failure("',' 또는 ']'가 있어야 함")
            }
        }
    }

    private mutating func anyNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        func digits(_ cursor: inout JSONCursor) -> Int {
            let from = cursor.index
            while cursor.index < cursor.bytes.count, cursor.bytes[cursor.index] >= 0x30,
                cursor.bytes[cursor.index] <= 0x39
            {
                cursor.index += 1
            }
            return cursor.index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw failure("잘못된 수") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw failure("잘못된 수 (앞의 0)")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw failure("잘못된 수") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits(&self) > 0 else { throw failure("잘못된 수") }
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// A string with every escape JSON has (`\u` with surrogate pairs included), as UTF-16 units like Python.
    private mutating func anyString() throws(JSONSyntaxError) -> String {
        index += 1
        var units: [UInt16] = []
        var runStart = index
        func flush(_ cursor: JSONCursor, upTo end: Int, into units: inout [UInt16]) {
            guard end > runStart else { return }
            units.append(
                contentsOf: String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[runStart..<end]), as: UTF8.self)
                    .utf16)
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                flush(self, upTo: index, into: &units)
                index += 1
                return String(decoding: units, as: UTF16.self)
            case UInt8(ascii: "\\"):
                flush(self, upTo: index, into: &units)
                index += 1
                guard index < bytes.count else { throw failure("문자열이 닫히지 않음") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): units.append(0x22)
                case UInt8(ascii: "\\"): units.append(0x5C)
                case UInt8(ascii: "/"): units.append(0x2F)
                case UInt8(ascii: "b"): units.append(0x08)
                case UInt8(ascii: "f"): units.append(0x0C)
                case UInt8(ascii: "n"): units.append(0x0A)
                case UInt8(ascii: "r"): units.append(0x0D)
                case UInt8(ascii: "t"): units.append(0x09)
                case UInt8(ascii: "u"):
                    guard bytes.count - index >= 4,
                        let unit = UInt16(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + 4)]), as: UTF8.self),
                            radix: 16)
                    else { throw failure("잘못된 \\u 이스케이프") }
                    index += 4
                    units.append(unit)
                default:
                    index -= 1
                    throw failure("잘못된 이스케이프")
                }
                runStart = index
            case 0x00..<0x20:
                throw failure("문자열 안의 제어 문자")
            default:
                index += 1
            }
        }
        throw failure("문자열이 닫히지 않음")
    }
}
