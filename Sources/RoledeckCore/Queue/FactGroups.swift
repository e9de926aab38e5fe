/// The cards about each fact (`Card.factKey`): siblings, which a session keeps apart.
///
/// Built once over every card of the decks, in the places `CardOrder` gives them: for each place, its
/// fact's number, and the places grouped by fact, in order within a fact.
public struct FactGroups: Sendable {
    /// For each place in the order, its fact's number.
    private let factOfPlace: [Int32]
    /// The places, grouped by fact; fact `f` is `places[starts[f]..<starts[f + 1]]`.
    private let places: [Int32]
    private let starts: [Int32]

    /// No cards.
    public init() {
        factOfPlace = []
        places = []
        starts = [0]
    }

    /// The facts of the cards of `decks`, at the places `order` gives them.
    public init(decks: [Deck], order: CardOrder) {
        // Facts are told apart by their NFC bytes, as String's equality tells them apart, without its
        // Unicode-aware hashing and comparison (slow for Hangul, and 100,000 cards ask).
        var numbers: [UTF8Key: Int32] = [:]
        var factOf: [Int32] = []
        factOf.reserveCapacity(order.ids.count)
        for place in order.ids.indices {
            let source = order.source(ofPlace: place)
            let key = UTF8Key(decks[source.deck].cards[source.card].factKey.nfc)
            if let number = numbers[key] {
                factOf.append(number)
            } else {
                let number = Int32(numbers.count)
                numbers[key] = number
                factOf.append(number)
            }
        }
        var starts = [Int32](repeating: 0, count: numbers.count + 1)
        for fact in factOf { starts[Int(fact) + 1] += 1 }
        for fact in 0..<numbers.count { starts[fact + 1] += starts[fact] }
        var next = starts
        var places = [Int32](repeating: 0, count: factOf.count)
        for (place, fact) in factOf.enumerated() {
            places[Int(next[Int(fact)])] = Int32(place)
            next[Int(fact)] += 1
        }
        factOfPlace = factOf
        self.places = places
        self.starts = starts
    }

    /// The places of the cards about the same fact as the card at `place`, itself included.
    public func places(ofFactAt place: Int) -> ArraySlice<Int32> {
        guard factOfPlace.indices.contains(place) else { return [] }
        let fact = Int(factOfPlace[place])
        return places[Int(starts[fact])..<Int(starts[fact + 1])]
    }
}
