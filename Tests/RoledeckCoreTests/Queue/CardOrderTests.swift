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
