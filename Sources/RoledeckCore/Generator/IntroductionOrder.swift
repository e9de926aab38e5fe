/// The order in which new cards are introduced, derived from the catalog's taxonomy.
///
/// 1. Roles are met in turn across domains: the first role of each domain, then the second of each,
///    and so on (`데이터 애널리틱스`, `머신 러닝 엔지니어`, `AI 개발자`, …).
/// 2. A new role joins the rotation every `spacing` cards, as the next to take its turn (the rotation
///    then carries on where it was), so a day's new cards touch several roles and domains evenly, and
///    each role is met through its basic cards first (its duties, its stack, its domain).
/// 3. The roles in rotation take turns, each showing its next card that is ready: a card that names
///    other roles or shows their items (wrong options, contrasts, "which role lists…") is ready once
///    the basic cards of every role it names have been shown, and a card about the same fact as one
///    shown fewer than `siblingGap` cards before waits while another card is ready.
/// The same catalog always gives the same order.
public struct IntroductionOrder {
    /// How many cards are shown between two new roles joining.
    var spacing = 2
    /// How many cards come between two about the same fact (`stack-cloze/…/tableau` and
    /// `true-false/…/tableau`), when another card is ready: about a day's new cards.
    var siblingGap = 20

    /// Cards in the order they are introduced: by rank, then cards without one (the learner's own)
    /// in the order given. Sorting is stable, so decks keep their own order within a rank.
    public static func sorted(_ cards: [Card]) -> [Card] {
        order(ofRanks: cards.map(\.rank)).map { cards[$0] }
    }

    /// The places of cards with these ranks, in the order `sorted` puts the cards (so a large
    /// collection is put in order without copying its cards).
    public static func order(ofRanks ranks: [Int?]) -> [Int] {
        // Usually every rank and place fits in 32 bits: each card's rank and place then make one
        // 64-bit key (no rank sorts after every rank), and the keys are sorted as plain integers.
        let noRank = UInt64(UInt32.max)
        guard ranks.count < Int(UInt32.max), ranks.allSatisfy({ $0.map { (0..<Int(UInt32.max)).contains($0) } ?? true })
        else {
            return ranks.indices.sorted { (ranks[$0] ?? Int.max, $0) < (ranks[$1] ?? Int.max, $1) }
        }
        var keys = [UInt64](unsafeUninitializedCapacity: ranks.count) { buffer, initialized in
            for (place, rank) in ranks.enumerated() {
                buffer[place] = (rank.map { UInt64($0) } ?? noRank) << 32 | UInt64(place)
            }
            initialized = ranks.count
        }
        keys.sort()
        return keys.map { Int($0 & 0xFFFF_FFFF) }
    }

    /// The drafts in the order they are introduced.
    func arrange(_ drafts: [Draft], roleCount: Int, domainOf: [Int]) -> [Draft] {
        var queues = [[Int]](repeating: [], count: roleCount)
        for (position, draft) in drafts.enumerated() where draft.anchor < roleCount {
            queues[draft.anchor].append(position)
        }
        var basicsLeft = [Int](repeating: 0, count: roleCount)
        for draft in drafts where draft.basic && draft.anchor < roleCount { basicsLeft[draft.anchor] += 1 }
        // Basic cards first in each role's queue, in their own order.
        for role in queues.indices {
            let (basic, rest) = queues[role].reduce(into: ([Int](), [Int]())) { split, position in
                if drafts[position].basic { split.0.append(position) } else { split.1.append(position) }
            }
            queues[role] = basic + rest
        }

        let sequence = Self.roleSequence(roleCount: roleCount, domainOf: domainOf)
        var introduced = Set(queues.indices.filter { basicsLeft[$0] == 0 })
        var active: [Int] = []
        var next = 0
        var sinceJoin = 0
        var turn = 0
        var order: [Int] = []
        order.reserveCapacity(drafts.count)

        var lastOfFact: [String: Int] = [:]
        var gap = siblingGap
        func ready(_ position: Int) -> Bool {
            let draft = drafts[position]
            if draft.basic { return true }
            guard draft.names.subtracting([draft.anchor]).isSubset(of: introduced) else { return false }
            return lastOfFact[draft.card.factKey].map { order.count - $0 >= gap } ?? true
        }

        while order.count < drafts.count {
            if next < sequence.count && (active.isEmpty || sinceJoin >= spacing) {
                // The new role goes next, and the rotation then carries on where it was: the roles that
                // joined first do not take every other turn.
                turn = active.isEmpty ? 0 : turn % active.count
                active.insert(sequence[next], at: turn)
                next += 1
                sinceJoin = 0
            }
            var emitted = false
            for step in 0..<active.count {
                let role = active[(turn + step) % active.count]
                guard let slot = queues[role].firstIndex(where: ready) else { continue }
                let position = queues[role].remove(at: slot)
                lastOfFact[drafts[position].card.factKey] = order.count
                order.append(position)
                gap = siblingGap
                if drafts[position].basic {
                    basicsLeft[role] -= 1
                    if basicsLeft[role] == 0 { introduced.insert(role) }
                }
                turn = (turn + step + 1) % active.count
                sinceJoin += 1
                emitted = true
                break
            }
            if emitted { continue }
            if next < sequence.count {
                sinceJoin = spacing
                continue
            }
            // Every role left waits only for a sibling's gap: close it rather than stop.
            if gap > 0 {
                gap = 0
                continue
            }
            // Nothing is ready and every role has joined: what is left names roles without basic cards.
            for role in active { order += queues[role] }
            queues = queues.map { _ in [] }
            break
        }
        return order.map { drafts[$0] }
    }

    /// Roles round-robin over domains: the first of each domain, then the second of each, …
    static func roleSequence(roleCount: Int, domainOf: [Int]) -> [Int] {
        var byDomain: [Int: [Int]] = [:]
        for role in 0..<roleCount { byDomain[domainOf[role], default: []].append(role) }
        let domains = byDomain.keys.sorted()
        var sequence: [Int] = []
        var depth = 0
        while sequence.count < roleCount {
            for domain in domains where depth < byDomain[domain]?.count ?? 0 {
                if let role = byDomain[domain]?[depth] { sequence.append(role) }
            }
            depth += 1
        }
        return sequence
    }
}
