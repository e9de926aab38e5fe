/// What one roledeck card becomes in Anki, for the package and the text file alike: its deck, its
/// fields as HTML (escaped, NFC), its tags and a guid that stays the same from export to export.
public struct ExportedNote: Equatable, Sendable {
    /// The parent of every exported deck: `AI 직무::데이터`.
    public static let rootDeck = "AI 직무"
    /// The note type's fields, in order; `fields` holds one value for each.
    public static let fieldNames = ["질문", "문맥", "보기", "정답", "설명", "분야", "직무", "종류", "id"]
    /// How many options a choice card shows, as in the study session.
    static let optionCount = 4

    public var cardID: CardID
    /// `AI 직무::<the domain's name>`.
    public var deckName: String
    public var guid: String
    /// The values of `fieldNames`, HTML.
    public var fields: [String]
    /// `roledeck`, `roledeck::kind::cloze`, `roledeck::role::데이터-엔지니어`, `roledeck::domain::data`,
    /// and `leech` for a leech.
    public var tags: [String]

    /// The note of `card` in `deck`; `leech` adds Anki's leech tag.
    public init(card: Card, deck: Deck, leech: Bool = false) {
        cardID = card.id
        deckName = Self.deckName(of: deck)
        guid = StableHash.guid("roledeck:" + card.id.rawValue)
        let role = card.role.flatMap { key in deck.domain.roles.first { $0.key == key } }
        let (options, right) = Self.options(of: card)
        let answer = right ?? card.answers.map(\.text)
        fields = [
            Self.html(card.prompt), card.context.map(Self.html) ?? "",
            options.isEmpty ? "" : "<ol>" + options.map { "<li>\(Self.html($0))</li>" }.joined() + "</ol>",
            answer.map(Self.html).joined(separator: ", "), Self.html(card.explanation), Self.html(deck.domain.name),
            role.map { Self.html($0.name) } ?? "", Self.html(card.kind.label), Self.html(card.id.rawValue),
        ]
        tags = ["roledeck", "roledeck::kind::\(card.kind.rawValue)"]
        if let key = card.role { tags.append("roledeck::role::\(Self.tagWord(key.rawValue))") }
        tags.append("roledeck::domain::\(Self.tagWord(card.domain.rawValue))")
        if leech { tags.append("leech") }
    }

    /// The value of the field named `name`.
    public func field(_ name: String) -> String? {
        Self.fieldNames.firstIndex(of: name).map { fields[$0] }
    }

    /// `AI 직무::데이터`.
    public static func deckName(of deck: Deck) -> String {
        rootDeck + "::" + deck.domain.name.nfc.replacingOccurrences(of: "::", with: ":")
    }

    /// The options a choice card shows in Anki, fixed for the card (a seeded shuffle of its right
    /// options and the wrong ones at the front of its pool, as a study session picks them), and the
    /// right ones among them; empty and nil for other kinds.
    static func options(of card: Card) -> (options: [String], right: [String]?) {
        guard card.kind.format == .choice, !card.answers.isEmpty else { return ([], nil) }
        let right: [String]
        switch card.selection ?? .one {
        case .one: right = [card.answers[0].text]
        case .all: right = Array(card.answers.map(\.text).prefix(optionCount - 1))
        }
        let wrong = Array((card.distractors ?? []).prefix(max(1, optionCount - right.count)))
        var rng = SeededGenerator(seed: StableHash.of(card.id.rawValue))
        return ((right + wrong).shuffled(using: &rng), right)
    }

    /// Text as HTML: NFC, with `&`, `<` and `>` escaped and line breaks as `<br>`.
    static func html(_ text: String) -> String {
        var result = ""
        for character in text.nfc {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\n": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }

    /// A tag's word: no spaces (Anki splits tags at them).
    static func tagWord(_ text: String) -> String {
        String(text.nfc.map { $0.isWhitespace ? "_" : $0 })
    }
}
