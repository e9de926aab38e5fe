import Foundation
import RoledeckCore
import Testing

@Suite("The daily queue")
struct DailyQueueTests {
    let seoul = TimeZone(identifier: "Asia/Seoul")!
    let cards: [Card]
    let days: DayConvention
    let scheduler: Scheduler

    init() throws {
        cards = Array(DeckGenerator(catalog: try Fixture.shipped()).decks()[0].cards.prefix(30))
        days = .anki(rolloverHour: 4, timeZone: seoul)
        scheduler = Scheduler(parameters: .default, dayConvention: days)
    }

    /// 2026-12-01 at the given local time in Seoul, plus whole days.
    func seoulTime(day: Int = 0, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = seoul
        let base = calendar.date(from: DateComponents(year: 2026, month: 12, day: 1, hour: hour, minute: minute))!
        return base.addingTimeInterval(Double(day) * 86_400)
    }

    func queue(
        _ states: [CardID: CardRecord], at now: Date, limits: QueueLimits = QueueLimits(newPerDay: 5),
        studied: StudiedToday = StudiedToday()
    ) -> DailyQueue {
        DailyQueue(cards: cards, states: states, now: now, days: days, limits: limits, studied: studied)
    }

    func answer(_ id: CardID, _ rating: Rating, at date: Date, in states: inout [CardID: CardRecord]) {
        var rng = SeededGenerator(seed: 1)
        let before = states[id]?.card ?? FSRSCard.new(due: date)
        states[id] = CardRecord(card: scheduler.review(before, rating: rating, at: date, rng: &rng).card)
    }

    /// A collection large enough to be placed in two halves side by side gives the queue that putting
    /// each card in one at a time (`update`, the path an answer takes) gives: every kind of state, in
    /// seeded mixes, with ids of the catalog's shape and some states of cards no deck has.
    @Test func aLargeCollectionPlacedInHalvesIsTheQueueOfItsCardsOneByOne() {
        var rng = SeededGenerator(seed: 23)
        let now = seoulTime(day: 3, 10)
        let template = cards[0]
        let large = (0..<30_000).map { number in
            Card(
                id: CardID(rawValue: "stack/역할-\(number % 97)/항목-\(number)"), kind: template.kind,
                domain: template.domain, role: template.role, prompt: template.prompt, answers: template.answers,
                explanation: template.explanation)
        }
        let order = CardOrder(large)
        var states: [CardID: CardRecord] = [:]
        for card in large where Int.random(in: 0..<6, using: &rng) != 0 {
            let hours = Double(Int.random(in: -24 * 20...24 * 20, using: &rng))
            let due = now.addingTimeInterval(hours * 3600 + Double(Int.random(in: 0..<3600, using: &rng)))
            var memory = FSRSCard(
                state: [.learning, .relearning, .review].randomElement(using: &rng)!, step: 0, stability: 3,
                difficulty: 5, due: due,
                lastReview: due.addingTimeInterval(-Double(Int.random(in: 60...86_400 * 3, using: &rng))))
            if Int.random(in: 0..<10, using: &rng) == 0 { memory = FSRSCard.new(due: due) }
            var record = CardRecord(card: memory, reps: 1)
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: record.suspended = true
            case 1: record.buriedUntil = now.addingTimeInterval(Double(Int.random(in: -7200...7200, using: &rng)))
            default: break
            }
            states[card.id] = record
        }
        for number in 0..<50 {
            states[CardID(rawValue: "stack/없는-역할/\(number)")] = CardRecord(card: FSRSCard.new(due: now))
        }
        #expect(states.count >= 20_000)
        let limits = QueueLimits(newPerDay: 100_000, reviewsPerDay: 100_000)
        let placed = DailyQueue(
            order: order, states: states, now: now, days: days, limits: limits, studied: StudiedToday())
        var oneByOne = DailyQueue(
            order: order, states: [:], now: now, days: days, limits: limits, studied: StudiedToday())
        for id in states.keys.sorted() { oneByOne.update(id, record: states[id]) }
        #expect(placed == oneByOne)
        #expect(placed.dueCount == oneByOne.dueCount && placed.heldBack == oneByOne.heldBack)
        #expect(placed.nextLearningDue == oneByOne.nextLearningDue)
        // Every kind of list has cards in it.
        #expect(DailyQueue.Segment.allCases.allSatisfy { placed.count($0) > 0 })
    }

    @Test func newCardsComeInCatalogOrderWithinTheLimit() {
        let first = queue([:], at: seoulTime(9))
        #expect(first.newCards == cards.prefix(5).map(\.id))
        #expect(first.newCards.first?.rawValue == "duties/데이터-애널리틱스")
        #expect(queue([:], at: seoulTime(9), studied: StudiedToday(newCards: 3)).newCards.count == 2)
        #expect(queue([:], at: seoulTime(9), studied: StudiedToday(newCards: 9)).newCards.isEmpty)
    }

    @Test func aSimulatedWeekInAnkiOrder() {
        var states: [CardID: CardRecord] = [:]
        var seen: Set<CardID> = []
        for day in 0..<7 {
            var now = seoulTime(day: day, 9)
            var studied = StudiedToday()
            var shown: [CardID] = []
            // Study until the queue is empty, answering Good, a minute per card; wait out learning steps.
            for _ in 0..<500 {
                let current = queue(states, at: now, studied: studied)
                guard let next = current.ordered.first else { break }
                if !current.intradayLearning.isEmpty {
                    #expect(next == current.intradayLearning[0])
                } else if !current.interdayLearning.isEmpty || !current.reviews.isEmpty {
                    #expect(current.newCards.isEmpty || next != current.newCards[0])
                }
                let isNew = states[next] == nil
                if isNew { studied.newCards += 1 } else if states[next]?.card.state == .review { studied.reviews += 1 }
                answer(next, .good, at: now, in: &states)
                seen.insert(next)
                shown.append(next)
                now = now.addingTimeInterval(60)
            }
            #expect(studied.newCards == min(5, cards.count - 5 * day), "day \(day)")
            // Every card studied today has left the queue until a later day.
            let evening = queue(states, at: seoulTime(day: day, 23), studied: studied)
            #expect(evening.dueCount == 0 && evening.learnAhead.isEmpty, "day \(day)")
            #expect(!shown.isEmpty)
        }
        #expect(seen.count == 30)  // 30 cards in the test deck, 5 new a day: all met by the sixth day
        let eighthDay = queue(states, at: seoulTime(day: 7, 9))
        #expect(eighthDay.newCards.isEmpty)
        #expect(!eighthDay.reviews.isEmpty)
    }

    @Test func learningStepsAreIntradayAndLearnAheadComesLast() {
        var states: [CardID: CardRecord] = [:]
        answer(cards[0].id, .good, at: seoulTime(9), in: &states)  // step 1: due in 10 minutes
        let soon = queue(states, at: seoulTime(9, 1), studied: StudiedToday(newCards: 5))
        #expect(soon.intradayLearning.isEmpty)
        #expect(soon.learnAhead == [cards[0].id])
        #expect(soon.ordered == [cards[0].id])
        let due = queue(states, at: seoulTime(9, 10))
        #expect(due.intradayLearning == [cards[0].id])
        #expect(due.ordered.first == cards[0].id)
        #expect(queue(states, at: seoulTime(8, 30)).learnAhead.isEmpty)
    }

    @Test func aStepThatCrossesTheRolloverBecomesADay() {
        var states: [CardID: CardRecord] = [:]
        answer(cards[0].id, .good, at: seoulTime(3, 55), in: &states)  // due 04:05, after the 04:00 rollover
        let after = queue(states, at: seoulTime(4, 6))
        #expect(after.interdayLearning == [cards[0].id])
        #expect(after.intradayLearning.isEmpty)
        #expect(queue(states, at: seoulTime(3, 58)).dueCount == 0)
    }

    @Test func reviewLimitCountsWhatWasStudiedToday() {
        var states: [CardID: CardRecord] = [:]
        for card in cards.prefix(4) {
            states[card.id] = CardRecord(
                card: FSRSCard(
                    state: .review, step: nil, stability: 3, difficulty: 5, due: seoulTime(day: -1, 12),
                    lastReview: seoulTime(day: -4, 12)))
        }
        let limits = QueueLimits(newPerDay: 0, reviewsPerDay: 3)
        #expect(queue(states, at: seoulTime(9), limits: limits).reviews.count == 3)
        #expect(queue(states, at: seoulTime(9), limits: limits, studied: StudiedToday(reviews: 2)).reviews.count == 1)
        #expect(queue(states, at: seoulTime(9), limits: limits, studied: StudiedToday(reviews: 5)).reviews.isEmpty)
    }

    @Test func suspendedAndBuriedCardsAreLeftOut() {
        let overdue = FSRSCard(
            state: .review, step: nil, stability: 3, difficulty: 5, due: seoulTime(day: -1, 12),
            lastReview: seoulTime(day: -4, 12))
        let buryTime = seoulTime(10)
        let states: [CardID: CardRecord] = [
            cards[0].id: CardRecord(card: overdue, suspended: true),
            cards[1].id: CardRecord(card: overdue, buriedUntil: days.nextDayStart(after: buryTime)),
            cards[2].id: CardRecord(card: overdue),
        ]
        let today = queue(states, at: seoulTime(11), limits: QueueLimits(newPerDay: 0))
        #expect(today.reviews == [cards[2].id])
        let tomorrow = queue(states, at: seoulTime(day: 1, 4, 1), limits: QueueLimits(newPerDay: 0))
        #expect(tomorrow.reviews == [cards[1].id, cards[2].id])
    }

    @Test func reviewsAreDueByCalendarDayInTheCurrentTimeZone() throws {
        // Due 2026-12-02 00:30 UTC: 09:30 on Dec 2 in Seoul, 16:30 on Dec 1 in Los Angeles.
        let due = Date(timeIntervalSince1970: 1_796_171_400)
        let card = FSRSCard(
            state: .review, step: nil, stability: 5, difficulty: 5, due: due,
            lastReview: due.addingTimeInterval(-5 * 86_400))
        let now = due.addingTimeInterval(-8.5 * 3600)  // 2026-12-01 16:00 UTC
        let states = [cards[0].id: CardRecord(card: card)]
        let inSeoul = DailyQueue(
            cards: cards, states: states, now: now, days: days, limits: QueueLimits(newPerDay: 0),
            studied: StudiedToday())
        let losAngeles = try #require(TimeZone(identifier: "America/Los_Angeles"))
        let inLA = DailyQueue(
            cards: cards, states: states, now: now, days: .anki(rolloverHour: 4, timeZone: losAngeles),
            limits: QueueLimits(newPerDay: 0), studied: StudiedToday())
        #expect(inSeoul.reviews.isEmpty)  // 01:00 on Dec 2 in Seoul is still Dec 1 before the rollover; due Dec 2
        #expect(inLA.reviews == [cards[0].id])  // 08:00 on Dec 1 in LA; due later that same day
    }

    @Test func theNextDayStartsAtTheRolloverAcrossADSTChange() throws {
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        let convention = DayConvention.anki(rolloverHour: 4, timeZone: newYork)
        // 2026-03-08 01:00 EST, an hour before clocks spring forward; the day began at 04:00 on Mar 7.
        let night = Date(timeIntervalSince1970: 1_772_949_600)
        // The next day starts at 04:00 EDT on Mar 8, which is 08:00 UTC.
        #expect(convention.nextDayStart(after: night) == Date(timeIntervalSince1970: 1_772_956_800))
        let seoulConvention = DayConvention.anki(rolloverHour: 4, timeZone: seoul)
        #expect(seoulConvention.nextDayStart(after: seoulTime(10)) == seoulTime(day: 1, 4))
    }

    @Test func siblingsShareAFact() throws {
        let all = DeckGenerator(catalog: try Fixture.shipped()).decks().flatMap(\.cards)
        let cloze = try #require(all.first { $0.id.rawValue == "cloze/로보틱스-엔지니어/센서-통합" })
        let dutyRole = try #require(all.first { $0.id.rawValue == "duty-role/로보틱스-엔지니어/센서-통합" })
        let other = try #require(all.first { $0.id.rawValue == "cloze/로보틱스-엔지니어/자동화-솔루션-구현" })
        #expect(cloze.factKey == dutyRole.factKey)
        #expect(cloze.factKey != other.factKey)
    }
}
