/// One item of a role's `기술 스택:` line.
///
/// `데이터베이스(SQL, NoSQL)` is the item 데이터베이스 with the parts SQL and NoSQL;
/// `ROS(Robot Operating System)` is ROS with the alias Robot Operating System.
public struct StackItem: Equatable, Sendable {
    /// The text as written.
    public let text: String
    /// The name before any parentheses.
    public let name: String
    /// Another name for the same thing, given in parentheses.
    public let alias: String?
    /// The things listed in parentheses, when there are several.
    public let parts: [String]

    /// A stable key from the name (`apache-spark`, `데이터베이스`).
    public let key: String
    /// The keys this item stands for: its name, its alias and its parts.
    public let coveredKeys: Set<String>

    public init(text: String, name: String, alias: String?, parts: [String]) {
        self.text = text
        self.name = name
        self.alias = alias
        self.parts = parts
        self.key = Slug.key(name)
        var keys: Set<String> = [key]
        if let alias { keys.insert(Slug.key(alias)) }
        for part in parts { keys.insert(Slug.key(part)) }
        self.coveredKeys = keys
    }

    /// Every text a learner may give for this item: as written, the name, the alias.
    public var acceptedTexts: [String] {
        var texts = [text]
        for extra in [name] + (alias.map { [$0] } ?? []) where !texts.contains(extra) { texts.append(extra) }
        return texts
    }

    /// Whether the two items name the same thing or share a part (`SQL` and `데이터베이스(SQL, NoSQL)`).
    public func overlaps(_ other: StackItem) -> Bool {
        !coveredKeys.isDisjoint(with: other.coveredKeys)
    }
}
