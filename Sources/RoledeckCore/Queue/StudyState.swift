import Foundation

/// What the daily queue needs to know of a studied card: its memory state and whether it is set aside.
public struct StudyState: Equatable, Sendable {
    public var card: FSRSCard
    /// Suspended cards are left out until unsuspended.
    public var suspended: Bool
    /// Buried cards are left out until this time (the next day's rollover).
    public var buriedUntil: Date?

    public init(card: FSRSCard, suspended: Bool = false, buriedUntil: Date? = nil) {
        self.card = card
        self.suspended = suspended
        self.buriedUntil = buriedUntil
    }
}
