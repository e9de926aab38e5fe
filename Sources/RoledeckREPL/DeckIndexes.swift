import Foundation
import RoledeckCore

/// What a session looks up across every card of the decks: the judge, which knows every name the
/// decks use, and the cards about each fact (siblings, `Card.factKey`).
///
/// Both are built on a thread of their own from the moment this is made, so the first card of a
/// large collection is shown without waiting for them; asking for either waits until they are
/// built. What they hold never depends on when they are asked for.
final class DeckIndexes: @unchecked Sendable {
    private let group = DispatchGroup()
    private var builtJudge = ReplyJudge()
    /// For each place in the order, its fact's number.
    private var factOfPlace: [Int32] = []
    /// The places, grouped by fact (in order within a fact); fact `f` is `places[factStarts[f]..<factStarts[f + 1]]`.
    private var placesByFact: [Int32] = []
    private var factStarts: [Int32] = []

    /// Starts building the indexes of `decks`, whose cards `order` puts in order.
    init(decks: [Deck], order: CardOrder) {
        group.enter()
        DispatchQueue.global().async { [self] in
            builtJudge = ReplyJudge(decks: decks)
            groupFacts(decks: decks, order: order)
            group.leave()
        }
    }

    /// The judge (waits until it is built).
    var judge: ReplyJudge {
        group.wait()
        return builtJudge
    }

    /// The places in the order of the cards about the same fact as the card at `place`, itself included
    /// (waits until they are grouped).
    func placesOfFact(atPlace place: Int) -> ArraySlice<Int32> {
        group.wait()
        guard factOfPlace.indices.contains(place) else { return [] }
        let fact = Int(factOfPlace[place])
        return placesByFact[Int(factStarts[fact])..<Int(factStarts[fact + 1])]
    }

    private func groupFacts(decks: [Deck], order: CardOrder) {
        var numbers: [String: Int32] = [:]
        var factOf: [Int32] = []
        factOf.reserveCapacity(order.ids.count)
        for place in order.ids.indices {
            let source = order.source(ofPlace: place)
            let key = decks[source.deck].cards[source.card].factKey
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
        placesByFact = places
        factStarts = starts
    }
}
