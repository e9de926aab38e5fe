import Foundation

extension DailyQueue {
    /// The queue the next study day opens with: what "tomorrow" means wherever roledeck shows it (the
    /// end of a session, the opening line, `stats`), so the numbers always agree.
    ///
    /// Read at the moment the next day starts, with the states as they are now: cards due by then
    /// (today's left undone among them) within that day's limits, and the new cards it will offer.
    /// Nothing counts against its limits yet, and what `more` added for today is gone.
    public static func nextDay(
        after now: Date, order: CardOrder, states: [CardID: CardRecord], days: DayConvention,
        settings: StudySettings
    ) -> DailyQueue {
        let start = days.nextDayStart(after: now)
        return DailyQueue(
            order: order, states: states, now: start, days: days,
            limits: settings.limits(onDay: days.dayNumber(of: start)),
            studied: StudiedToday())
    }
}
