import Foundation
import RoledeckCore

/// Times as a learner reads them: in the time zone study days are counted in.
enum LocalTime {
    /// The time zone of `days` (UTC for py-fsrs's days).
    static func zone(of days: DayConvention) -> TimeZone {
        switch days {
        case .anki(_, let timeZone): timeZone
        case .pyFSRS: TimeZone(secondsFromGMT: 0) ?? .current
        }
    }

    /// `2026-12-01 09:05`.
    static func stamp(_ date: Date, in zone: TimeZone) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let day = Int((Double(local) / 86_400).rounded(.down))
        let seconds = local - day * 86_400
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return DayCounter.label(ofDay: day) + " \(pad(seconds / 3600)):\(pad(seconds % 3600 / 60))"
    }

    /// When a card is due, as seen from `now`: `오늘 09:10`, `내일`, `12-04 (3일 뒤)`, `11-28 (3일 지남)`.
    static func due(_ date: Date, now: Date, days: DayConvention) -> String {
        let zone = zone(of: days)
        let offset = days.dayNumber(of: date) - days.dayNumber(of: now)
        let stamp = stamp(date, in: zone)
        let monthDay = String(stamp.dropFirst(5).prefix(5))
        switch offset {
        case 0: return date <= now ? "지금" : "오늘 " + String(stamp.suffix(5))
        case 1: return "내일 (\(monthDay))"
        case 2...: return "\(monthDay) (\(offset)일 뒤)"
        default: return "\(monthDay) (\(-offset)일 지남)"
        }
    }
}
