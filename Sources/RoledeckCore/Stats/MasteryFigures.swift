/// How well a set of cards is known now: the figures a role, a domain or the catalog shows.
///
/// Figures of a bigger set are the sums of its parts' (`+`), so a domain's combine its roles'
/// and the catalog's combine the domains'; the ratios are derived from the sums, never averaged.
public struct MasteryFigures: Equatable, Sendable, Encodable {
    /// Cards in the set.
    public var cards: Int
    /// Cards reviewed at least once.
    public var seen: Int
    /// Seen cards whose stability is at least `MasteryFigures.matureStability` days.
    public var mature: Int
    /// The sum of the seen cards' retrievability now: how many of the cards the learner is
    /// expected to recall right now.
    public var retrievabilitySum: Double

    /// Stability (days) from which a card counts as mature, as Anki's 21-day interval.
    public static let matureStability = 21.0

    /// Creates figures.
    public init(cards: Int = 0, seen: Int = 0, mature: Int = 0, retrievabilitySum: Double = 0) {
        self.cards = cards
        self.seen = seen
        self.mature = mature
        self.retrievabilitySum = retrievabilitySum
    }

    /// The mean retrievability of the seen cards; nil when none was seen.
    public var meanRetrievability: Double? {
        seen > 0 ? retrievabilitySum / Double(seen) : nil
    }

    /// The share of all the set's cards that are mature.
    public var matureShare: Double {
        cards > 0 ? Double(mature) / Double(cards) : 0
    }

    /// Mastery, 0…1: the expected share of the set's cards recalled now (unseen cards count 0).
    public var mastery: Double {
        cards > 0 ? retrievabilitySum / Double(cards) : 0
    }

    /// The figures of two disjoint sets together.
    public static func + (lhs: MasteryFigures, rhs: MasteryFigures) -> MasteryFigures {
        MasteryFigures(
            cards: lhs.cards + rhs.cards, seen: lhs.seen + rhs.seen, mature: lhs.mature + rhs.mature,
            retrievabilitySum: lhs.retrievabilitySum + rhs.retrievabilitySum)
    }

    enum CodingKeys: String, CodingKey {
        case cards, seen, mature, retrievabilitySum, meanRetrievability, matureShare, mastery
    }

    /// Writes every key, `meanRetrievability` as null when nothing was seen.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cards, forKey: .cards)
        try container.encode(seen, forKey: .seen)
        try container.encode(mature, forKey: .mature)
        try container.encode(retrievabilitySum, forKey: .retrievabilitySum)
        try container.encode(meanRetrievability, forKey: .meanRetrievability)
        try container.encode(matureShare, forKey: .matureShare)
        try container.encode(mastery, forKey: .mastery)
    }
}

/// A role's mastery.
public struct RoleMastery: Equatable, Sendable, Encodable {
    /// The role's key.
    public var key: RoleKey
    /// The role's name as written.
    public var name: String
    /// The figures of the cards about this role.
    public var figures: MasteryFigures

    /// Creates a role's entry.
    public init(key: RoleKey, name: String, figures: MasteryFigures) {
        self.key = key
        self.name = name
        self.figures = figures
    }

    enum CodingKeys: String, CodingKey {
        case key, name
    }

    /// The key, the name and the figures' keys, side by side.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(name, forKey: .name)
        try figures.encode(to: encoder)
    }
}

/// A domain's mastery: its roles', plus the domain-level cards that belong to no single role.
public struct DomainMastery: Equatable, Sendable, Encodable {
    /// The domain's key.
    public var key: DomainKey
    /// The section number in the catalog.
    public var number: Int
    /// The domain's name as written.
    public var name: String
    /// The mindmap branch of the domain's roles, when there is one.
    public var branch: String?
    /// The roles, in catalog order.
    public var roles: [RoleMastery]
    /// The domain's cards about no single role (`domain-roles`, stack items several roles list).
    public var shared: MasteryFigures

    /// Creates a domain's entry.
    public init(
        key: DomainKey, number: Int, name: String, branch: String?, roles: [RoleMastery], shared: MasteryFigures
    ) {
        self.key = key
        self.number = number
        self.name = name
        self.branch = branch
        self.roles = roles
        self.shared = shared
    }

    /// The roles' figures and the shared cards' together.
    public var figures: MasteryFigures {
        roles.reduce(shared) { $0 + $1.figures }
    }

    enum CodingKeys: String, CodingKey {
        case key, number, name, branch, roles, shared
    }

    /// The domain's fields, its combined figures' keys, then its roles and shared cards.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(number, forKey: .number)
        try container.encode(name, forKey: .name)
        try container.encode(branch, forKey: .branch)
        try container.encode(roles, forKey: .roles)
        try container.encode(shared, forKey: .shared)
        try figures.encode(to: encoder)
    }
}
