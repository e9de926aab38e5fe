/// Cards in the order new ones are introduced, each found by its id: built once per session and
/// shared by its queues (a hundred thousand ids hashed once, not per queue).
public struct CardOrder: Sendable {
    /// The ids, in catalog order, each once.
    public let ids: [CardID]
    /// Each id's place in `ids`.
    public let positions: CardPositions
    /// For each place in `ids`, where that card is in the cards the order was made from (for decks:
    /// their cards counted one deck after another, see `deckStarts`).
    public let sourceIndices: [Int32]
    /// For an order made from decks, where each deck's cards start in that count.
    public let deckStarts: [Int]

    /// The order of `cards`, taken as given; a repeated id keeps its first place.
    public init(_ cards: [Card]) {
        self.init(count: cards.count, deckStarts: [0], order: Array(cards.indices)) { cards[$0].id }
    }

    /// Every card of `decks` in the order `IntroductionOrder` introduces them, without copying a card;
    /// a repeated id keeps its first place.
    public init(decks: [Deck]) {
        var ranks: [Int?] = []
        var starts: [Int] = []
        for deck in decks {
            starts.append(ranks.count)
            for card in deck.cards { ranks.append(card.rank) }
        }
        var deckOf: [Int32] = []
        deckOf.reserveCapacity(ranks.count)
        for (number, deck) in decks.enumerated() { deckOf += repeatElement(Int32(number), count: deck.cards.count) }
        let deckNumbers = deckOf
        let deckStarts = starts
        self.init(count: ranks.count, deckStarts: starts, order: IntroductionOrder.order(ofRanks: ranks)) { index in
            let deck = Int(deckNumbers[index])
            return decks[deck].cards[index - deckStarts[deck]].id
        }
    }

    private init(count: Int, deckStarts: [Int], order: [Int], id: @Sendable (Int) -> CardID) {
        // The ids in order with their hashes: reading each card's id is a trip to memory, so a large
        // collection is read in two halves side by side.
        let pieces = order.count >= 20_000 ? 2 : 1
        let bounds = (0...pieces).map { order.count * $0 / pieces }
        let read = SideBySide.map(pieces) { piece in
            var ids: [CardID] = []
            var hashes: [UInt64] = []
            ids.reserveCapacity(bounds[piece + 1] - bounds[piece])
            hashes.reserveCapacity(bounds[piece + 1] - bounds[piece])
            for index in order[bounds[piece]..<bounds[piece + 1]] {
                let cardID = id(index)
                ids.append(cardID)
                hashes.append(CardPositions.hash(cardID))
            }
            return (ids, hashes)
        }
        let listed = read.flatMap(\.0)
        let firstPlaces = CardPositions(listed, hashes: read.flatMap(\.1))
        // Almost always no id is repeated, and the list and its places are the order's.
        guard !firstPlaces.repeatedPlaces.isEmpty else {
            self.ids = listed
            self.positions = firstPlaces
            self.sourceIndices = order.map { Int32($0) }
            self.deckStarts = deckStarts
            return
        }
        let repeated = Set(firstPlaces.repeatedPlaces)
        var ids: [CardID] = []
        var sourceIndices: [Int32] = []
        ids.reserveCapacity(count)
        sourceIndices.reserveCapacity(count)
        for (place, index) in order.enumerated() where !repeated.contains(Int32(place)) {
            ids.append(listed[place])
            sourceIndices.append(Int32(index))
        }
        self.positions = CardPositions(ids)
        self.ids = ids
        self.sourceIndices = sourceIndices
        self.deckStarts = deckStarts
    }

    /// The deck and the index in its cards of the card at `place` in `ids`, for an order made from decks.
    public func source(ofPlace place: Int) -> (deck: Int, card: Int) {
        let index = Int(sourceIndices[place])
        var low = 0
        var high = deckStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if deckStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low, index - deckStarts[low])
    }
}
