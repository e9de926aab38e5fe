import Foundation

/// Intervals in Korean the way Anki's answer buttons show them: `45초`, `10분`, `3시간`, `8일`, `2.3개월`, `1.2년`.
public enum IntervalText {
    /// The interval rounded to its largest unit; months (30 days) and years (365 days) keep one decimal.
    public static func korean(seconds: Double) -> String {
        let seconds = max(0, seconds)
        if seconds < 60 { return "\(Int(seconds.rounded()))초" }
        if seconds < 3600 { return "\(Int((seconds / 60).rounded()))분" }
        if seconds < 86_400 { return "\(Int((seconds / 3600).rounded()))시간" }
        let days = seconds / 86_400
        if days < 30 { return "\(Int(days.rounded()))일" }
        if days < 365 { return "\(oneDecimal(days / 30))개월" }
        return "\(oneDecimal(days / 365))년"
    }

    /// A duration in minutes and seconds for summaries: `42초`, `3분 5초`, `1시간 2분`.
    public static func elapsed(seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        if total < 60 { return "\(total)초" }
        if total < 3600 { return total % 60 == 0 ? "\(total / 60)분" : "\(total / 60)분 \(total % 60)초" }
        let minutes = (total % 3600) / 60
        return minutes == 0 ? "\(total / 3600)시간" : "\(total / 3600)시간 \(minutes)분"
    }

    /// A countdown as a clock shows it: `9:05`, `1:02:03`.
    public static func countdown(seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded(.up))
        let (hours, minutes, rest) = (total / 3600, (total % 3600) / 60, total % 60)
        let tail = (rest < 10 ? "0" : "") + "\(rest)"
        guard hours > 0 else { return "\(minutes):\(tail)" }
        return "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes):\(tail)"
    }

    /// The time of day `date` falls at in `timeZone`, 24-hour: `14:05`.
    public static func timeOfDay(_ date: Date, in timeZone: TimeZone) -> String {
        let local = date.microsecondsSince1970 / 1_000_000 + Int64(timeZone.secondsFromGMT(for: date))
        let minutes = Int((local % 86_400 + 86_400) % 86_400) / 60
        return "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
