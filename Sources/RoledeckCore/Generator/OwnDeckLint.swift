/// Checks the learner's own decks as `Linter` checks the generated ones, by the rules that apply to
/// cards written by hand: the prompt does not give the answer away, no option is both right and
/// wrong, a list asks for at most three answers, a role is one the catalog has, no card asks what
/// another asks, and particles after Latin names agree with them. Problems name the file and line.
public struct OwnDeckLint: Sendable {
    /// A problem in an own deck, at a card of a file.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var card: CardID
        public var message: String

        /// `mine.json:12: own/mine/rag: …`.
        public var description: String { "\(file):\(line): \(card): \(message)" }
    }

    /// The catalog roles may name; nil: roles are not checked.
    public let catalog: Catalog?
    let lexicon: Lexicon

    public init(catalog: Catalog?, lexicon: Lexicon = .shipped) {
        self.catalog = catalog
        self.lexicon = lexicon
    }

    /// The problems of every own deck among `decks`; `lines` gives each card's line in its file
    /// (`OwnDeckFile.cardLines`), by deck file name. Cards of the other decks count for repeated prompts.
    public func lint(_ decks: [Deck], lines: [String: [Int]]) -> [Problem] {
        var asked: [String: CardID] = [:]
        for card in decks.filter({ !$0.isOwn }).flatMap(\.cards) where asked[Self.shown(card)] == nil {
            asked[Self.shown(card)] = card.id
        }
        let roleKeys = catalog.map { Set($0.roles.map(\.key)) }
        var problems: [Problem] = []
        for deck in decks where deck.isOwn {
            let fileLines = lines[deck.fileName] ?? []
            for (index, card) in deck.cards.enumerated() {
                let line = index < fileLines.count ? fileLines[index] : 1
                for message in check(card, roleKeys: roleKeys, asked: &asked) {
                    problems.append(Problem(file: deck.fileName, line: line, card: card.id, message: message))
                }
            }
        }
        return problems
    }

    func check(_ card: Card, roleKeys: Set<RoleKey>?, asked: inout [String: CardID]) -> [String] {
        var messages: [String] = []
        let shown = Self.shown(card)
        if let first = asked[shown] {
            messages.append("같은 것을 묻는 카드가 있습니다: \(first).")
        } else {
            asked[shown] = card.id
        }
        let folded = AnswerText.folded(shown)
        if card.kind.format != .trueFalse {
            for answer in card.answers where AnswerText.folded(answer.text).count >= 2 {
                if folded.contains(AnswerText.folded(answer.text)) {
                    messages.append("질문에 답이 보입니다: '\(answer.text)'.")
                }
            }
        }
        let right = Set(card.answers.flatMap(\.accepted).map(AnswerText.folded))
        for option in card.distractors ?? [] where right.contains(AnswerText.folded(option)) {
            messages.append("틀린 보기에 정답이 있습니다: '\(option)'.")
        }
        if card.kind.format == .typedMany && card.answers.count > CardMaker.listLimit {
            messages.append(
                "답이 \(card.answers.count)개입니다; 한 번에 \(CardMaker.listLimit)개까지가 기억하기 좋으니 카드를 나누세요.")
        }
        if let role = card.role, let roleKeys, !roleKeys.contains(role) {
            messages.append("카탈로그에 없는 직무입니다: '\(role.rawValue)'.")
        }
        for use in ParticleUse.scan(card.prompt + "\n" + (card.context ?? ""), lexicon: lexicon)
        where !use.isUndecided && use.particle != use.expected {
            messages.append("조사가 맞지 않습니다: '\(use.word)\(use.particle)' → '\(use.word)\(use.expected)'.")
        }
        return messages
    }

    /// What a card shows: its prompt and line, compared as answers are.
    static func shown(_ card: Card) -> String {
        card.prompt + "\n" + (card.context ?? "")
    }
}
