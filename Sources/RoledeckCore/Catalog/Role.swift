/// A job in a domain (`- **데이터 엔지니어**`) with its duties and tech stack.
public struct Role: Equatable, Sendable {
    /// The stable key, from the name without parentheses.
    public var key: RoleKey
    /// The domain the role is listed in.
    public var domain: DomainKey
    /// The name as written (`자연어 처리(NLP) 엔지니어`).
    public var name: String
    /// Other names a learner may give: the name without parentheses and each spelled-out alternative.
    public var aliases: [String]
    /// The 1-based line of the role's bullet.
    public var line: Int
    /// The duties of the `업무:` line, divided the way Korean reads it (see `DutySplitter`).
    public var duties: [Duty]
    /// The whole `업무:` text as written.
    public var dutiesText: String
    /// The 1-based line of the `업무:` bullet.
    public var dutiesLine: Int
    /// The `기술 스택:` items, split at commas outside parentheses.
    public var stack: [StackItem]
    /// The whole `기술 스택:` text as written.
    public var stackText: String
    /// The 1-based line of the `기술 스택:` bullet.
    public var stackLine: Int
    /// Whether cards name the role with its qualifier: another role shares the rest of its name.
    public var keepsQualifier: Bool

    public init(
        key: RoleKey, domain: DomainKey, name: String, aliases: [String], line: Int, duties: [Duty],
        dutiesText: String, dutiesLine: Int, stack: [StackItem], stackText: String, stackLine: Int,
        keepsQualifier: Bool = false
    ) {
        self.keepsQualifier = keepsQualifier
        self.key = key
        self.domain = domain
        self.name = name
        self.aliases = aliases
        self.line = line
        self.duties = duties
        self.dutiesText = dutiesText
        self.dutiesLine = dutiesLine
        self.stack = stack
        self.stackText = stackText
        self.stackLine = stackLine
    }

    /// The name cards use: as written, without a trailing qualifier or acronym set off by a space
    /// (`클라우드 엔지니어 (AI/ML 포커스)` is `클라우드 엔지니어`; `자연어 처리(NLP) 엔지니어` stays whole), and
    /// whole when another role shares the rest (`백엔드 개발자 (Node.js)`).
    public var shortName: String {
        guard !keepsQualifier, name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex,
            name[name.index(before: open)] == " "
        else { return name }
        return name[..<open].trimmingSpaces
    }

    /// Every name the role answers to, the written one first.
    public var acceptedNames: [String] { [name] + aliases }

    /// Whether the stack lists the item, by its key, an alias or as a part (`SQL` in `데이터베이스(SQL, NoSQL)`).
    public func lists(_ item: StackItem) -> Bool {
        stack.contains { $0.overlaps(item) }
    }

    /// Every part of every duty, in catalog order.
    public var dutyParts: [DutyPart] { duties.flatMap(\.parts) }
}
