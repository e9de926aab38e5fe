import Foundation

@testable import RoledeckCore

/// A hand-made collection for the statistics tests: two domains, seven cards, a card no deck
/// holds, and a log over ten study days in Seoul time with a 04:00 rollover.
///
/// Study days run from 04:00 to 04:00 local time (UTC+9, no daylight saving). Now is
/// 2026-03-10 10:00, a Tuesday. Retrievability is exact where a card's elapsed days are 0
/// (R = 1) or equal its stability (R = 0.9, FSRS's definition of stability).
enum StatsFixture {
    static let seoul = TimeZone(secondsFromGMT: 9 * 3600) ?? .current
    static let days = DayConvention.anki(rolloverHour: 4, timeZone: seoul)
    static let now = kst("2026-03-10T10:00")

    /// A Seoul wall-clock time.
    static func kst(_ text: String) -> Date {
        ISOTimestamp.parse(text + "+09:00") ?? Date(timeIntervalSince1970: 0)
    }

    static func card(
        _ id: String, _ kind: CardKind, _ domain: String, _ role: String?, answer: String
    ) -> Card {
        Card(
            id: CardID(rawValue: id), kind: kind, domain: DomainKey(rawValue: domain),
            role: role.map { RoleKey(rawValue: $0) }, prompt: "?", answers: [Answer(answer)], explanation: "test")
    }

    // Data: 데이터 엔지니어 (c1, c2, c7), 데이터 애널리틱스 (c3), the domain-level c4.
    static let c1 = card("role-domain/데이터-엔지니어", .roleDomain, "data", "데이터-엔지니어", answer: "데이터")
    static let c2 = card("cloze/데이터-엔지니어/구축", .cloze, "data", "데이터-엔지니어", answer: "구축")
    static let c7 = card("duties/데이터-엔지니어", .duties, "data", "데이터-엔지니어", answer: "파이프라인 구축")
    static let c3 = card(
        "duty-role/데이터-애널리틱스/시각화", .dutyRole, "data", "데이터-애널리틱스", answer: "데이터 애널리틱스")
    static let c4 = card("domain-roles/data", .domainRoles, "data", nil, answer: "데이터 엔지니어")
    // ML: 머신 러닝 엔지니어 (c5, c6).
    static let c5 = card("stack/머신-러닝-엔지니어", .stack, "ml", "머신-러닝-엔지니어", answer: "Python")
    static let c6 = card("true-false/머신-러닝-엔지니어/keras", .trueFalse, "ml", "머신-러닝-엔지니어", answer: "O")
    static let gone = CardID(rawValue: "cloze/옛-직무/삭제됨")

    static let decks: [Deck] = [
        Deck(
            catalog: CatalogReference(source: "test.md", title: "T"),
            domain: DeckDomain(
                key: DomainKey(rawValue: "data"), number: 1, name: "데이터", englishName: nil, branch: "Data",
                roles: [
                    DeckRole(key: RoleKey(rawValue: "데이터-엔지니어"), name: "데이터 엔지니어"),
                    DeckRole(key: RoleKey(rawValue: "데이터-애널리틱스"), name: "데이터 애널리틱스"),
                ]),
            cards: [c1, c2, c7, c3, c4]),
        Deck(
            catalog: CatalogReference(source: "test.md", title: "T"),
            domain: DeckDomain(
                key: DomainKey(rawValue: "ml"), number: 2, name: "머신 러닝", englishName: nil, branch: "ML",
                roles: [DeckRole(key: RoleKey(rawValue: "머신-러닝-엔지니어"), name: "머신 러닝 엔지니어")]),
            cards: [c5, c6]),
    ]

    static func state(
        _ state: CardState, stability: Double, last: String, due: String, step: Int? = nil
    ) -> FSRSCard {
        FSRSCard(state: state, step: step, stability: stability, difficulty: 5, due: kst(due), lastReview: kst(last))
    }

    static let records: [CardID: CardRecord] = [
        // Reviewed today: R = 1. Due in 29 days, the forecast's last day. Mature (30 ≥ 21).
        c1.id: CardRecord(card: state(.review, stability: 30, last: "2026-03-10T09:00", due: "2026-04-08T09:00")),
        // 10 days after its last review at stability 10: R = 0.9. Due today, but buried until tomorrow.
        c2.id: CardRecord(
            card: state(.review, stability: 10, last: "2026-02-28T09:00", due: "2026-03-10T09:00"),
            buriedUntil: kst("2026-03-11T04:00")),
        // Relearning, one day after its review at stability 1: R = 0.9; its step came due last night.
        c3.id: CardRecord(
            card: state(.relearning, stability: 1, last: "2026-03-09T23:00", due: "2026-03-09T23:10", step: 0),
            lapses: 2),
        // Learning since this morning (R = 1); its next step is due at 10:30, after now.
        c5.id: CardRecord(
            card: state(.learning, stability: 2.3, last: "2026-03-10T09:31", due: "2026-03-10T10:30", step: 0)),
        // Suspended leech, reviewed today (R = 1), mature (21).
        c6.id: CardRecord(
            card: state(.review, stability: 21, last: "2026-03-10T08:30", due: "2026-03-31T08:30"), lapses: 8,
            suspended: true, leech: true),
        // A card the decks no longer hold.
        gone: CardRecord(card: state(.review, stability: 5, last: "2026-03-10T08:00", due: "2026-03-15T08:00")),
    ]

    /// A review line; only the fields the statistics read matter, `after` is any state.
    static func review(
        _ card: CardID, _ time: String, _ rating: Rating, before: PriorState, ms: Int = 1000, chosen: String? = nil
    ) -> LogRecord {
        LogRecord(
            kind: .review, cardID: card, at: kst(time), rating: rating, before: before,
            after: state(.review, stability: 1, last: time, due: time), chosen: chosen, durationMs: ms)
    }

    /// Study days 03-01 and 03-03 … 03-10 (03-02 missed). The 03-04 review is at 02:00 on the
    /// 5th, before the rollover, so it belongs to the 4th; without the rollover the 4th would be
    /// empty. Two reviews are undone, and one lies after now.
    static let log: [LogRecord] = [
        review(c2.id, "2026-03-01T20:00", .good, before: .review),
        review(c1.id, "2026-03-03T12:00", .again, before: .review, chosen: "머신 러닝"),
        review(c1.id, "2026-03-05T02:00", .good, before: .review),
        review(c2.id, "2026-03-05T05:00", .hard, before: .review),
        review(c3.id, "2026-03-06T09:00", .again, before: .review, chosen: "데이터 엔지니어"),
        review(c3.id, "2026-03-07T09:00", .good, before: .relearning),
        review(c1.id, "2026-03-09T03:59", .good, before: .review),
        review(c3.id, "2026-03-09T23:00", .again, before: .review, chosen: "데이터 엔지니어"),
        review(c3.id, "2026-03-09T23:05", .good, before: .review),
        .event(.undo, cardID: c3.id, at: kst("2026-03-09T23:06")),
        review(gone, "2026-03-10T08:00", .good, before: .review),
        review(c1.id, "2026-03-10T09:00", .good, before: .review, ms: 4000),
        review(c5.id, "2026-03-10T09:30", .good, before: .new, ms: 6000),
        review(c5.id, "2026-03-10T09:31", .again, before: .learning, ms: 2000),
        review(c1.id, "2026-03-10T09:50", .again, before: .review, chosen: "머신 러닝"),
        .event(.undo, cardID: c1.id, at: kst("2026-03-10T09:51")),
        review(c5.id, "2026-03-10T11:00", .good, before: .learning),
    ]

    static func input(filter: StatsFilter = .all, settings: StudySettings = StudySettings()) -> StatsInput {
        StatsInput(
            decks: decks, records: records, history: ReviewHistory.build(log, now: now, days: days),
            settings: settings, days: days, filter: filter)
    }

    static func statistics(filter: StatsFilter = .all) -> Statistics {
        Statistics.compute(input(filter: filter))
    }
}
