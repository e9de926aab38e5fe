import Foundation

/// ISO-8601 timestamps as Python's `datetime.fromisoformat` reads them and `isoformat()` writes
/// UTC datetimes ("2024-01-04T16:10:16+00:00"), without Calendar or DateFormatter.
public enum ISOTimestamp {
    /// Parses "YYYY-MM-DD[(T| )HH:MM[:SS[.ffffff]]][Z|±HH[:MM[:SS]]|±HHMM]"; naive times are UTC.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    /// `parse(_:)` of UTF-8 bytes, without making a String.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        commonShape(bytes) ?? parseAnyShape(bytes: bytes)
    }

    /// The shape nearly every time comes in, read at fixed places: `YYYY-MM-DDTHH:MM:SS`, then
    /// `.ffffff` or nothing, then `+00:00` or `Z` (how roledeck, py-fsrs and Python write UTC). Nil
    /// for anything else, which `parseAnyShape` reads (and gives the same date for this shape).
    static func commonShape(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        let count = bytes.count
        guard count == 20 || count == 25 || count == 27 || count == 32 else { return nil }
        let zulu = count == 20 || count == 27
        let fractionEnd = zulu ? count - 1 : count - 6
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        if zulu {
            guard bytes[count - 1] == UInt8(ascii: "Z") else { return nil }
        } else {
            guard bytes[count - 6] == UInt8(ascii: "+"), bytes[count - 5] == UInt8(ascii: "0"),
                bytes[count - 4] == UInt8(ascii: "0"), bytes[count - 3] == UInt8(ascii: ":"),
                bytes[count - 2] == UInt8(ascii: "0"), bytes[count - 1] == UInt8(ascii: "0")
            else { return nil }
        }
        guard let base = bytes.baseAddress else { return nil }
        /// The number in `digits` bytes from `start` (all within the checked length); -1 when one is not
        /// a digit.
        @inline(__always) func number(_ start: Int, _ digits: Int) -> Int {
            var value = 0
            var valid = true
            for index in start..<start + digits {
                let digit = Int(base[index]) &- 0x30
                valid = valid && UInt(bitPattern: digit) <= 9
                value = value &* 10 &+ digit
            }
            return valid ? value : -1
        }
        let year = number(0, 4)
        let month = number(5, 2)
        let day = number(8, 2)
        let hour = number(11, 2)
        let minute = number(14, 2)
        let second = number(17, 2)
        guard year >= 0, (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        var micros: Int64 = 0
        if fractionEnd == 26 {
            guard bytes[19] == UInt8(ascii: ".") else { return nil }
            let fraction = number(20, 6)
            guard fraction >= 0 else { return nil }
            micros = Int64(fraction)
        }
        let seconds =
            Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
        return Date(microsecondsSince1970: seconds * 1_000_000 + micros)
    }

    /// `parse(bytes:)` of any shape it takes.
    static func parseAnyShape(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var scanner = Scanner(bytes: bytes)
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2),
            (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        var seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
        var micros: Int64 = 0
        if !scanner.atEnd {
            guard scanner.skipAny(of: "T", "t", " "),
                let hour = scanner.number(digits: 2), (0...23).contains(hour), scanner.skip(":"),
                let minute = scanner.number(digits: 2), (0...59).contains(minute)
            else { return nil }
            var second = 0
            if scanner.skip(":") {
                guard let value = scanner.number(digits: 2), (0...59).contains(value) else { return nil }
                second = value
                if scanner.skipAny(of: ".", ",") {
                    guard let fraction = scanner.fractionMicroseconds() else { return nil }
                    micros = fraction
                }
            }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            if !scanner.atEnd {
                guard let offset = scanner.utcOffsetSeconds() else { return nil }
                seconds -= Int64(offset)
            }
        }
        guard scanner.atEnd else { return nil }
        return Date(microsecondsSince1970: seconds * 1_000_000 + micros)
    }

    /// Formats as Python's `isoformat()` of a UTC datetime; microseconds only when non-zero.
    public static func format(_ date: Date) -> String {
        let micros = date.microsecondsSince1970
        let days = micros.floorDivided(by: Date.microsecondsPerDay)
        let inDay = micros - days * Date.microsecondsPerDay
        let (year, month, day) = civilFromDays(Int(days))
        let secondOfDay = Int(inDay / 1_000_000)
        let fraction = Int(inDay % 1_000_000)
        var text =
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if fraction != 0 { text += "." + pad(fraction, 6) }
        return text + "+00:00"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        var atEnd: Bool { index >= bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, UInt32(bytes[index]) == character.value else { return false }
            index += 1
            return true
        }

        mutating func skipAny(of characters: Unicode.Scalar...) -> Bool {
            guard index < bytes.count, characters.contains(where: { $0.value == UInt32(bytes[index]) }) else {
                return false
            }
            index += 1
            return true
        }

        mutating func number(digits count: Int) -> Int? {
            guard bytes.count - index >= count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        /// One or more digits after the decimal point, truncated to microseconds.
        mutating func fractionMicroseconds() -> Int64? {
            var value: Int64 = 0
            var count = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if count < 6 { value = value * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 6) { value *= 10 }
            return value
        }

        /// "Z", or ±HH, ±HHMM, ±HH:MM, ±HH:MM:SS; east of UTC is positive.
        mutating func utcOffsetSeconds() -> Int? {
            if skipAny(of: "Z", "z") { return 0 }
            guard index < bytes.count else { return nil }
            let sign: Int
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(digits: 2), hours < 24 else { return nil }
            var minutes = 0
            var seconds = 0
            if !atEnd {
                let colon = skip(":")
                guard let value = number(digits: 2), value < 60 else { return nil }
                minutes = value
                if colon, skip(":") {
                    guard let value = number(digits: 2), value < 60 else { return nil }
                    seconds = value
                }
            }
            return sign * (hours * 3600 + minutes * 60 + seconds)
        }
    }
}
