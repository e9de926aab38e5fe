import Foundation
import RoledeckCore

/// The `--now` option and the `ROLEDECK_NOW` variable: the instant every command takes as "now".
///
/// The clock is frozen at that instant for the whole run, so a demo or a test sees the same
/// day, the same due cards and the same intervals every time; without it the system clock runs.
public enum ClockOption {
    /// Why a `--now` value was refused.
    public struct InvalidValue: Error, Equatable, LocalizedError {
        /// Where the value came from: "--now" or "ROLEDECK_NOW".
        public var source: String
        /// The value as given.
        public var value: String
        /// True when the value is a time, but outside the years 1 to 9999 the progress files can hold.
        public var outOfRange: Bool

        /// Creates the error for `value` from `source`.
        public init(source: String, value: String, outOfRange: Bool = false) {
            self.source = source
            self.value = value
            self.outOfRange = outOfRange
        }

        public var errorDescription: String? {
            if outOfRange {
                return "\(source) \"\(value)\": roledeck이 저장할 수 있는 1년–9999년(UTC) 밖의 시각입니다."
            }
            return "\(source) \"\(value)\": ISO-8601 시각이 아닙니다. 2026-12-01T09:00 (현지 시각), "
                + "2026-12-01T09:00:00+09:00, 2026-12-01T00:00:00Z, 또는 2026-12-01 같은 날짜만 (정오) 쓰세요."
        }
    }

    /// The instant for `--now` (or, when absent, `ROLEDECK_NOW` in `environment`); nil means the system clock.
    public static func resolve(
        option: String?, environment: [String: String], timeZone: TimeZone
    ) throws(InvalidValue) -> Date? {
        let source: String
        let text: String
        if let option {
            (source, text) = ("--now", option)
        } else if let value = environment["ROLEDECK_NOW"], !value.trimmingCharacters(in: .whitespaces).isEmpty {
            (source, text) = ("ROLEDECK_NOW", value)
        } else {
            return nil
        }
        guard let date = parse(text.trimmingCharacters(in: .whitespaces), timeZone: timeZone) else {
            throw InvalidValue(source: source, value: text)
        }
        guard ProgressLimits.contains(date) else { throw InvalidValue(source: source, value: text, outOfRange: true) }
        return date
    }

    /// An ISO-8601 time; without a UTC offset it is local time in `timeZone`, and a date alone is noon
    /// there (noon, so the day is the same whatever the rollover hour).
    public static func parse(_ text: String, timeZone: TimeZone) -> Date? {
        let dateOnly = text.utf8.count == 10
        guard let naive = ISOTimestamp.parse(dateOnly ? text + "T12:00" : text) else { return nil }
        if hasOffset(text) { return naive }
        // The wall-clock time in `timeZone`: shift by the offset in force at that time.
        let guess = naive.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: naive)))
        return naive.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    private static func hasOffset(_ text: String) -> Bool {
        guard let timeStart = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) else { return false }
        return text[timeStart...].contains { $0 == "Z" || $0 == "z" || $0 == "+" || $0 == "-" }
    }
}
