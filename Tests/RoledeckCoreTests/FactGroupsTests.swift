import Foundation
import Testing

@testable import RoledeckCore

@Suite struct FactGroupsTests {
    /// Every card's group is the cards whose fact is its fact (as String equality tells facts apart),
    /// in order, on the decks of five catalogs.
    @Test func eachCardsGroupIsTheCardsWithItsFactInOrder() throws {
        for catalog in JudgeCorpus.catalogs {
            let decks = DeckGenerator(catalog: try Catalog.load(from: JudgeCorpus.catalogURL(catalog))).decks()
            let order = CardOrder(decks: decks)
            let facts = FactGroups(decks: decks, order: order)
            let keys = order.ids.indices.map { place in
                let source = order.source(ofPlace: place)
                return decks[source.deck].cards[source.card].factKey
            }
            var byFact: [String: [Int32]] = [:]
            for (place, key) in keys.enumerated() { byFact[key, default: []].append(Int32(place)) }
            for place in keys.indices {
                #expect(Array(facts.places(ofFactAt: place)) == byFact[keys[place]], "\(catalog) \(keys[place])")
            }
            #expect(byFact.values.contains { $0.count > 1 }, "\(catalog)")
            #expect(facts.places(ofFactAt: keys.count).isEmpty && FactGroups().places(ofFactAt: 0).isEmpty)
        }
    }
}
