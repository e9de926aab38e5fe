import Foundation
import RoledeckCore

/// The `--tz` and `--rollover` options: how days are counted in an Anki review history, whose file
/// says nothing about the learner's time zone or when their study day began.
public enum DayOptions {
    /// Why an option value was refused.
    public struct InvalidValue: Error, Equatable, LocalizedError {
        /// The option: "--tz" or "--rollover".
        public var option: String
        /// The value as given.
        public var value: String

        public init(option: String, value: String) {
            self.option = option
            self.value = value
        }

        public var errorDescription: String? {
            switch option {
            case "--rollover":
                "--rollover \"\(value)\": 0부터 23까지의 시(학습일이 시작되는 시각, Anki의 기본값 4)여야 합니다."
            default:
                "--tz \"\(value)\": -6, +09:00, UTC-6 같은 -12부터 +14까지의 UTC 오프셋이나 "
                    + "Asia/Seoul 같은 시간대 이름이어야 합니다."
            }
        }
    }

    /// The time zone `text` names: a fixed offset (`-6`, `+5:30`, `-0600`, `UTC+9`, `UTC`) or a zone name.
    public static func timeZone(_ text: String) throws(InvalidValue) -> TimeZone {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InvalidValue(option: "--tz", value: text) }
        var rest = Substring(trimmed)
        if ["UTC", "GMT"].contains(rest.prefix(3).uppercased()) { rest = rest.dropFirst(3) }
        let isOffset = rest.isEmpty || rest.first == "+" || rest.first == "-" || rest.first?.isNumber == true
        guard isOffset else {
            guard let zone = TimeZone(identifier: trimmed) else { throw InvalidValue(option: "--tz", value: text) }
            return zone
        }
        let sign = rest.first == "-" ? -1 : 1
        let signed = rest.first == "-" || rest.first == "+"
        if signed { rest = rest.dropFirst() }
        let hours: Substring
        let minutes: Substring
        if let colon = rest.firstIndex(of: ":") {
            (hours, minutes) = (rest[..<colon], rest[rest.index(after: colon)...])
        } else if rest.count == 4 {
            (hours, minutes) = (rest.prefix(2), rest.suffix(2))
        } else {
            (hours, minutes) = (rest, "0")
        }
        let digits = { (part: Substring) in
            !part.isEmpty && part.count <= 2 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
        }
        guard (rest.isEmpty && !signed) || (digits(hours) && digits(minutes)) else {
            throw InvalidValue(option: "--tz", value: text)
        }
        let seconds = sign * ((Int(hours) ?? 0) * 3600 + (Int(minutes) ?? 0) * 60)
        guard [0, 30, 45].contains(Int(minutes) ?? 0), (-12 * 3600)...(14 * 3600) ~= seconds,
            let zone = TimeZone(secondsFromGMT: seconds)
        else { throw InvalidValue(option: "--tz", value: text) }
        return zone
    }

    /// The rollover hour `text` gives, 0…23.
    public static func rolloverHour(_ text: String) throws(InvalidValue) -> Int {
        guard let hour = Int(text.trimmingCharacters(in: .whitespaces)), (0...23).contains(hour) else {
            throw InvalidValue(option: "--rollover", value: text)
        }
        return hour
    }

    /// How the zone is shown: `UTC-06:00` for a fixed offset, else its name.
    public static func describe(_ zone: TimeZone) -> String {
        let seconds = zone.secondsFromGMT()
        guard TimeZone(secondsFromGMT: seconds)?.identifier == zone.identifier else { return zone.identifier }
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return String(format: "UTC%@%02d:%02d", sign, minutes / 60, minutes % 60)
    }
}
