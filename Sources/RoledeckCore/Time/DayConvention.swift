import Foundation

/// How whole days elapsed between two reviews are counted.
///
/// The memory model only ever sees whole days, so the convention decides both the
/// retrievability used at a review and whether the same-day formula applies (elapsed < 1).
public enum DayConvention: Sendable, Hashable {
    /// py-fsrs: floor(elapsed seconds / 86,400). Used by the reference vectors.
    case pyFSRS
    /// Anki: difference of calendar-day numbers, where a day starts at `rolloverHour` (0...23)
    /// local time in `timeZone`. A review at 23:00 and one at 05:00 the next morning with a
    /// 04:00 rollover are one day apart; so are the two ends of a learning step that crosses
    /// the rollover.
    case anki(rolloverHour: Int, timeZone: TimeZone)

    /// Anki's default: days start at 04:00 in `timeZone`.
    public static func anki(timeZone: TimeZone) -> DayConvention {
        .anki(rolloverHour: 4, timeZone: timeZone)
    }

    /// The time zone days are counted in (UTC for `.pyFSRS`).
    public var timeZone: TimeZone {
        switch self {
        case .pyFSRS: TimeZone(secondsFromGMT: 0) ?? .current
        case .anki(_, let timeZone): timeZone
        }
    }

    /// Whole days from `start` to `end` under this convention (negative if `end` is earlier).
    public func elapsedDays(from start: Date, to end: Date) -> Int {
        switch self {
        case .pyFSRS:
            let micros = end.microsecondsSince1970 - start.microsecondsSince1970
            return Int(micros.floorDivided(by: Date.microsecondsPerDay))
        case .anki:
            return dayNumber(of: end) - dayNumber(of: start)
        }
    }

    /// The number of the day containing `date`: days since 1970-01-01 in UTC for `.pyFSRS`,
    /// local calendar days shifted by the rollover hour for `.anki`.
    public func dayNumber(of date: Date) -> Int {
        switch self {
        case .pyFSRS:
            return Int(date.microsecondsSince1970.floorDivided(by: Date.microsecondsPerDay))
        case .anki(let rolloverHour, let timeZone):
            let offset = Int64(timeZone.secondsFromGMT(for: date))
            let local = date.microsecondsSince1970 + (offset - Int64(rolloverHour) * 3600) * 1_000_000
            return Int(local.floorDivided(by: Date.microsecondsPerDay))
        }
    }
}
