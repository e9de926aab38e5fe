import Foundation

extension DayConvention {
    /// The instant study day `day` (a `dayNumber`) begins: its rollover hour, local time.
    public func start(ofDay day: Int) -> Date {
        switch self {
        case .pyFSRS:
            return Date(timeIntervalSince1970: Double(day) * 86_400)
        case .anki(let rolloverHour, let timeZone):
            let local = Double(day) * 86_400 + Double(rolloverHour) * 3600
            // The offset at the guess, then at the instant it gives (they differ across a DST change).
            var guess = Date(timeIntervalSince1970: local)
            for _ in 0..<2 {
                guess = Date(timeIntervalSince1970: local - Double(timeZone.secondsFromGMT(for: guess)))
            }
            // A local time a DST gap skips: the first whole minute that belongs to the day.
            while dayNumber(of: guess) < day { guess = guess.addingTimeInterval(60) }
            return guess
        }
    }
}
