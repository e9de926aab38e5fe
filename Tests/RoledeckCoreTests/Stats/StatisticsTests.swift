import Foundation
import Testing

@testable import RoledeckCore

/// Every figure of `StatsFixture`, worked out by hand in the comments.
@Suite("Statistics from a hand-made log")
struct StatisticsTests {
    let stats = StatsFixture.statistics()

    @Test func todayCountsTheDayFromTheRolloverWithoutUndoneOrFutureReviews() {
        // Today (03-10 from 04:00): gone 08:00 Good 1000 ms, c1 09:00 Good 4000 ms,
        // c5 09:30 Good (new) 6000 ms, c5 09:31 Again 2000 ms. c1 09:50 is undone; c5 11:00 is after now.
        #expect(stats.day.reviews == 4)
        #expect(stats.day.cards == 3)
        #expect(stats.day.correct == 3)
        #expect(stats.day.accuracy == 0.75)
        #expect(stats.day.timeMs == 13_000)
        #expect(stats.day.newCards == 1)
        // Due now: only c3, a relearning step due last night (c2 is buried, c5's step is at 10:30).
        #expect(stats.day.dueNow == 1)
        // New cards left: c4 and c7 are new, and 1 of the 20 a day was used.
        #expect(stats.day.newLeft == 2)
        #expect(stats.totalReviews == 12)
    }

    @Test func streakCrossesTheRolloverAndStopsAtTheMissedDay() {
        // Days with reviews: 03-01, then 03-03 … 03-10; 03-04's only review was at 02:00 on the 5th.
        // 03-02 was missed, so the current streak is 03-03 … 03-10 = 8 days, also the longest.
        #expect(stats.streak == Streak(current: 8, longest: 8, studiedToday: true))
    }

    @Test func streakStaysAliveUntilTheDayIsOver() {
        // At 03:00 on the 11th it is still the 10th's study day; at 05:00 the 11th has no review yet,
        // so the streak is 03-03 … 03-10, still 8, and today is not studied.
        var input = StatsFixture.input()
        input.history = ReviewHistory.build(
            StatsFixture.log, now: StatsFixture.kst("2026-03-11T05:00"), days: StatsFixture.days)
        let tomorrow = Statistics.compute(input)
        #expect(tomorrow.streak == Streak(current: 8, longest: 8, studiedToday: false))
        #expect(tomorrow.day.reviews == 0)
        // A day later the streak is broken: 03-11 had none.
        input.history = ReviewHistory.build(
            StatsFixture.log, now: StatsFixture.kst("2026-03-12T05:00"), days: StatsFixture.days)
        #expect(Statistics.compute(input).streak == Streak(current: 0, longest: 8, studiedToday: false))
    }

    @Test func trueRetentionCountsPassedReviewsOfReviewStateCardsPerWindow() {
        // Reviews of cards in Review (P = Hard or better, F = Again), undone ones left out:
        // 03-01 P, 03-03 F, 03-04 P, 03-05 P (Hard), 03-06 F, 03-08 P, 03-09 F, 03-10 P P.
        // (03-07 was a relearning card; 03-09 23:05 and 03-10 09:50 were undone.)
        let windows = Dictionary(uniqueKeysWithValues: stats.retention.map { ($0.window, $0) })
        #expect(stats.retention.map(\.window) == ["today", "yesterday", "7d", "30d", "365d", "all"])
        #expect(windows["today"].map { ($0.passed, $0.total) } ?? (0, 0) == (2, 2))
        #expect(windows["yesterday"].map { ($0.passed, $0.total) } ?? (0, 0) == (0, 1))
        #expect(windows["7d"].map { ($0.passed, $0.total) } ?? (0, 0) == (5, 7))  // 03-04 … 03-10
        #expect(windows["30d"].map { ($0.passed, $0.total) } ?? (0, 0) == (6, 9))
        #expect(windows["365d"].map { ($0.passed, $0.total) } ?? (0, 0) == (6, 9))
        #expect(windows["all"].map { ($0.passed, $0.total) } ?? (0, 0) == (6, 9))
        #expect(windows["yesterday"]?.rate == 0)
        #expect(stats.desiredRetention == 0.9)
    }

    @Test func forecastPutsOverdueCardsTodayAndBuriedOnesOnTheirReturn() {
        // c3 (due last night) and c5 (10:30) today; c2 is due today but buried until tomorrow's
        // rollover; c1 is due on 04-08, 29 days on, the last day shown; c6 is suspended.
        var expected = [Int](repeating: 0, count: 30)
        expected[0] = 2
        expected[1] = 1
        expected[29] = 1
        #expect(stats.forecast == expected)
    }

    @Test func masteryRollsUpFromRolesToDomainsToTheCatalog() throws {
        // 데이터 엔지니어: c1 R 1 (mature), c2 R 0.9, c7 unseen → 3 cards, 2 seen, sum 1.9.
        // 데이터 애널리틱스: c3 R 0.9. Shared: c4 unseen. 머신 러닝 엔지니어: c5 R 1, c6 R 1 (mature).
        let data = try #require(stats.domains.first)
        let engineer = try #require(data.roles.first)
        #expect(engineer.name == "데이터 엔지니어")
        #expect(engineer.figures.cards == 3 && engineer.figures.seen == 2 && engineer.figures.mature == 1)
        #expect(abs(engineer.figures.retrievabilitySum - 1.9) < 1e-9)
        #expect(abs((engineer.figures.meanRetrievability ?? 0) - 0.95) < 1e-9)
        #expect(abs(engineer.figures.mastery - 1.9 / 3) < 1e-9)
        #expect(abs(engineer.figures.matureShare - 1.0 / 3) < 1e-9)
        let analyst = data.roles[1].figures
        #expect(analyst.cards == 1 && analyst.seen == 1 && analyst.mature == 0)
        #expect(abs(analyst.retrievabilitySum - 0.9) < 1e-9)
        #expect(data.shared == MasteryFigures(cards: 1))
        // 데이터: 5 cards, 3 seen, 1 mature, sum 2.8 → mastery 0.56.
        #expect(data.figures.cards == 5 && data.figures.seen == 3 && data.figures.mature == 1)
        #expect(abs(data.figures.mastery - 0.56) < 1e-9)
        let ml = stats.domains[1].figures
        #expect(ml.cards == 2 && ml.seen == 2 && ml.mature == 1 && abs(ml.retrievabilitySum - 2) < 1e-9)
        // The catalog: 7 cards, 5 seen, 2 mature, sum 4.8; the estimated knowledge is that sum.
        #expect(stats.catalog.cards == 7 && stats.catalog.seen == 5 && stats.catalog.mature == 2)
        #expect(abs(stats.knowledge - 4.8) < 1e-9)
        #expect(abs(stats.catalog.mastery - 4.8 / 7) < 1e-9)
    }

    @Test func cardCountsByState() {
        // c4, c7 new; c5 learning; c1 review; c3 relearning; c6 suspended; c2 buried; c6 a leech.
        var expected = StateCounts()
        expected.new = 2
        expected.learning = 1
        expected.review = 1
        expected.relearning = 1
        expected.suspended = 1
        expected.buried = 1
        expected.leeches = 1
        #expect(stats.counts == expected)
        #expect(stats.counts.total == 7)
        // The record and the reviews of the card no deck holds.
        #expect(stats.unknownCards == 1)
    }

    @Test func confusionsCountWrongChoicesMostFrequentFirst() {
        // c3 chose 데이터 엔지니어 twice (03-06, 03-09); c1 chose 머신 러닝 once (its 03-10 one is undone).
        // The lines predate `right`; each card has one answer, which was then the one shown.
        #expect(
            stats.confusions == [
                Confusion(
                    card: StatsFixture.c3.id, prompt: "?", expected: "데이터 애널리틱스", chosen: "데이터 엔지니어", count: 2),
                Confusion(card: StatsFixture.c1.id, prompt: "?", expected: "데이터", chosen: "머신 러닝", count: 1),
            ])
    }

    @Test func focusListsTheWeakestRolesAndFactsFirst() {
        // Mean R: 데이터 애널리틱스 0.9 < 데이터 엔지니어 0.95 < 머신 러닝 엔지니어 1.
        #expect(stats.focus.roles.map(\.name) == ["데이터 애널리틱스", "데이터 엔지니어", "머신 러닝 엔지니어"])
        // c2 and c3 (R 0.9) first, then the cards at R 1; one card per fact.
        #expect(Set(stats.focus.facts.prefix(2).map(\.card)) == [StatsFixture.c2.id, StatsFixture.c3.id])
        #expect(stats.focus.facts.count == 5)
        #expect(stats.focus.facts.first { $0.card == StatsFixture.c3.id }?.lapses == 2)
    }

    @Test func calendarCoversTwentySixWeeksFromAMonday() {
        // Today, 2026-03-10, is a Tuesday: the calendar starts on Monday 2025-09-15, 25 weeks
        // before this week's Monday, and ends today: 175 + 2 days.
        #expect(DayCounter.label(ofDay: stats.calendarStart) == "2025-09-15")
        #expect(DayCounter.weekday(ofDay: stats.calendarStart) == 0)
        #expect(stats.calendar.count == 177)
        #expect(Array(stats.calendar.suffix(10)) == [1, 0, 1, 1, 1, 1, 1, 1, 1, 4])
        #expect(stats.calendar.reduce(0, +) == 12)
    }

    @Test func aDomainFilterCountsOnlyItsCardsAndTheirReviews() {
        let data = StatsFixture.statistics(filter: StatsFilter(domain: DomainKey(rawValue: "data")))
        #expect(data.domains.map(\.key.rawValue) == ["data"])
        // Today only c1 09:00 (4000 ms) is a data card's review.
        #expect(data.day.reviews == 1 && data.day.cards == 1 && data.day.timeMs == 4000 && data.day.newCards == 0)
        #expect(data.totalReviews == 9)
        #expect(data.streak == Streak(current: 8, longest: 8, studiedToday: true))
        // 7 days: 03-04 P, 03-05 P, 03-06 F, 03-08 P, 03-09 F, 03-10 P (the unknown card's is left out).
        #expect(data.retention.first { $0.window == "7d" }.map { ($0.passed, $0.total) } ?? (0, 0) == (4, 6))
        #expect(data.counts.total == 5)
        #expect(data.catalog == data.domains[0].figures)
    }

    @Test func aRoleFilterNarrowsToThatRole() {
        let ml = StatsFixture.statistics(
            filter: StatsFilter(domain: DomainKey(rawValue: "ml"), role: RoleKey(rawValue: "머신-러닝-엔지니어")))
        // c5's two reviews today; c6 was never reviewed in the log.
        #expect(ml.day.reviews == 2 && ml.day.cards == 1 && ml.day.newCards == 1 && ml.day.correct == 1)
        #expect(ml.streak == Streak(current: 1, longest: 1, studiedToday: true))
        #expect(ml.retention.allSatisfy { $0.total == 0 && $0.rate == nil })
        #expect(ml.domains.count == 1 && ml.domains[0].roles.count == 1)
        #expect(ml.confusions.isEmpty)
    }

    @Test func dueNowAgreesWithTheDailyQueue() {
        let cards = StatsFixture.decks.flatMap(\.cards)
        let queue = DailyQueue(
            cards: cards, states: StatsFixture.records, now: StatsFixture.now, days: StatsFixture.days,
            limits: QueueLimits(newPerDay: 20, reviewsPerDay: .max), studied: StudiedToday(newCards: 1))
        #expect(stats.day.dueNow == queue.dueCount)
        #expect(stats.day.newLeft == queue.newCards.count)
    }

    @Test func anEmptyCollectionHasNoFiguresButItsCards() {
        let input = StatsInput(
            decks: StatsFixture.decks, records: [:],
            history: ReviewHistory(now: StatsFixture.now, days: StatsFixture.days), settings: StudySettings(),
            days: StatsFixture.days)
        let empty = Statistics.compute(input)
        #expect(empty.isEmpty)
        #expect(empty.counts.new == 7 && empty.counts.total == 7)
        #expect(empty.streak == Streak())
        #expect(empty.calendar.count == 177 && empty.calendar.allSatisfy { $0 == 0 })
        #expect(empty.forecast.allSatisfy { $0 == 0 })
        #expect(empty.catalog.meanRetrievability == nil)
        #expect(empty.day.newLeft == 7)
    }
}
