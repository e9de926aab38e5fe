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
    private var facts = FactGroups()

    /// Starts building the indexes of `decks`, whose cards `order` puts in order.
    init(decks: [Deck], order: CardOrder) {
        group.enter()
        DispatchQueue.global().async { [self] in
            builtJudge = ReplyJudge(decks: decks)
            facts = FactGroups(decks: decks, order: order)
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
        return facts.places(ofFactAt: place)
    }
}
