/// The cards of one domain, as written to `Decks/<key>.json`.
public struct Deck: Codable, Equatable, Sendable {
    /// The deck file format version this build writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The catalog the deck was generated from.
    public var catalog: CatalogReference
    public var domain: DeckDomain
    /// The cards in the order new cards are introduced: role by role, broad kinds first.
    public var cards: [Card]
    /// The file name of a learner's own deck (`"kind": "own"`, see `OwnDeckFile`); nil for a deck
    /// generated from a catalog. Never written: roledeck does not write own decks.
    public var ownFile: String?

    public init(catalog: CatalogReference, domain: DeckDomain, cards: [Card]) {
        self.schemaVersion = Deck.currentSchemaVersion
        self.catalog = catalog
        self.domain = domain
        self.cards = cards
    }

    /// The file name the deck is written to (an own deck: the file it was read from).
    public var fileName: String { ownFile ?? "\(domain.key.rawValue).json" }

    /// True for a learner's own deck.
    public var isOwn: Bool { ownFile != nil }

    private enum CodingKeys: String, CodingKey {
        case schemaVersion, catalog, domain, cards
    }

    /// How many cards of each kind the deck holds, in kind order.
    public var countsByKind: [(kind: CardKind, count: Int)] {
        CardKind.allCases.compactMap { kind in
            let count = cards.count { $0.kind == kind }
            return count > 0 ? (kind, count) : nil
        }
    }
}

/// Which catalog a deck came from.
public struct CatalogReference: Codable, Equatable, Sendable {
    public var source: String
    public var title: String
}

/// The domain a deck covers.
public struct DeckDomain: Codable, Equatable, Sendable {
    public var key: DomainKey
    public var number: Int
    public var name: String
    public var englishName: String?
    /// The mindmap branch of the domain's roles, when they are in the mindmap.
    public var branch: String?
    /// The roles of the domain, in catalog order.
    public var roles: [DeckRole]
}

/// A role as a deck lists it.
public struct DeckRole: Codable, Equatable, Sendable {
    public var key: RoleKey
    public var name: String
}
