/// A numbered section of the catalog (`### 1. 데이터`) and the roles in it.
public struct Domain: Equatable, Sendable {
    /// The ASCII key, also the deck's file name stem.
    public var key: DomainKey
    /// The section number as written.
    public var number: Int
    /// The Korean (or English) name as written, without the parenthesised English name.
    public var name: String
    /// The parenthesised English name (`Machine Learning Operations`), when given.
    public var englishName: String?
    /// The label of the mindmap branch whose leaves are this domain's roles, when there is one.
    public var branchLabel: String?
    /// The 1-based line of the heading.
    public var line: Int
    /// The roles in document order.
    public var roles: [Role]

    public init(
        key: DomainKey, number: Int, name: String, englishName: String?, branchLabel: String?, line: Int,
        roles: [Role]
    ) {
        self.key = key
        self.number = number
        self.name = name
        self.englishName = englishName
        self.branchLabel = branchLabel
        self.line = line
        self.roles = roles
    }
}
