/// Cards in the order new ones are introduced, each found by its id: built once per session and
/// shared by its queues (a hundred thousand ids hashed once, not per queue).
public struct CardOrder: Sendable {
    /// The ids, in catalog order, each once.
    public let ids: [CardID]
    /// Each id's place in `ids`.
    public let positions: [CardID: Int32]
    /// For each place in `ids`, where that card is in the cards the order was made from.
    public let sourceIndices: [Int32]

    /// The order of `cards`; a repeated id keeps its first place.
    public init(_ cards: [Card]) {
        var ids: [CardID] = []
        var positions: [CardID: Int32] = [:]
        var sourceIndices: [Int32] = []
        ids.reserveCapacity(cards.count)
        positions.reserveCapacity(cards.count)
        sourceIndices.reserveCapacity(cards.count)
        for index in cards.indices where positions[cards[index].id] == nil {
            positions[cards[index].id] = Int32(ids.count)
            ids.append(cards[index].id)
            sourceIndices.append(Int32(index))
        }
        self.ids = ids
        self.positions = positions
        self.sourceIndices = sourceIndices
    }
}
