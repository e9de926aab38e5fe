/// One item of a role's `기술 스택:` line.
///
/// `데이터베이스(SQL, NoSQL)` is the item 데이터베이스 with the parts SQL and NoSQL;
/// `ROS(Robot Operating System)` is ROS with the alias Robot Operating System.
public struct StackItem: Equatable, Sendable {
    /// The text as written.
    public var text: String
    /// The name before any parentheses.
    public var name: String
    /// Another name for the same thing, given in parentheses.
    public var alias: String?
    /// The things listed in parentheses, when there are several.
    public var parts: [String]

    public init(text: String, name: String, alias: String?, parts: [String]) {
        self.text = text
        self.name = name
        self.alias = alias
        self.parts = parts
    }

    /// A stable key from the name (`apache-spark`, `데이터베이스`).
    public var key: String { Slug.key(name) }

    /// Every text a learner may give for this item: as written, the name, the alias.
    public var acceptedTexts: [String] {
        var texts = [text]
        for extra in [name] + (alias.map { [$0] } ?? []) where !texts.contains(extra) { texts.append(extra) }
        return texts
    }

    /// The keys this item stands for: its name, its alias and its parts.
    public var coveredKeys: Set<String> {
        var keys: Set<String> = [key]
        if let alias { keys.insert(Slug.key(alias)) }
        for part in parts { keys.insert(Slug.key(part)) }
        return keys
    }

    /// Whether the two items name the same thing or share a part (`SQL` and `데이터베이스(SQL, NoSQL)`).
    public func overlaps(_ other: StackItem) -> Bool {
        !coveredKeys.isDisjoint(with: other.coveredKeys)
    }
}
