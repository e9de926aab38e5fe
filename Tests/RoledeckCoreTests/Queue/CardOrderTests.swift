import Foundation
import Testing

@testable import RoledeckCore

/// `CardOrder` puts the cards of several decks in their introduction order and finds each id's place.
@Suite struct CardOrderTests {
    @Test func anOrderOfDecksIsTheIntroductionOrderOfTheirCards() throws {
        let decks = DeckGenerator(catalog: try Fixture.shipped()).decks()
        let order = CardOrder(decks: decks)
        let sorted = IntroductionOrder.sorted(decks.flatMap(\.cards))
        #expect(order.ids == sorted.map(\.id))
        for (place, id) in order.ids.enumerated() {
            #expect(order.positions[id] == Int32(place))
            let source = order.source(ofPlace: place)
            #expect(decks[source.deck].cards[source.card].id == id)
        }
        #expect(order.positions[CardID(rawValue: "no/such-card")] == nil)
        // A repeated id keeps its first place.
        let card = decks[0].cards[0]
        let repeated = CardOrder([card, decks[1].cards[0], card])
        #expect(repeated.ids == [card.id, decks[1].cards[0].id])
        #expect(repeated.positions[card.id] == 0 && repeated.sourceIndices == [0, 1])
    }
}

@Suite struct CardPositionsTests {
    /// Every id is found at its first place, and ids not listed are not found: Hangul, ASCII, the empty
    /// id, ids that are prefixes of each other, and repeats, in seeded lists of many lengths.
    @Test func eachIdIsFoundAtItsFirstPlaceAndNoOtherIsFound() {
        var rng = SeededGenerator(seed: 41)
        let pieces = ["", "a", "데이터", "엔지니어", "/", "cloze", "-", "é", "😀", "x1"]
        for count in [0, 1, 2, 7, 100, 3000] {
            let ids = (0..<count).map { _ in
                CardID(
                    rawValue: (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                        .joined())
            }
            let positions = CardPositions(ids)
            var first: [String: Int32] = [:]
            for (place, id) in ids.enumerated() where first[id.rawValue] == nil { first[id.rawValue] = Int32(place) }
            for id in ids { #expect(positions[id] == first[id.rawValue]) }
            for _ in 0..<200 {
                let other = CardID(
                    rawValue: "?" + pieces.randomElement(using: &rng)! + String(Int.random(in: 0..<9, using: &rng)))
                #expect(positions[other] == nil)
            }
        }
    }
}
