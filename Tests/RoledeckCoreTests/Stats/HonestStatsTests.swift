import Foundation
import Testing

@testable import RoledeckCore

/// Stats that tell the truth: what was on screen, as of when, and "tomorrow" as one number.
@Suite("Honest statistics")
struct HonestStatsTests {
    static let days = StatsFixture.days
    static let now = StatsFixture.kst("2026-03-10T10:00")

    /// A card with two answers, of which a choice shows one (as an odd-one-out card does).
    static let twoAnswers = Card(
        id: CardID(rawValue: "odd-one-out/데이터-사이언티스트"), kind: .oddOneOut, domain: DomainKey(rawValue: "data"),
        role: RoleKey(rawValue: "데이터-사이언티스트"), prompt: "데이터 사이언티스트의 업무가 아닌 것은 무엇인가요?",
        answers: [Answer("통계적 분석 방법"), Answer("실험 디자인")], distractors: ["SQL", "Python", "R"],
        selection: .one, explanation: "test")

    static let decks = [
        Deck(
            catalog: CatalogReference(source: "test.md", title: "T"),
            domain: DeckDomain(
                key: DomainKey(rawValue: "data"), number: 1, name: "데이터", englishName: nil, branch: nil,
                roles: [DeckRole(key: RoleKey(rawValue: "데이터-사이언티스트"), name: "데이터 사이언티스트")]),
            cards: [twoAnswers])
    ]

    static func choice(_ time: String, options: [String]?, right: [String]?) -> LogRecord {
        let after = StatsFixture.state(.learning, stability: 1, last: time, due: time, step: 0)
        return LogRecord(
            kind: .review, cardID: twoAnswers.id, at: StatsFixture.kst(time), rating: .again, before: .new,
            after: after, answer: "SQL", chosen: "SQL", options: options, right: right, correct: false)
    }

    static func statistics(_ log: [LogRecord]) -> Statistics {
        let fold = LogFold(log, days: days, horizon: now)
        return Statistics.compute(
            StatsInput(decks: decks, records: fold.cards, history: fold.history, settings: StudySettings(), days: days))
    }

    @Test func aConfusionNamesTheRightOptionThatWasOnScreen() {
        // The screen showed 실험 디자인, not the card's first answer 통계적 분석 방법.
        let stats = Self.statistics([
            Self.choice("2026-03-10T09:00", options: ["SQL", "실험 디자인", "Python", "R"], right: ["실험 디자인"])
        ])
        #expect(
            stats.confusions == [
                Confusion(
                    card: Self.twoAnswers.id, prompt: Self.twoAnswers.prompt, expected: "실험 디자인", chosen: "SQL",
                    count: 1)
            ])
    }

    @Test func anOldLineOnACardWithSeveralAnswersNamesNoRightAnswer() {
        // Written before `right` was recorded: which of the two answers was shown is unknown.
        let stats = Self.statistics([
            Self.choice("2026-03-09T09:00", options: nil, right: nil),
            Self.choice("2026-03-10T09:00", options: ["R", "SQL", "통계적 분석 방법", "Python"], right: ["통계적 분석 방법"]),
        ])
        #expect(stats.confusions.map(\.expected) == [nil, "통계적 분석 방법"])
        #expect(
            stats.confusions.allSatisfy { $0.count == 1 && $0.chosen == "SQL" && $0.prompt == Self.twoAnswers.prompt })
    }

    @Test func theOptionsShownRoundTripThroughTheLogLine() throws {
        let line = Self.choice("2026-03-10T09:00", options: ["SQL", "실험 디자인"], right: ["실험 디자인"])
        let data = ReviewLogFile.encodeLine(line)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""options":["SQL","실험 디자인"]"#) && text.contains(#""right":["실험 디자인"]"#))
        let read = try ReviewLogFile.decode(data, source: "reviews.jsonl").records
        #expect(read == [line])
        // A line without them (written before) still reads.
        var old = line
        old.options = nil
        old.right = nil
        #expect(try ReviewLogFile.decode(ReviewLogFile.encodeLine(old), source: "reviews.jsonl").records == [old])
        // The fold, which skips what it does not need, keeps `right`.
        let fold = LogFold([line], days: Self.days)
        #expect(fold.history.reviews.first.map { fold.history.optionTexts[Int($0.right)] } == "실험 디자인")
    }

    @Test func focusCardsCarryTheirPrompt() {
        let stats = StatsFixture.statistics()
        #expect(!stats.focus.facts.isEmpty)
        for fact in stats.focus.facts {
            let card = StatsFixture.decks.flatMap(\.cards).first { $0.id == fact.card }
            #expect(fact.prompt == card?.prompt && fact.context == card?.context)
        }
    }

    @Test func tomorrowIsTheQueueTheNextDayOpensWith() {
        // At the 04:00 rollover on the 11th: c3 (relearning, due last night, left undone), c5 (its
        // step at 10:30 today) and c2 (due today, buried until then) are due; c4 and c7 are new.
        // The forecast's day 1 holds only c2: cards due today and left undone count today there.
        let stats = StatsFixture.statistics()
        #expect(stats.day.dueTomorrow == 3)
        #expect(stats.day.newTomorrow == 2)
        let queue = DailyQueue.nextDay(
            after: StatsFixture.now, order: CardOrder(StatsFixture.decks.flatMap(\.cards)),
            states: StatsFixture.records, days: StatsFixture.days, settings: StudySettings())
        #expect(queue.dueCount == 3 && queue.newCards.count == 2)
        #expect(stats.forecast[1] == 1)
    }

    @Test func aFoldInThePastLeavesOutEveryLaterLine() {
        // The fixture's log has one line after now (c5 at 11:00): at now the card has its 09:31 state.
        let log = StatsFixture.log
        let asOf = LogFold(log, days: Self.days, horizon: StatsFixture.now)
        let before = LogFold(log.filter { $0.at <= StatsFixture.now }, days: Self.days)
        #expect(asOf.cards == before.cards)
        #expect(asOf.days == before.days)
        #expect(asOf.laterLines == 1 && asOf.history.futureReviews == 1)
        #expect(asOf.latest == StatsFixture.kst("2026-03-10T11:00"))
        // Earlier still: the cards first reviewed later are not seen yet.
        let early = LogFold(log, days: Self.days, horizon: StatsFixture.kst("2026-03-04T00:00"))
        #expect(Set(early.cards.keys) == [StatsFixture.c1.id, StatsFixture.c2.id])
    }
}
