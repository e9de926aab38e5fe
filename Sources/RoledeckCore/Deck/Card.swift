/// One question generated from the catalog, as stored in a deck file.
public struct Card: Codable, Equatable, Sendable, Identifiable {
    /// Stable across catalog edits that do not touch the keys it is built from.
    public var id: CardID
    public var kind: CardKind
    /// The deck the card belongs to.
    public var domain: DomainKey
    /// The role the card is about, when it is about one.
    public var role: RoleKey?
    /// The question, in Korean.
    public var prompt: String
    /// Text shown with the prompt: the duty line with a blank for cloze cards.
    public var context: String?
    /// Every correct answer, each with the other spellings that count.
    public var answers: [Answer]
    /// Wrong options for choice cards, the most instructive first (same domain, then others).
    public var distractors: [String]?
    /// For choice cards: one right option, or all that apply.
    public var selection: Selection?
    /// Where in the catalog the answer comes from.
    public var explanation: String
    /// The card's place in the order new cards are introduced across every deck of its catalog
    /// (see `IntroductionOrder`); cards without one come after those with one.
    public var rank: Int?
    /// The catalog fact the card asks about, by place: `데이터-엔지니어/d1.2: 정제` (role, then `d2` for
    /// its second duty, `d2.1` for that duty's first part, `s5` for its fifth stack item, and the
    /// fact's text). `generate` keeps a card's id, and so its history, when the catalog rewords the
    /// fact at the same place (`CatalogEdit`); nil for cards about a whole role or domain.
    public var fact: String?

    public init(
        id: CardID, kind: CardKind, domain: DomainKey, role: RoleKey?, prompt: String, context: String? = nil,
        answers: [Answer], distractors: [String]? = nil, selection: Selection? = nil, explanation: String,
        rank: Int? = nil, fact: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.domain = domain
        self.role = role
        self.prompt = prompt
        self.context = context
        self.answers = answers
        self.distractors = distractors
        self.selection = selection
        self.explanation = explanation
        self.rank = rank
        self.fact = fact
    }
}

/// A correct answer and the other spellings that count for it.
public struct Answer: Codable, Equatable, Sendable {
    public var text: String
    public var aliases: [String]

    public init(_ text: String, aliases: [String] = []) {
        self.text = text
        self.aliases = aliases.filter { $0 != text }
    }

    /// The text and every alias.
    public var accepted: [String] { [text] + aliases }

    enum CodingKeys: String, CodingKey {
        case text, aliases
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .text),
            aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [])
    }

    /// Leaves `aliases` out when there are none, which keeps deck files short.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        if !aliases.isEmpty { try container.encode(aliases, forKey: .aliases) }
    }
}
