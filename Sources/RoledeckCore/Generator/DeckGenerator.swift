/// Turns a catalog into one deck per domain. Pure and deterministic: the same catalog gives the same decks.
///
/// Each role gets cards that ask one fact each, of the kinds in `CardKind`, made by `CardMaker`;
/// one true/false statement a role, kept within `statementShare` of the cards; every card gets its place in
/// the order new cards are introduced (`IntroductionOrder`), and each deck lists its cards in that order.
public struct DeckGenerator: Sendable {
    public let catalog: Catalog
    let index: CatalogIndex

    /// The largest share of true/false cards.
    public var statementShare = 0.15
    /// The ids of the decks in place, when regenerating over them: a choice the catalog leaves open
    /// (which statement a role gets, which statements fit the share) keeps the earlier pick while it is
    /// still right, so an edit elsewhere in the catalog does not take a card and its history away.
    public var earlier: Set<CardID> = []

    public init(catalog: Catalog, lexicon: Lexicon = .shipped) {
        self.catalog = catalog
        self.index = CatalogIndex(catalog: catalog, lexicon: lexicon)
    }

    /// One deck per domain, in catalog order.
    public func decks() -> [Deck] {
        var maker = CardMaker(index: index)
        maker.earlier = earlier
        let roles = index.roles.indices
        var own = roles.map { roleCards($0, maker: maker) }
        let stackRoles = maker.stackRoleCards()
        // Contrasts ask facts no other choice card asks.
        let asked = Set(
            (own.flatMap { $0.rest.flatMap { $0 } } + stackRoles).filter { $0.card.kind.format == .choice }
                .map(\.card.factKey))
        var shared = [[Draft]](repeating: [], count: index.roles.count)
        for draft in stackRoles + maker.contrastCards(avoiding: asked)
            + catalog.domains.compactMap(maker.domainRolesCard)
        {
            shared[draft.anchor].append(draft)
        }
        let others =
            own.reduce(0) { $0 + $1.basics.count + $1.rest.reduce(0) { $0 + $1.count } }
            + shared.reduce(0) { $0 + $1.count }
        let statements = statementsWithinShare(
            roles.map { [maker.statementCard($0)].compactMap { $0 } }, others: others)
        var drafts: [Draft] = []
        for role in roles {
            own[role].rest += [statements[role], shared[role]]
            drafts += own[role].basics + Self.alternate(own[role].rest)
        }

        let ordered = IntroductionOrder().arrange(
            drafts, roleCount: index.roles.count, domainOf: index.domainPosition)
        var byDomain: [DomainKey: [Card]] = [:]
        for (rank, draft) in ordered.enumerated() {
            var card = draft.card
            card.rank = rank
            card.fact = CardFact.of(card, in: index)?.field
            byDomain[card.domain, default: []].append(card)
        }
        return catalog.domains.map { domain in
            Deck(
                catalog: CatalogReference(source: catalog.source, title: catalog.title),
                domain: DeckDomain(
                    key: domain.key, number: domain.number, name: domain.name, englishName: domain.englishName,
                    branch: domain.branchLabel, roles: domain.roles.map { DeckRole(key: $0.key, name: $0.name) }),
                cards: byDomain[domain.key] ?? [])
        }
    }

    /// The deck of one domain, with the ranks it has among all the catalog's cards.
    public func deck(for domain: Domain) -> Deck? {
        decks().first { $0.domain.key == domain.key }
    }

    /// A role's own cards: the basic ones that introduce it, and the rest by kind, to be taken in turns
    /// so a role's cards come in varied order.
    func roleCards(_ role: Int, maker: CardMaker) -> (basics: [Draft], rest: [[Draft]]) {
        var basics = [maker.dutiesCard(role), maker.stackCard(role), maker.roleDomainCard(role)].compactMap { $0 }
        var stackClozes = maker.stackClozeCards(role)
        if !stackClozes.isEmpty { basics.append(stackClozes.removeFirst()) }
        var clozes = maker.clozeCards(role)
        if !basics.contains(where: { $0.card.kind == .duties }), !clozes.isEmpty {
            var first = clozes.removeFirst()
            first.basic = true
            basics.insert(first, at: 0)
        }
        let rest: [[Draft]] = [
            clozes, stackClozes, maker.dutyRoleCards(role),
            [maker.oddOneOutCard(role), maker.mindmapCard(role)].compactMap { $0 },
        ]
        return (basics, rest)
    }

    /// Takes one from each list in turn until all are empty.
    static func alternate(_ lists: [[Draft]]) -> [Draft] {
        var result: [Draft] = []
        var depth = 0
        while result.count < lists.reduce(0, { $0 + $1.count }) {
            for list in lists where depth < list.count { result.append(list[depth]) }
            depth += 1
        }
        return result
    }

    /// Each role's statements, as many as keep true/false within `statementShare` of all cards: the
    /// first statement of every role before the second of any.
    func statementsWithinShare(_ statements: [[Draft]], others: Int) -> [[Draft]] {
        var room = Int((statementShare * Double(others) / (1 - statementShare)).rounded(.down))
        var kept = statements.map { _ in [Draft]() }
        // Statements the decks in place have come first; then the rest in order.
        for role in statements.indices where room > 0 {
            for draft in statements[role] where room > 0 && earlier.contains(draft.card.id) {
                kept[role].append(draft)
                room -= 1
            }
        }
        var depth = 0
        while room > 0, statements.contains(where: { $0.count > depth }) {
            for role in statements.indices where depth < statements[role].count && room > 0 {
                let draft = statements[role][depth]
                if earlier.contains(draft.card.id) { continue }
                kept[role].append(draft)
                room -= 1
            }
            depth += 1
        }
        return kept
    }
}

/// The two answers of a true/false card.
public enum TrueFalse: String, Sendable {
    case `true` = "O"
    case `false` = "X"

    /// The stored answer, with the words a learner may type for it.
    public var answer: Answer {
        switch self {
        case .true: Answer("O", aliases: ["참", "예", "true"])
        case .false: Answer("X", aliases: ["거짓", "아니오", "false"])
        }
    }
}
