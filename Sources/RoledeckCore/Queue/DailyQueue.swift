import Foundation

/// The cards a study session shows today, in Anki's order: intraday learning due now, interday learning,
/// reviews due today, then new cards in catalog order; intraday learning due within the learn-ahead
/// window comes last, when nothing else is left.
public struct DailyQueue: Equatable, Sendable {
    /// Learning and relearning cards on minute steps, due now, earliest first.
    public var intradayLearning: [CardID]
    /// Learning cards whose step carried them over a rollover: due on a day, today or earlier.
    public var interdayLearning: [CardID]
    /// Review cards due today or earlier, most overdue first.
    public var reviews: [CardID]
    /// New cards within today's limit, in catalog order.
    public var newCards: [CardID]
    /// Intraday learning cards due within the learn-ahead window, earliest first.
    public var learnAhead: [CardID]

    /// Builds today's queue.
    ///
    /// - Parameters:
    ///   - cards: every card of the decks, in catalog order (the order new cards are introduced).
    ///   - states: the studied cards; a card without a state is new.
    ///   - now: the clock, passed in.
    ///   - days: how days are counted (Anki's rollover convention for the app).
    ///   - limits: the day's limits; `studied` is what already counted against them today.
    public init(
        cards: [Card], states: [CardID: CardRecord], now: Date, days: DayConvention, limits: QueueLimits,
        studied: StudiedToday
    ) {
        let today = days.dayNumber(of: now)
        let aheadUntil = now.addingTimeInterval(limits.learnAheadSeconds)
        var intraday: [(Date, Int, CardID)] = []
        var ahead: [(Date, Int, CardID)] = []
        var interday: [(Date, Int, CardID)] = []
        var due: [(Date, Int, CardID)] = []
        var fresh: [CardID] = []
        for (order, card) in cards.enumerated() {
            guard let state = states[card.id] else {
                fresh.append(card.id)
                continue
            }
            if state.suspended { continue }
            if let until = state.buriedUntil, until > now { continue }
            let memory = state.card
            if memory.isNew {
                fresh.append(card.id)
                continue
            }
            let dueDay = days.dayNumber(of: memory.due)
            switch memory.state {
            case .learning, .relearning:
                let stepped = memory.lastReview.map { days.dayNumber(of: $0) < dueDay } ?? false
                if stepped {
                    // A step that crossed the rollover is due on its day, like a review.
                    if dueDay <= today { interday.append((memory.due, order, card.id)) }
                } else if memory.due <= now {
                    intraday.append((memory.due, order, card.id))
                } else if memory.due <= aheadUntil {
                    ahead.append((memory.due, order, card.id))
                }
            case .review:
                if dueDay <= today { due.append((memory.due, order, card.id)) }
            }
        }
        func sorted(_ list: [(Date, Int, CardID)]) -> [CardID] {
            list.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.2)
        }
        var reviewRoom = max(0, limits.reviewsPerDay - studied.reviews)
        let interdayShown = Array(sorted(interday).prefix(reviewRoom))
        reviewRoom -= interdayShown.count
        intradayLearning = sorted(intraday)
        interdayLearning = interdayShown
        reviews = Array(sorted(due).prefix(reviewRoom))
        newCards = Array(fresh.prefix(max(0, limits.newPerDay - studied.newCards)))
        learnAhead = sorted(ahead)
    }

    /// Every card in the order it is shown.
    public var ordered: [CardID] { intradayLearning + interdayLearning + reviews + newCards + learnAhead }

    /// How many cards are waiting now, learn-ahead excluded.
    public var dueCount: Int { intradayLearning.count + interdayLearning.count + reviews.count }
}
