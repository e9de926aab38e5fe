/// What a catalog edit does to the decks in place, worked out before anything is written: which
/// cards are new, changed or gone, and which keep their id (so their review history) though the
/// wording their id was built from changed. `generate` prints it, and writes `decks`.
///
/// A generated card is the card in place when
/// 1. it has the same id and asks about the same fact (its `fact` text is the same or a small edit);
/// 2. its role was renamed (same domain, a small edit of the name that pairs the two roles and no
///    others) and the id is the old one with the new role key;
/// 3. its fact was reworded: same kind, same role (renamed or not) and same place in the role
///    (`CardFact`), and a small edit of the fact's text.
///
/// A card matched by 2 or 3 keeps the id in place; a new card whose id a card in place has (for
/// another fact) gets `~2`, `~3`, …, so no id ever names two facts and none depends on wording alone.
/// A card in place that nothing matches is removed from the decks; its history stays in the log.
public struct CatalogEdit: Sendable {
    /// Why a card kept an id its new wording would not give it.
    public enum Reason: Equatable, Sendable {
        /// The role was renamed (same domain, same place).
        case roleRenamed(from: String, to: String)
        /// The fact was reworded (same role, same place).
        case reworded(from: String, to: String)
    }

    /// A card that keeps its id and history through a rename or a rewording.
    public struct Carried: Equatable, Sendable {
        /// The card as written, with the id it keeps.
        public var card: Card
        /// The id its new wording would have given it.
        public var wordingID: CardID
        public var reasons: [Reason]
    }

    /// A card that keeps its id and history and asks something a little different.
    public struct Changed: Equatable, Sendable {
        public var old: Card
        public var new: Card
    }

    /// The decks to write: the generated ones with the ids kept.
    public private(set) var decks: [Deck]
    public private(set) var added: [Card] = []
    public private(set) var changed: [Changed] = []
    public private(set) var carried: [Carried] = []
    /// Cards in place that the catalog no longer makes.
    public private(set) var removed: [Card] = []
    /// Cards that are the same as in place.
    public private(set) var unchanged = 0

    /// True when writing `decks` changes no card.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && carried.isEmpty && removed.isEmpty }

    /// Compares the `generated` decks with the decks `inPlace` (the learner's own decks are left out).
    public init(inPlace: [Deck], generated: [Deck]) {
        let oldDecks = inPlace.filter { !$0.isOwn }
        let oldCards = oldDecks.flatMap(\.cards)
        var oldByID: [CardID: Card] = [:]
        for card in oldCards where oldByID[card.id] == nil { oldByID[card.id] = card }
        let renames = Self.roleRenames(old: oldDecks, new: generated)
        // Role keys renamed now, and those renamed before that cards in place still carry in their ids.
        let renameMap = renames.mapValues(\.new.key).merging(Self.keptRoleKeys(oldCards)) { now, _ in now }

        var finalID: [Int: CardID] = [:]  // by index of the generated card
        var reasons: [Int: [Reason]] = [:]
        var matchedOld: [Int: Card] = [:]
        var usedOld: Set<CardID> = []
        let newCards = generated.flatMap(\.cards)
        func match(_ index: Int, _ old: Card, _ why: [Reason]) {
            finalID[index] = old.id
            matchedOld[index] = old
            usedOld.insert(old.id)
            if !why.isEmpty { reasons[index] = why }
        }
        // 1. The same id, about the same fact.
        for (index, card) in newCards.enumerated() {
            if let old = oldByID[card.id], Self.sameFact(old, card) { match(index, old, []) }
        }
        // 2. A renamed role: the old id with the new role key.
        var byMappedID: [CardID: Card] = [:]
        for card in oldCards where !usedOld.contains(card.id) {
            let mapped = Self.mapped(card.id, kind: card.kind, renames: renameMap)
            if mapped != card.id { byMappedID[mapped] = card }
        }
        for (index, card) in newCards.enumerated() where finalID[index] == nil {
            guard let old = byMappedID[card.id], !usedOld.contains(old.id), Self.sameFact(old, card) else { continue }
            match(index, old, Self.renameReasons(old, renames: renames))
        }
        // 3. A reworded fact: same kind, role and place.
        var bySlot: [String: Card] = [:]
        for card in oldCards where !usedOld.contains(card.id) {
            if let slot = Self.slot(card, renames: renameMap) { bySlot[slot] = card }
        }
        for (index, card) in newCards.enumerated() where finalID[index] == nil {
            guard let slot = Self.slot(card, renames: [:]), let old = bySlot[slot], !usedOld.contains(old.id),
                let oldFact = CardFact(old.fact), let newFact = CardFact(card.fact),
                Self.isSmallEdit(oldFact.text, newFact.text)
            else { continue }
            var why = Self.renameReasons(old, renames: renames)
            if oldFact.text != newFact.text { why.append(.reworded(from: oldFact.text, to: newFact.text)) }
            match(index, old, why)
        }
        // 4. New cards: their own id, unless a card in place has it.
        var taken = Set(oldByID.keys).union(finalID.values)
        for (index, card) in newCards.enumerated() where finalID[index] == nil {
            var id = card.id
            var suffix = 2
            while taken.contains(id) {
                id = CardID(rawValue: "\(card.id.rawValue)~\(suffix)")
                suffix += 1
            }
            taken.insert(id)
            finalID[index] = id
        }

        var position = 0
        var written: [Deck] = []
        for var deck in generated {
            for cardIndex in deck.cards.indices {
                let index = position + cardIndex
                let wordingID = deck.cards[cardIndex].id
                deck.cards[cardIndex].id = finalID[index] ?? wordingID
                let card = deck.cards[cardIndex]
                if let old = matchedOld[index] {
                    if let why = reasons[index] {
                        carried.append(Carried(card: card, wordingID: wordingID, reasons: why))
                    } else if Self.asksTheSame(old, card) {
                        unchanged += 1
                    } else {
                        changed.append(Changed(old: old, new: card))
                    }
                } else {
                    added.append(card)
                }
            }
            position += deck.cards.count
            written.append(deck)
        }
        decks = written
        // Only the domains generated now: decks of other domains are not being rewritten.
        let domains = Set(generated.map(\.domain.key))
        removed = oldCards.filter { !usedOld.contains($0.id) && domains.contains($0.domain) }
    }

    /// Whether `a` can be `b` reworded: they differ by at most 2 letters, or 40% of the longer
    /// (compared as answers are: spacing, case and punctuation aside).
    public static func isSmallEdit(_ a: String, _ b: String) -> Bool {
        let left = Array(AnswerText.folded(a))
        let right = Array(AnswerText.folded(b))
        let allowed = max(2, Int(Double(max(left.count, right.count)) * 0.4))
        return EditDistance.between(left, right) <= allowed
    }

    /// Roles renamed in place: same domain, a key only one side has, and a small edit of the name
    /// that pairs the two and no other; by old key.
    static func roleRenames(old: [Deck], new: [Deck]) -> [RoleKey: (old: DeckRole, new: DeckRole)] {
        var renames: [RoleKey: (old: DeckRole, new: DeckRole)] = [:]
        for deck in new {
            guard let before = old.first(where: { $0.domain.key == deck.domain.key }) else { continue }
            let oldKeys = Set(before.domain.roles.map(\.key))
            let newKeys = Set(deck.domain.roles.map(\.key))
            let gone = before.domain.roles.filter { !newKeys.contains($0.key) }
            let came = deck.domain.roles.filter { !oldKeys.contains($0.key) }
            for was in gone {
                let near = came.filter { isSmallEdit(was.name, $0.name) }
                guard near.count == 1, let now = near.first,
                    gone.filter({ isSmallEdit($0.name, now.name) }).count == 1
                else { continue }
                renames[was.key] = (was, now)
            }
        }
        return renames
    }

    /// The role keys that ids of cards in place were built from, where a rename since left the card's
    /// role another key (the card kept its id): old key → the role's key now.
    static func keptRoleKeys(_ cards: [Card]) -> [RoleKey: RoleKey] {
        var keys: [RoleKey: RoleKey] = [:]
        for card in cards where card.kind != .stackRole && card.kind != .domainRoles {
            let parts = card.id.rawValue.split(separator: "/")
            guard parts.count >= 2, let role = card.role, parts[1] != role.rawValue else { continue }
            keys[RoleKey(rawValue: String(parts[1]))] = role
        }
        return keys
    }

    /// `id` with the role keys it is built from renamed (the roles of a contrast too).
    static func mapped(_ id: CardID, kind: CardKind, renames: [RoleKey: RoleKey]) -> CardID {
        guard !renames.isEmpty, kind != .stackRole, kind != .domainRoles else { return id }
        var parts = id.rawValue.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let roleParts = kind == .contrast ? [1, 2] : [1]
        for index in roleParts where index < parts.count {
            if let key = renames[RoleKey(rawValue: parts[index])] { parts[index] = key.rawValue }
        }
        return CardID(rawValue: parts.joined(separator: "/"))
    }

    /// The place a card's fact has: kind, the id without its last key (roles renamed), and the fact's
    /// role and place; nil for a card without a fact.
    static func slot(_ card: Card, renames: [RoleKey: RoleKey]) -> String? {
        guard let fact = CardFact(card.fact) else { return nil }
        let frame = mapped(card.id, kind: card.kind, renames: renames).rawValue.split(separator: "/").dropLast()
            .joined(separator: "/")
        let role = renames[fact.role] ?? fact.role
        return "\(card.kind.rawValue)|\(frame)|\(role.rawValue)|\(fact.place)"
    }

    /// Whether two cards with the same id ask about the same fact: their facts are a small edit of
    /// each other, or one of them has none.
    static func sameFact(_ old: Card, _ new: Card) -> Bool {
        guard let was = CardFact(old.fact), let now = CardFact(new.fact) else { return true }
        return isSmallEdit(was.text, now.text)
    }

    private static func renameReasons(_ old: Card, renames: [RoleKey: (old: DeckRole, new: DeckRole)]) -> [Reason] {
        let parts = old.id.rawValue.split(separator: "/").dropFirst().map { RoleKey(rawValue: String($0)) }
        return parts.compactMap { renames[$0] }.map { .roleRenamed(from: $0.old.name, to: $0.new.name) }
    }

    /// Whether the learner sees the same question: prompt, line, answers and options.
    static func asksTheSame(_ old: Card, _ new: Card) -> Bool {
        old.prompt == new.prompt && old.context == new.context && old.answers == new.answers
            && old.distractors == new.distractors && old.selection == new.selection && old.kind == new.kind
    }
}
