import Foundation

/// Studying beyond the day, like Anki's custom study: reviewing ahead (the reviews of the next days,
/// answered early) and cramming a deck (every card of it already met, whenever it is due). Both
/// reschedule the cards they show, as an Anki filtered deck does by default; FSRS weighs an early
/// answer by the days that really passed. Each is recorded in the log with its mode.
public enum ExtraStudy: Equatable, Sendable {
    /// Review cards due in the next `days` days (not today: today's are the daily review).
    case ahead(days: Int)
    /// Every card of a deck already met and not due today, for a test tomorrow.
    case cram(DomainKey)

    /// The longest look ahead, in days.
    public static let maximumDays = 365

    /// The mode the log records for an answer given in this study.
    public var mode: StudyMode {
        switch self {
        case .ahead: .ahead
        case .cram: .cram
        }
    }

    /// The cards this study shows, soonest due first (catalog order between equals); suspended and
    /// buried cards and cards due today are left out.
    public func cards(
        _ cards: [Card], states: [CardID: CardRecord], now: Date, days: DayConvention
    ) -> [CardID] {
        let today = days.dayNumber(of: now)
        var picked: [(due: Date, order: Int, id: CardID)] = []
        for (order, card) in cards.enumerated() {
            guard let state = states[card.id], !state.suspended, !state.card.isNew else { continue }
            if let until = state.buriedUntil, until > now { continue }
            let dueDay = days.dayNumber(of: state.card.due)
            guard dueDay > today else { continue }
            switch self {
            case .ahead(let ahead):
                guard state.card.state == .review, dueDay <= today + ahead else { continue }
            case .cram(let domain):
                guard card.domain == domain else { continue }
            }
            picked.append((state.card.due, order, card.id))
        }
        picked.sort { $0.due != $1.due ? $0.due < $1.due : $0.order < $1.order }
        return picked.map(\.id)
    }
}

/// How an answer was studied, as the log records it: nil (the daily review or a deck's study), or
/// one of the extra studies.
public enum StudyMode: String, Codable, Sendable, CaseIterable {
    /// Reviewed ahead of its due day.
    case ahead
    /// Crammed: a deck studied whole, whenever its cards are due.
    case cram
}
