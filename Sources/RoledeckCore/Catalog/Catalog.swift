/// The AI-jobs catalog: a title, an optional mindmap and the numbered domains with their roles.
public struct Catalog: Equatable, Sendable {
    /// The file name the catalog came from, used in explanations and messages.
    public var source: String
    /// The document's `#` heading.
    public var title: String
    /// The Mermaid mindmap on top of the document, when there is one.
    public var mindmap: Mindmap?
    /// The numbered `###` sections, in document order.
    public var domains: [Domain]
    /// Lines that were not understood, and other problems that do not stop parsing.
    public var warnings: [CatalogWarning]

    public init(source: String, title: String, mindmap: Mindmap?, domains: [Domain], warnings: [CatalogWarning]) {
        self.source = source
        self.title = title
        self.mindmap = mindmap
        self.domains = domains
        self.warnings = warnings
    }

    /// Every role, domain by domain, in document order.
    public var roles: [Role] { domains.flatMap(\.roles) }

    /// The domain with the given key.
    public func domain(_ key: DomainKey) -> Domain? { domains.first { $0.key == key } }

    /// The domain that holds the role.
    public func domain(of role: Role) -> Domain? { domains.first { $0.key == role.domain } }

    /// The mindmap branch whose leaf is linked to the role, when the role is in the mindmap.
    public func branch(of role: Role) -> MindmapBranch? {
        mindmap?.branches.first { branch in branch.leaves.contains { $0.role == role.key } }
    }

    /// The leaf linked to the role, when the role is in the mindmap.
    public func leaf(of role: Role) -> MindmapLeaf? {
        mindmap?.branches.lazy.flatMap(\.leaves).first { $0.role == role.key }
    }
}

/// A stable key for a domain: the ASCII stem of its deck file (`data`, `mlops`).
public struct DomainKey: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A stable key for a role: its name without parenthesised qualifiers, as a slug (`데이터-엔지니어`).
public struct RoleKey: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
