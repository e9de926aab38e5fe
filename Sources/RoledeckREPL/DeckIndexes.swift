import Foundation
import RoledeckCore

/// What a session looks up across every card of the decks: the judge, which knows every name the
/// decks use, and the cards about each fact (siblings, `Card.factKey`).
///
/// Both are built on a thread of their own once `start()` is called (a session calls it when its
/// first queue is built, so that the queue has both cores), so the first card of a large collection
/// is shown without waiting for them; asking for either starts them if need be and waits until they
/// are built. What they hold never depends on when they are asked for.
final class DeckIndexes: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var started = false
    private let decks: [Deck]
    private let order: CardOrder
    private var builtJudge = ReplyJudge()
    private var facts = FactGroups()

    /// Indexes of `decks`, whose cards `order` puts in order, not built yet.
    init(decks: [Deck], order: CardOrder) {
        self.decks = decks
        self.order = order
    }

    /// Starts building the indexes on another thread, once: later calls do nothing.
    func start() {
        lock.lock()
        defer { lock.unlock() }
        guard !started else { return }
        started = true
        group.enter()
        DispatchQueue.global().async { [self] in
            builtJudge = ReplyJudge(decks: decks)
            facts = FactGroups(decks: decks, order: order)
            group.leave()
        }
    }

    /// The judge (waits until it is built).
    var judge: ReplyJudge {
        start()
        group.wait()
        return builtJudge
    }

    /// The places in the order of the cards about the same fact as the card at `place`, itself included
    /// (waits until they are grouped).
    func placesOfFact(atPlace place: Int) -> ArraySlice<Int32> {
        start()
        group.wait()
        return facts.places(ofFactAt: place)
    }
}
