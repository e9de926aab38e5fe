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

@Suite struct IntroductionOrderTests {
    /// The order of ranks is the stable sort by rank with unranked cards last, for seeded ranks that
    /// fit the packed keys and ranks that do not (negative, past 32 bits, the extremes).
    @Test func theOrderOfRanksIsTheStableSortByRank() {
        var rng = SeededGenerator(seed: 5)
        let odd: [Int?] = [-1, Int.min, Int.max, 1 << 32, Int(UInt32.max), Int(UInt32.max) - 1]
        for count in [0, 1, 2, 3, 50, 1000, 20_000] {
            for withOdd in [false, true] {
                var ranks: [Int?] = (0..<count).map { _ in
                    Int.random(in: 0..<10, using: &rng) == 0 ? nil : Int.random(in: 0..<count / 2 + 3, using: &rng)
                }
                if withOdd, count > 0 {
                    for rank in odd { ranks[Int.random(in: 0..<count, using: &rng)] = rank }
                } else if count > 0 {
                    // The largest rank a packed key holds.
                    ranks[Int.random(in: 0..<count, using: &rng)] = Int(UInt32.max) - 1
                }
                let expected = ranks.indices.sorted { (ranks[$0] ?? Int.max, $0) < (ranks[$1] ?? Int.max, $1) }
                #expect(IntroductionOrder.order(ofRanks: ranks) == expected)
            }
        }
    }

    /// Cards repeated across decks keep their first place, and every other card keeps its own.
    @Test func anOrderWithRepeatsKeepsFirstPlaces() throws {
        let decks = DeckGenerator(catalog: try Fixture.shipped()).decks()
        let cards = decks.flatMap(\.cards)
        let picks = (0..<300).map { ($0 * 7) % cards.count }
        let order = CardOrder(picks.map { cards[$0] })
        var seen: Set<CardID> = []
        var expected: [(CardID, Int32)] = []
        for (index, pick) in picks.enumerated() where seen.insert(cards[pick].id).inserted {
            expected.append((cards[pick].id, Int32(index)))
        }
        #expect(order.ids == expected.map(\.0) && order.sourceIndices == expected.map(\.1))
        for (place, id) in order.ids.enumerated() { #expect(order.positions[id] == Int32(place)) }
    }
}

extension IntroductionOrderTests {
    /// A collection read in two halves side by side (30,000 cards over three decks, ranked and not, some
    /// ids repeated across the halves) is put in the order the plain rule gives.
    @Test func aLargeCollectionIsOrderedAsThePlainRuleOrdersIt() throws {
        var rng = SeededGenerator(seed: 29)
        let template = DeckGenerator(catalog: try Fixture.shipped()).decks()[0]
        let decks = (0..<3).map { number in
            var deck = template
            deck.cards = (0..<10_000).map { index in
                var card = template.cards[index % template.cards.count]
                let repeated = Int.random(in: 0..<20, using: &rng) == 0
                card.id = CardID(
                    rawValue: "stack/역할/\(repeated ? Int.random(in: 0..<500, using: &rng) : number * 10_000 + index)")
                card.rank = Int.random(in: 0..<8, using: &rng) == 0 ? nil : Int.random(in: 0..<40_000, using: &rng)
                return card
            }
            return deck
        }
        let order = CardOrder(decks: decks)
        let cards = decks.flatMap(\.cards)
        var seen: Set<CardID> = []
        var expected: [(CardID, Int32)] = []
        for index in IntroductionOrder.order(ofRanks: cards.map(\.rank)) where seen.insert(cards[index].id).inserted {
            expected.append((cards[index].id, Int32(index)))
        }
        #expect(expected.count < cards.count)
        #expect(order.ids == expected.map(\.0) && order.sourceIndices == expected.map(\.1))
        for (place, id) in order.ids.enumerated() {
            #expect(order.positions[id] == Int32(place))
            let source = order.source(ofPlace: place)
            #expect(decks[source.deck].cards[source.card].id == id)
        }
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
            #expect(
                positions.repeatedPlaces
                    == ids.indices.filter { first[ids[$0].rawValue] != Int32($0) }.map { Int32($0) })
            for _ in 0..<200 {
                let other = CardID(
                    rawValue: "?" + pieces.randomElement(using: &rng)! + String(Int.random(in: 0..<9, using: &rng)))
                #expect(positions[other] == nil)
            }
        }
    }
}
