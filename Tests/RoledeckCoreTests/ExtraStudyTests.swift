import Foundation
import RoledeckCore
import Testing

@Suite("Reviewing ahead and cramming")
struct ExtraStudyTests {
    let seoul = TimeZone(identifier: "Asia/Seoul")!
    let cards: [Card]
    let days: DayConvention
    /// 2026-12-01 10:00 in Seoul.
    let now = Date(timeIntervalSince1970: 1_796_086_800)

    init() throws {
        let decks = DeckGenerator(catalog: try Fixture.shipped()).decks()
        cards = Array(decks[0].cards.prefix(6)) + Array(decks[1].cards.prefix(2))
        days = .anki(rolloverHour: 4, timeZone: seoul)
    }

    func review(dueInDays offset: Double, state: CardState = .review) -> CardRecord {
        let due = now.addingTimeInterval(offset * 86_400)
        return CardRecord(
            card: FSRSCard(
                state: state, stability: 5, difficulty: 5, due: due, lastReview: now.addingTimeInterval(-86_400)))
    }

    @Test func aheadTakesTheReviewsOfTheNextDaysSoonestFirst() {
        var states: [CardID: CardRecord] = [
            cards[0].id: review(dueInDays: 3), cards[1].id: review(dueInDays: 1), cards[2].id: review(dueInDays: 0),
            cards[3].id: review(dueInDays: 1, state: .learning), cards[4].id: review(dueInDays: 8),
        ]
        states[cards[5].id] = review(dueInDays: 2)
        states[cards[5].id]?.suspended = true
        // Today's card belongs to the daily review; a learning card and a suspended one are not reviewed ahead.
        #expect(ExtraStudy.ahead(days: 1).cards(cards, states: states, now: now, days: days) == [cards[1].id])
        #expect(
            ExtraStudy.ahead(days: 7).cards(cards, states: states, now: now, days: days) == [cards[1].id, cards[0].id])
        #expect(ExtraStudy.ahead(days: 7).mode == .ahead)
    }

    @Test func cramTakesEveryMetCardOfTheDeckNotDueToday() {
        var states: [CardID: CardRecord] = [
            cards[0].id: review(dueInDays: 30), cards[1].id: review(dueInDays: 0),
            cards[2].id: review(dueInDays: 1, state: .learning), cards[6].id: review(dueInDays: 4),
        ]
        states[cards[3].id] = review(dueInDays: 2)
        states[cards[3].id]?.buriedUntil = now.addingTimeInterval(3600)
        let domain = cards[0].domain
        #expect(
            ExtraStudy.cram(domain).cards(cards, states: states, now: now, days: days) == [cards[2].id, cards[0].id])
        #expect(ExtraStudy.cram(domain).mode == .cram)
    }

    @Test func theModeIsWrittenAndReadBackByBothCodecs() throws {
        let line = LogRecord.review(
            cardID: cards[0].id, at: now, rating: .good, before: nil, after: FSRSCard.new(due: now), mode: .cram)
        let data = try JSONEncoder().encode(line)
        #expect(try JSONDecoder().decode(LogRecord.self, from: data).mode == .cram)
        // The log's own writer and its fast reader.
        let written = ReviewLogFile.encodeLine(line)
        #expect(String(decoding: written, as: UTF8.self).contains("\"mode\":\"cram\""))
        #expect(try ReviewLogFile.decode(written).records.map(\.mode) == [.cram])
        let plain = LogRecord.review(cardID: cards[0].id, at: now, rating: .good, before: nil, after: .new(due: now))
        #expect(!String(decoding: try JSONEncoder().encode(plain), as: UTF8.self).contains("mode"))
    }
}
