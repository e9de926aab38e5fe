import Foundation

/// Every figure `roledeck stats` shows, computed by `Statistics.compute(_:)` and printed elsewhere.
///
/// Encodes to the JSON of `roledeck stats --json`; the keys are documented in `docs/stats.md`
/// and stay stable within a `schemaVersion`. Days are study days (from the rollover hour) and
/// are written as the date the day starts on, `YYYY-MM-DD`.
public struct Statistics: Equatable, Sendable, Encodable {
    /// The version of the JSON shape.
    public static let schemaVersion = 1

    /// The instant the statistics were taken at.
    public var now: Date
    /// Today's study day number (see `DayCounter`).
    public var today: Int
    /// What the figures are narrowed to.
    public var filter: StatsFilter
    /// The retention the scheduler aims at, from the settings.
    public var desiredRetention: Double
    /// Today's work.
    public var day: TodayFigures
    /// Days in a row with reviews.
    public var streak: Streak
    /// Mastery by domain and role; `catalog` combines them.
    public var domains: [DomainMastery]
    /// The weakest roles and cards, weakest first.
    public var focus: Focus
    /// Cards by state.
    public var counts: StateCounts
    /// True retention over windows ending today.
    public var retention: [RetentionWindow]
    /// Cards due on each of the next `forecastDays` days, today first (overdue cards count today).
    public var forecast: [Int]
    /// The first day of `calendar`: the Monday 25 weeks before this week's.
    public var calendarStart: Int
    /// Reviews per day from `calendarStart` to today.
    public var calendar: [Int]
    /// The wrong options chosen most often, most frequent first.
    public var confusions: [Confusion]
    /// Every review in scope, all time (undone ones excluded).
    public var totalReviews: Int
    /// Card ids in the progress files that no deck holds (renamed or removed from the catalog).
    public var unknownCards: Int
    /// Review lines later than `now`, left out (a look back with `--now`).
    public var laterReviews: Int = 0

    /// How many days the forecast covers.
    public static let forecastDays = 30
    /// How many weeks the calendar covers, this one included.
    public static let calendarWeeks = 26

    /// The whole scope's figures: the domains' together.
    public var catalog: MasteryFigures {
        domains.reduce(MasteryFigures()) { $0 + $1.figures }
    }

    /// The estimated total knowledge: the sum of retrievability over all seen cards.
    public var knowledge: Double { catalog.retrievabilitySum }

    /// True when no card in scope was ever reviewed.
    public var isEmpty: Bool { catalog.seen == 0 && totalReviews == 0 }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, now, today, scope, desiredRetention, day, streak, catalog, domains, focus, counts
        case retention, forecast, calendar, confusions, knowledge, totalReviews, unknownCards, laterReviews
    }

    private enum ScopeKeys: String, CodingKey {
        case domain, role
    }

    private enum DaysKeys: String, CodingKey {
        case start, days
    }

    /// Writes every key; absent values are null, never left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(ISOTimestamp.format(now), forKey: .now)
        try container.encode(DayCounter.label(ofDay: today), forKey: .today)
        var scope = container.nestedContainer(keyedBy: ScopeKeys.self, forKey: .scope)
        try scope.encode(filter.domain, forKey: .domain)
        try scope.encode(filter.role, forKey: .role)
        try container.encode(desiredRetention, forKey: .desiredRetention)
        try container.encode(day, forKey: .day)
        try container.encode(streak, forKey: .streak)
        try container.encode(catalog, forKey: .catalog)
        try container.encode(domains, forKey: .domains)
        try container.encode(focus, forKey: .focus)
        try container.encode(counts, forKey: .counts)
        try container.encode(retention, forKey: .retention)
        var forecastContainer = container.nestedContainer(keyedBy: DaysKeys.self, forKey: .forecast)
        try forecastContainer.encode(DayCounter.label(ofDay: today), forKey: .start)
        try forecastContainer.encode(forecast, forKey: .days)
        var calendarContainer = container.nestedContainer(keyedBy: DaysKeys.self, forKey: .calendar)
        try calendarContainer.encode(DayCounter.label(ofDay: calendarStart), forKey: .start)
        try calendarContainer.encode(calendar, forKey: .days)
        try container.encode(confusions, forKey: .confusions)
        try container.encode(knowledge, forKey: .knowledge)
        try container.encode(totalReviews, forKey: .totalReviews)
        try container.encode(unknownCards, forKey: .unknownCards)
        try container.encode(laterReviews, forKey: .laterReviews)
    }
}

/// What was done today and what is left.
public struct TodayFigures: Equatable, Sendable, Encodable {
    /// Review lines today (undone ones excluded).
    public var reviews: Int
    /// Different cards reviewed today.
    public var cards: Int
    /// Reviews today not rated Again.
    public var correct: Int
    /// Time spent answering, in milliseconds.
    public var timeMs: Int
    /// New cards studied for the first time today.
    public var newCards: Int
    /// Cards a study session would show now (learning due now, reviews due today), within the daily
    /// review limit: the same queue a session walks.
    public var dueNow: Int
    /// New cards still allowed today under the daily limit.
    public var newLeft: Int
    /// Cards the daily limits hold back now: due reviews past the review limit, new cards past the
    /// new limit.
    public var heldBack: StudiedToday
    /// Today's limits (with what `more` added).
    public var limits: QueueLimits
    /// Cards due when the next study day starts, and the new cards it offers (`DailyQueue.nextDay`:
    /// the same "tomorrow" a session's end shows).
    public var dueTomorrow: Int
    public var newTomorrow: Int
    /// Of today's reviews, those studied ahead of their day (`ahead`) and in a cram (`cram`).
    public var ahead = 0
    public var cram = 0

    /// Creates the figures.
    public init(
        reviews: Int = 0, cards: Int = 0, correct: Int = 0, timeMs: Int = 0, newCards: Int = 0, dueNow: Int = 0,
        newLeft: Int = 0, heldBack: StudiedToday = StudiedToday(), limits: QueueLimits = QueueLimits(),
        dueTomorrow: Int = 0, newTomorrow: Int = 0
    ) {
        self.dueTomorrow = dueTomorrow
        self.newTomorrow = newTomorrow
        self.heldBack = heldBack
        self.limits = limits
        self.reviews = reviews
        self.cards = cards
        self.correct = correct
        self.timeMs = timeMs
        self.newCards = newCards
        self.dueNow = dueNow
        self.newLeft = newLeft
    }

    /// The share of today's reviews not rated Again; nil before the first.
    public var accuracy: Double? {
        reviews > 0 ? Double(correct) / Double(reviews) : nil
    }

    enum CodingKeys: String, CodingKey {
        case reviews, cards, correct, accuracy, timeMs, newCards, dueNow, newLeft, heldNew, heldReviews, newLimit,
            reviewLimit, dueTomorrow, newTomorrow, ahead, cram
    }

    /// Writes every key, `accuracy` as null before the first review.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reviews, forKey: .reviews)
        try container.encode(cards, forKey: .cards)
        try container.encode(correct, forKey: .correct)
        try container.encode(accuracy, forKey: .accuracy)
        try container.encode(timeMs, forKey: .timeMs)
        try container.encode(newCards, forKey: .newCards)
        try container.encode(dueNow, forKey: .dueNow)
        try container.encode(newLeft, forKey: .newLeft)
        try container.encode(heldBack.newCards, forKey: .heldNew)
        try container.encode(heldBack.reviews, forKey: .heldReviews)
        try container.encode(limits.newPerDay, forKey: .newLimit)
        try container.encode(limits.reviewsPerDay, forKey: .reviewLimit)
        try container.encode(dueTomorrow, forKey: .dueTomorrow)
        try container.encode(newTomorrow, forKey: .newTomorrow)
        try container.encode(ahead, forKey: .ahead)
        try container.encode(cram, forKey: .cram)
    }
}

/// How many cards are in each state; the first six are exclusive and add up to `total`.
public struct StateCounts: Equatable, Sendable, Encodable {
    /// Never reviewed (and not suspended or buried).
    public var new: Int = 0
    /// In the learning steps.
    public var learning: Int = 0
    /// Graduated.
    public var review: Int = 0
    /// Lapsed, in the relearning steps.
    public var relearning: Int = 0
    /// Taken out of study (whatever their state).
    public var suspended: Int = 0
    /// Hidden until a later day (and not suspended).
    public var buried: Int = 0
    /// Flagged as leeches; these are also counted in one of the states above.
    public var leeches: Int = 0

    /// Creates empty counts.
    public init() {}

    /// Every card in scope.
    public var total: Int { new + learning + review + relearning + suspended + buried }

    enum CodingKeys: String, CodingKey {
        case new, learning, review, relearning, suspended, buried, leeches, total
    }

    /// Writes the counts and their total.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(new, forKey: .new)
        try container.encode(learning, forKey: .learning)
        try container.encode(review, forKey: .review)
        try container.encode(relearning, forKey: .relearning)
        try container.encode(suspended, forKey: .suspended)
        try container.encode(buried, forKey: .buried)
        try container.encode(leeches, forKey: .leeches)
        try container.encode(total, forKey: .total)
    }
}

/// True retention over a window of days: passed reviews of cards that were in the Review state.
public struct RetentionWindow: Equatable, Sendable, Encodable {
    /// The window's name: `today`, `yesterday`, `7d`, `30d`, `365d` or `all`.
    public var window: String
    /// Reviews of Review-state cards rated Hard, Good or Easy.
    public var passed: Int
    /// Reviews of Review-state cards.
    public var total: Int

    /// Creates a window's figures.
    public init(window: String, passed: Int, total: Int) {
        self.window = window
        self.passed = passed
        self.total = total
    }

    /// The share passed; nil when the window has no review of a Review-state card.
    public var rate: Double? {
        total > 0 ? Double(passed) / Double(total) : nil
    }

    enum CodingKeys: String, CodingKey {
        case window, passed, total, rate
    }

    /// Writes every key, `rate` as null for an empty window.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(window, forKey: .window)
        try container.encode(passed, forKey: .passed)
        try container.encode(total, forKey: .total)
        try container.encode(rate, forKey: .rate)
    }
}

/// A wrong option chosen in place of the right one shown, on one card, and how often.
public struct Confusion: Equatable, Sendable, Encodable {
    /// The card.
    public var card: CardID
    /// The card's prompt: how lists name a card.
    public var prompt: String
    /// The line shown with the prompt (a cloze card's line with the blank), if any.
    public var context: String?
    /// The right option(s) on screen beside the wrong one (joined by ` | `); nil for lines written
    /// before the log recorded them, on a card with several answers (which one was shown is unknown).
    public var expected: String?
    /// The wrong option the learner chose.
    public var chosen: String
    /// How many (not undone) reviews chose it.
    public var count: Int

    /// Creates an entry.
    public init(
        card: CardID, prompt: String, context: String? = nil, expected: String?, chosen: String, count: Int
    ) {
        self.card = card
        self.prompt = prompt
        self.context = context
        self.expected = expected
        self.chosen = chosen
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case card, prompt, context, expected, chosen, count
    }

    /// Writes every key; `context` and `expected` as null when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(card, forKey: .card)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(context, forKey: .context)
        try container.encode(expected, forKey: .expected)
        try container.encode(chosen, forKey: .chosen)
        try container.encode(count, forKey: .count)
    }
}

/// What to study next: the weakest roles and cards.
public struct Focus: Equatable, Sendable, Encodable {
    /// Roles with seen cards, lowest mean retrievability first.
    public var roles: [FocusRole]
    /// Seen cards with the lowest retrievability now, one per fact, lowest first.
    public var facts: [FocusFact]

    /// Creates the section.
    public init(roles: [FocusRole] = [], facts: [FocusFact] = []) {
        self.roles = roles
        self.facts = facts
    }
}

/// A weak role.
public struct FocusRole: Equatable, Sendable, Encodable {
    /// The role's domain.
    public var domain: DomainKey
    /// The role's key.
    public var key: RoleKey
    /// The role's name.
    public var name: String
    /// The mean retrievability of its seen cards.
    public var meanRetrievability: Double
    /// Its mastery (unseen cards count 0).
    public var mastery: Double

    /// Creates an entry.
    public init(domain: DomainKey, key: RoleKey, name: String, meanRetrievability: Double, mastery: Double) {
        self.domain = domain
        self.key = key
        self.name = name
        self.meanRetrievability = meanRetrievability
        self.mastery = mastery
    }
}

/// A weak card: the fact it asks about and how likely it is recalled now.
public struct FocusFact: Equatable, Sendable, Encodable {
    /// The card's id.
    public var card: CardID
    /// The card's kind.
    public var kind: CardKind
    /// The card's prompt: how lists name a card.
    public var prompt: String
    /// The line shown with the prompt (a cloze card's line with the blank), if any.
    public var context: String?
    /// The name of the card's role, or its domain's for a domain-level card.
    public var owner: String
    /// The card's first answer.
    public var answer: String
    /// The retrievability now.
    public var retrievability: Double
    /// Times forgotten in the Review state.
    public var lapses: Int

    /// Creates an entry.
    public init(
        card: CardID, kind: CardKind, prompt: String, context: String? = nil, owner: String, answer: String,
        retrievability: Double, lapses: Int
    ) {
        self.card = card
        self.kind = kind
        self.prompt = prompt
        self.context = context
        self.owner = owner
        self.answer = answer
        self.retrievability = retrievability
        self.lapses = lapses
    }

    enum CodingKeys: String, CodingKey {
        case card, kind, prompt, context, owner, answer, retrievability, lapses
    }

    /// Writes every key; `context` as null when the card has none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(card, forKey: .card)
        try container.encode(kind, forKey: .kind)
        try container.encode(prompt, forKey: .prompt)
        try container.encode(context, forKey: .context)
        try container.encode(owner, forKey: .owner)
        try container.encode(answer, forKey: .answer)
        try container.encode(retrievability, forKey: .retrievability)
        try container.encode(lapses, forKey: .lapses)
    }
}
