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

    /// The filter for `--domain` and `--role` as the learner typed them, found by `NameMatcher`.
    ///
    /// A domain answers to its name, English name, mindmap branch, key or number; a role to its
    /// name, the names its parentheses spell, its key, and, when `catalog` is given, its mindmap
    /// leaf. With both, the role is looked for in that domain only.
    public static func resolve(
        domain domainName: String?, role roleName: String?, decks: [Deck], catalog: Catalog?
    ) throws(NameError) -> StatsFilter {
        var filter = StatsFilter()
        var candidates = decks
        if let domainName {
            let match = try NameMatcher.domains(of: decks).find(domainName, kind: .domain)
            filter.domain = match.domain.key
            candidates = [match]
        }
        if let roleName {
            let match = try NameMatcher.roles(of: candidates, catalog: catalog).find(roleName, kind: .role)
            filter.role = match.role.key
            filter.domain = match.domain
        }
        return filter
    }
}
