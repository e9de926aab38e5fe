import Foundation

/// The learner's settings, kept in `Progress/settings.json`; every key is optional and defaults as in Anki.
public struct StudySettings: Equatable, Sendable {
    public var parameters: SchedulerParameters
    public var limits: QueueLimits
    /// The hour (0–23, local time) at which a new study day begins.
    public var rolloverHour: Int
    /// The time zone days are counted in; nil means the system's, read at the edge.
    public var timeZone: TimeZone?
    /// Whether answering a card buries its siblings (same role and fact) until the next day.
    public var burySiblings: Bool
    /// After this many lapses a card is a leech.
    public var leechThreshold: Int
    public var leechAction: LeechAction
    /// The weights `roledeck optimize` replaced last (`previousParameters`), kept so they can be restored.
    public var previousWeights: [Double]?
    /// When `cards.json` is written during a session, besides its end.
    public var checkpoint: CheckpointPolicy
    /// Cards added to the daily limits for one study day (`more 10`), as Anki's custom study does.
    public var extra: ExtraLimits?

    /// New cards and reviews added to the limits of one study day.
    public struct ExtraLimits: Equatable, Sendable {
        /// The study day (a day number of `days(systemTimeZone:)`).
        public var day: Int
        public var newCards: Int
        public var reviews: Int

        public init(day: Int, newCards: Int, reviews: Int) {
            self.day = day
            self.newCards = newCards
            self.reviews = reviews
        }
    }

    /// The limits of study day `day`: the settings' own, with what `more` added for that day.
    public func limits(onDay day: Int) -> QueueLimits {
        guard let extra, extra.day == day else { return limits }
        var result = limits
        result.newPerDay += extra.newCards
        result.reviewsPerDay += extra.reviews
        return result
    }

    /// What happens to a leech.
    public enum LeechAction: String, Sendable, CaseIterable {
        /// Marked and announced.
        case tag
        /// Marked, announced and suspended.
        case suspend
    }

    public init(
        parameters: SchedulerParameters = .default, limits: QueueLimits = QueueLimits(), rolloverHour: Int = 4,
        timeZone: TimeZone? = nil, burySiblings: Bool = false, leechThreshold: Int = 8,
        leechAction: LeechAction = .tag, previousWeights: [Double]? = nil,
        checkpoint: CheckpointPolicy = CheckpointPolicy()
    ) {
        self.parameters = parameters
        self.limits = limits
        self.rolloverHour = rolloverHour
        self.timeZone = timeZone
        self.burySiblings = burySiblings
        self.leechThreshold = leechThreshold
        self.leechAction = leechAction
        self.previousWeights = previousWeights
        self.checkpoint = checkpoint
    }

    /// Leeches are flagged at the threshold and again every half threshold after it, as in Anki:
    /// true when a card that lapsed for the `lapses`-th time is flagged now.
    public func isLeechLapse(_ lapses: Int) -> Bool {
        guard lapses >= leechThreshold else { return false }
        return (lapses - leechThreshold) % max(1, leechThreshold / 2) == 0
    }

    /// The settings file format version this build writes.
    public static let currentSchemaVersion = 1

    /// The day convention for the study app: Anki's calendar days from the rollover hour.
    public func days(systemTimeZone: TimeZone) -> DayConvention {
        .anki(rolloverHour: rolloverHour, timeZone: timeZone ?? systemTimeZone)
    }
}
