/// How much a day holds: Anki's defaults are 20 new cards and 200 reviews.
public struct QueueLimits: Equatable, Sendable, Codable {
    public var newPerDay: Int
    public var reviewsPerDay: Int
    /// How far ahead intraday learning cards are shown when nothing else is left, in seconds.
    public var learnAheadSeconds: Double

    public init(newPerDay: Int = 20, reviewsPerDay: Int = 200, learnAheadSeconds: Double = 20 * 60) {
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.learnAheadSeconds = learnAheadSeconds
    }
}

/// What was already studied today, which the limits count.
public struct StudiedToday: Equatable, Sendable {
    public var newCards: Int
    public var reviews: Int

    public init(newCards: Int = 0, reviews: Int = 0) {
        self.newCards = newCards
        self.reviews = reviews
    }
}
