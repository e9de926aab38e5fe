import Foundation

/// `DayConvention.dayNumber(of:)` with the time zone's offset remembered per quarter hour.
///
/// Asking the time zone for its offset costs about a microsecond; a million log lines and a
/// hundred thousand cards ask it millions of times, nearly always for the same few hours.
/// Offsets only change on quarter-hour boundaries in every zone in use, so caching per quarter
/// hour gives exactly the convention's day numbers.
public struct DayCounter: Sendable {
    /// The convention the numbers follow.
    public let convention: DayConvention
    private var offsets = QuarterOffsets()

    /// The convention's zone and rollover, taken out once: a zone is a class, and taking it out of
    /// the enum on every call retains it.
    private let timeZone: TimeZone?
    private let rolloverMicros: Int64

    /// A counter for `convention`.
    public init(_ convention: DayConvention) {
        self.convention = convention
        if case .anki(let rolloverHour, let timeZone) = convention {
            self.timeZone = timeZone
            rolloverMicros = Int64(rolloverHour) * 3_600_000_000
        } else {
            timeZone = nil
            rolloverMicros = 0
        }
    }

    /// The day holding `date`, equal to `convention.dayNumber(of: date)`.
    public mutating func dayNumber(of date: Date) -> Int {
        guard timeZone != nil else { return convention.dayNumber(of: date) }
        let micros = date.microsecondsSince1970
        let quarter = micros.floorDivided(by: 900_000_000)
        let offset: Int64
        if let known = offsets[quarter] {
            offset = known
        } else {
            offset = Int64(timeZone?.secondsFromGMT(for: date) ?? 0)
            offsets.remember(offset, forQuarter: quarter)
        }
        let local = micros + offset * 1_000_000 - rolloverMicros
        return Int(local.floorDivided(by: Date.microsecondsPerDay))
    }

    /// The calendar date (year, month, day) a day number stands for: the local date the day starts on.
    public static func date(ofDay day: Int) -> (year: Int, month: Int, day: Int) {
        ISOTimestamp.civilFromDays(day)
    }

    /// "YYYY-MM-DD" for a day number.
    public static func label(ofDay day: Int) -> String {
        let (year, month, date) = date(ofDay: day)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(date))"
    }

    /// The day number of a "YYYY-MM-DD" label; nil when it is no date of the years 1 to 9999.
    public static func day(ofLabel label: String) -> Int? {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2]),
            (1...9999).contains(year), (1...12).contains(month), (1...31).contains(date)
        else { return nil }
        let day = ISOTimestamp.daysFromCivil(year: year, month: month, day: date)
        return Self.date(ofDay: day) == (year, month, date) ? day : nil
    }

    /// The weekday of a day number, Monday 0 … Sunday 6 (day 0, 1970-01-01, was a Thursday).
    public static func weekday(ofDay day: Int) -> Int {
        ((day + 3) % 7 + 7) % 7
    }
}

/// The offsets found so far, by quarter hour: an open-addressed table of integer keys, because a
/// `Dictionary` hashes each key with SipHash, and a queue of 100,000 cards asks twice per card.
struct QuarterOffsets: Sendable {
    private struct Slot: Sendable {
        var quarter: Int64
        var offset: Int64
    }

    /// The key of an empty slot; no date of the years 1 to 9999 is in that quarter hour, and one that
    /// is (an absurd time) is simply not remembered.
    private static let empty = Int64.min
    private var slots = [Slot](repeating: Slot(quarter: empty, offset: 0), count: 64)
    private var count = 0

    /// The offset remembered for `quarter`, if any.
    subscript(quarter: Int64) -> Int64? {
        let mask = slots.count - 1
        var index = Self.start(quarter, mask: mask)
        while slots[index].quarter != Self.empty {
            if slots[index].quarter == quarter { return slots[index].offset }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Remembers `offset` for `quarter` (which has none yet).
    mutating func remember(_ offset: Int64, forQuarter quarter: Int64) {
        guard quarter != Self.empty else { return }
        if (count + 1) * 2 > slots.count { grow() }
        insert(Slot(quarter: quarter, offset: offset))
        count += 1
    }

    private mutating func insert(_ slot: Slot) {
        let mask = slots.count - 1
        var index = Self.start(slot.quarter, mask: mask)
        while slots[index].quarter != Self.empty { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(quarter: Self.empty, offset: 0), count: old.count * 2)
        for slot in old where slot.quarter != Self.empty { insert(slot) }
    }

    /// Fibonacci hashing: nearby quarters land far apart.
    private static func start(_ quarter: Int64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: quarter) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
