/// The days a review interval may be fuzzed to: Anki's and py-fsrs's ranges.
public struct FuzzRange: Equatable, Hashable, Codable, Sendable {
    /// Shortest allowed interval in days.
    public let minDays: Int
    /// Longest allowed interval in days.
    public let maxDays: Int

    /// Creates a range from explicit bounds.
    public init(minDays: Int, maxDays: Int) {
        self.minDays = minDays
        self.maxDays = maxDays
    }

    /// Intervals shorter than this many days are never fuzzed.
    public static let minimumFuzzedInterval = 2.5

    private static let bands: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, .infinity, 0.05),
    ]

    /// The fuzz range of an `intervalDays`-day interval capped at `maximumInterval` days.
    public init(intervalDays: Int, maximumInterval: Int) {
        var delta = 1.0
        for band in Self.bands {
            delta += band.factor * max(min(Double(intervalDays), band.end) - band.start, 0.0)
        }
        var lower = Self.roundHalfEven(Double(intervalDays) - delta)
        var upper = Self.roundHalfEven(Double(intervalDays) + delta)
        lower = max(2, lower)
        upper = min(upper, maximumInterval)
        lower = min(lower, upper)
        self.init(minDays: lower, maxDays: upper)
    }

    /// Whether an interval of `intervalDays` days gets fuzz at all (py-fsrs: >= 2.5 days).
    public static func applies(toIntervalDays intervalDays: Int) -> Bool {
        Double(intervalDays) >= minimumFuzzedInterval
    }

    /// Draws a day count uniformly from the range, Anki's way: floor(min + u * (max - min + 1)).
    public func draw(using rng: inout some RandomNumberGenerator) -> Int {
        days(forDraw: rng.next())
    }

    /// The day count a 64-bit random draw picks: its top 53 bits are u in [0, 1).
    public func days(forDraw draw: UInt64) -> Int {
        let unit = Double(draw >> 11) * 0x1p-53
        let span = Double(maxDays - minDays + 1)
        return min(minDays + Int((unit * span).rounded(.down)), maxDays)
    }

    static func roundHalfEven(_ value: Double) -> Int {
        Int(value.rounded(.toNearestOrEven))
    }
}
