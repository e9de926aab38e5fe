/// A role of a deck, found by name, with the domain it belongs to.
public struct NamedRole: Equatable, Sendable {
    public var domain: DomainKey
    public var role: DeckRole
}

extension NameMatcher where Value == Deck {
    /// The decks by their domains, each answering to its name, key, number, English name, mindmap branch
    /// and deck file name (`머신 러닝`, `ml`, `2`, `ML`, `ml.json`), listed as `ml(머신 러닝)`.
    public static func domains(of decks: [Deck]) -> NameMatcher<Deck> {
        NameMatcher(
            decks.map { deck in
                let domain = deck.domain
                return Entry(
                    deck,
                    names: [domain.name, domain.key.rawValue, String(domain.number)]
                        + [domain.englishName, domain.branch].compactMap { $0 } + [deck.fileName],
                    label: "\(domain.key)(\(domain.name))")
            })
    }
}

extension NameMatcher where Value == NamedRole {
    /// The roles of `decks`, each answering to its name as written, the names the parentheses
    /// spell (`자연어 처리 엔지니어`, `NLP 엔지니어`, `클라우드 엔지니어`), its key, and, when `catalog`
    /// is given, the mindmap leaf linked to it (`Data 리서처`).
    public static func roles(of decks: [Deck], catalog: Catalog? = nil) -> NameMatcher<NamedRole> {
        var leaves: [RoleKey: [String]] = [:]
        for leaf in catalog?.mindmap?.branches.flatMap(\.leaves) ?? [] {
            if let role = leaf.role { leaves[role, default: []].append(leaf.label) }
        }
        return NameMatcher(
            decks.flatMap { deck in
                deck.domain.roles.map { role in
                    Entry(
                        NamedRole(domain: deck.domain.key, role: role),
                        names: [role.name] + RoleName(role.name).aliases + [role.key.rawValue]
                            + (leaves[role.key] ?? []),
                        label: role.name)
                }
            })
    }
}
