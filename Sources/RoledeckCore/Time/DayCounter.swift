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
    private var offsets: [Int64: Int64] = [:]

    /// A counter for `convention`.
    public init(_ convention: DayConvention) {
        self.convention = convention
    }

    /// The day holding `date`, equal to `convention.dayNumber(of: date)`.
    public mutating func dayNumber(of date: Date) -> Int {
        guard case .anki(let rolloverHour, let timeZone) = convention else { return convention.dayNumber(of: date) }
        let micros = date.microsecondsSince1970
        let quarter = micros.floorDivided(by: 900_000_000)
        let offset: Int64
        if let known = offsets[quarter] {
            offset = known
        } else {
            offset = Int64(timeZone.secondsFromGMT(for: date))
            offsets[quarter] = offset
        }
        let local = micros + (offset - Int64(rolloverHour) * 3600) * 1_000_000
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
