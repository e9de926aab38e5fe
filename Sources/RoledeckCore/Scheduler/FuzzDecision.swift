/// How fuzz was (or was not) applied to a review interval.
public struct FuzzDecision: Equatable, Hashable, Codable, Sendable {
    /// Whether the scheduler has fuzzing enabled.
    public let enabled: Bool
    /// Whether fuzz was applied: enabled and the interval is at least 2.5 days.
    public let applies: Bool
    /// The interval in days before fuzz.
    public let unfuzzedDays: Int
    /// Lower fuzz bound in days; equal to `unfuzzedDays` when fuzz does not apply.
    public let minDays: Int
    /// Upper fuzz bound in days; equal to `unfuzzedDays` when fuzz does not apply.
    public let maxDays: Int
    /// The interval actually scheduled, in days.
    public let days: Int

    /// Creates a fuzz record.
    public init(
        enabled: Bool, applies: Bool, unfuzzedDays: Int, minDays: Int, maxDays: Int, days: Int
    ) {
        self.enabled = enabled
        self.applies = applies
        self.unfuzzedDays = unfuzzedDays
        self.minDays = minDays
        self.maxDays = maxDays
        self.days = days
    }
}
