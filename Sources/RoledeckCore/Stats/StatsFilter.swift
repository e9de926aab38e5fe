/// What the statistics are narrowed to: everything, one domain, or one role.
public struct StatsFilter: Equatable, Sendable, Codable {
    /// Only this domain's cards, when set.
    public var domain: DomainKey?
    /// Only this role's cards, when set.
    public var role: RoleKey?

    /// Creates a filter; nil fields do not narrow.
    public init(domain: DomainKey? = nil, role: RoleKey? = nil) {
        self.domain = domain
        self.role = role
    }

    /// No narrowing.
    public static let all = StatsFilter()

    /// Whether the statistics cover everything.
    public var isAll: Bool { domain == nil && role == nil }

    /// Whether a card of `domain` about `role` is counted.
    public func includes(domain cardDomain: DomainKey, role cardRole: RoleKey?) -> Bool {
        if let domain, domain != cardDomain { return false }
        if let role, role != cardRole { return false }
        return true
    }

    /// The filter for `--domain` and `--role` as the learner typed them.
    ///
    /// A domain answers to its name, English name, mindmap branch, key or number; a role to its
    /// name or key, and, when `catalog` is given, to every name the catalog accepts for it
    /// (`NLP 엔지니어`). With both, the role is looked for in that domain only.
    public static func resolve(
        domain domainName: String?, role roleName: String?, decks: [Deck], catalog: Catalog?
    ) throws(StatsError) -> StatsFilter {
        var filter = StatsFilter()
        var candidates = decks
        if let domainName {
            let wanted = Slug.key(domainName)
            let match = decks.first { deck in
                let domain = deck.domain
                return domain.key.rawValue == domainName || domain.key.rawValue == Slug.fileName(domainName)
                    || Slug.key(domain.name) == wanted || domain.englishName.map(Slug.key) == wanted
                    || domain.branch.map(Slug.key) == wanted || String(domain.number) == domainName
            }
            guard let match else {
                let names = decks.flatMap {
                    [$0.domain.name, $0.domain.englishName, $0.domain.branch].compactMap { $0 }
                }
                throw .unknownDomain(
                    name: domainName, suggestion: closest(to: domainName, in: names),
                    known: decks.map { "\($0.domain.number). \($0.domain.name)" })
            }
            filter.domain = match.domain.key
            candidates = [match]
        }
        if let roleName {
            let wanted = Slug.key(roleName)
            let roles = candidates.flatMap(\.domain.roles)
            var match = roles.first { $0.key.rawValue == wanted || $0.name == roleName || Slug.key($0.name) == wanted }
            if match == nil, let catalog {
                let named = catalog.roles.first { role in role.acceptedNames.contains { Slug.key($0) == wanted } }
                match = named.flatMap { found in roles.first { $0.key == found.key } }
            }
            guard let match else {
                var names = roles.map(\.name)
                if let catalog {
                    let keys = Set(roles.map(\.key))
                    names += catalog.roles.filter { keys.contains($0.key) }.flatMap(\.aliases)
                }
                throw .unknownRole(
                    name: roleName, suggestion: closest(to: roleName, in: names), known: roles.map(\.name))
            }
            filter.role = match.key
            if filter.domain == nil {
                filter.domain = candidates.first { $0.domain.roles.contains { $0.key == match.key } }?.domain.key
            }
        }
        return filter
    }

    /// The name nearest to `text`, when it is near enough to be a typo.
    static func closest(to text: String, in names: [String]) -> String? {
        let folded = text.lowercased()
        if folded.count >= 2, let containing = names.first(where: { $0.lowercased().contains(folded) }) {
            return containing
        }
        let scored = names.map { (name: $0, distance: EditDistance.between($0.lowercased(), folded)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        return best.distance <= max(2, text.count / 3) ? best.name : nil
    }
}
