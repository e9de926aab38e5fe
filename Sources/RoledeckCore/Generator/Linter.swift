/// Checks decks against the catalog they came from, as a careful teacher reads each card: the key is
/// right, the wrong options are wrong, one fact is asked, the prompt gives nothing away and the Korean
/// reads right. Every problem names the card and the catalog line it is about.
///
/// The checks use the same index as the generator (one rule, one place), so generated decks pass;
/// decks edited by hand or written by the learner are held to the same rules.
public struct Linter: Sendable {
    public let catalog: Catalog
    let index: CatalogIndex
    let maker: CardMaker
    /// The largest share of true/false cards.
    public var statementShare = 0.15

    public init(catalog: Catalog, lexicon: Lexicon = .shipped) {
        self.catalog = catalog
        self.index = CatalogIndex(catalog: catalog, lexicon: lexicon)
        self.maker = CardMaker(index: index)
    }

    /// Every problem in the decks, card by card in deck order, then those about the decks as a whole.
    public func lint(_ decks: [Deck]) -> [LintProblem] {
        let cards = decks.flatMap(\.cards)
        var problems: [LintProblem] = []
        var seenIDs: Set<CardID> = []
        var seenPrompts: [String: CardID] = [:]
        for card in cards {
            let line = catalogLine(of: card)
            var messages: [String] = []
            if !seenIDs.insert(card.id).inserted { messages.append("같은 id를 쓰는 카드가 또 있습니다.") }
            let shown = card.prompt + "\n" + (card.context ?? "")
            if let first = seenPrompts[shown], first != card.id {
                messages.append("\(first)\(Particle.with.form(after: first.rawValue)) 똑같은 것을 묻습니다.")
            } else {
                seenPrompts[shown] = card.id
            }
            messages += structure(card)
            messages += LintRules(index: index, maker: maker).check(card)
            problems += messages.map { LintProblem(card: card.id, line: line, message: $0) }
        }
        let statements = cards.count { $0.kind == .trueFalse }
        if !cards.isEmpty, Double(statements) > statementShare * Double(cards.count) {
            problems.append(
                LintProblem(
                    card: nil, line: nil,
                    message: "카드 \(cards.count)장 중 \(statements)장이 O/X 문제입니다. "
                        + "\(Int(statementShare * 100))%까지만 되어야 합니다."))
        }
        problems += coverage(of: cards)
        return problems
    }

    /// What every card needs, whatever its kind.
    func structure(_ card: Card) -> [String] {
        var messages: [String] = []
        if card.prompt.trimmingSpaces.isEmpty { messages.append("질문이 비어 있습니다.") }
        if card.answers.isEmpty { messages.append("카드에 답이 없습니다.") }
        if card.explanation.trimmingSpaces.isEmpty { messages.append("설명이 비어 있습니다.") }
        if let key = card.role, index.position[key] == nil {
            messages.append("직무 '\(key.rawValue)': 카탈로그에 없습니다.")
        }
        if card.kind.format == .choice {
            let distractors = card.distractors ?? []
            if distractors.isEmpty { messages.append("객관식 카드에 오답 보기가 없습니다.") }
            if card.selection == nil { messages.append("객관식 카드가 정답을 하나만 고르는지 모두 고르는지 말하지 않습니다.") }
            let answers = Set(card.answers.flatMap(\.accepted).map(NameKey.init))
            for distractor in distractors where answers.contains(NameKey(distractor)) {
                messages.append("'\(distractor)': 정답 보기와 오답 보기에 함께 나옵니다.")
            }
        }
        return messages
    }

    /// Every duty part and stack item of every role is asked about by at least one card.
    func coverage(of cards: [Card]) -> [LintProblem] {
        var shown: [RoleKey: String] = [:]
        var everywhere = ""
        for card in cards {
            let text =
                ([card.prompt, card.context ?? ""] + card.answers.flatMap(\.accepted) + (card.distractors ?? []))
                .joined(separator: "\n")
            everywhere += text + "\n"
            if let role = card.role { shown[role, default: ""] += text + "\n" }
        }
        var problems: [LintProblem] = []
        for role in catalog.roles {
            let mine = shown[role.key] ?? ""
            for part in role.dutyParts where !mine.contains(part.text) {
                problems.append(
                    LintProblem(
                        card: nil, line: role.dutiesLine,
                        message:
                            "'\(role.name)'의 업무 '\(part.text)'\(Particle.object.form(after: part.text)) 묻는 카드가 없습니다."))
            }
            for item in role.stack where !mine.contains(item.text) && !everywhere.contains(item.text) {
                problems.append(
                    LintProblem(
                        card: nil, line: role.stackLine,
                        message:
                            "'\(role.name)'의 기술 스택 항목 '\(item.text)'\(Particle.object.form(after: item.text)) 묻는 카드가 없습니다."
                    ))
            }
        }
        return problems
    }

    /// The catalog line a card is about: its role's duty or stack line, the role, or its domain.
    func catalogLine(of card: Card) -> Int? {
        if let key = card.role, let position = index.position[key] {
            let role = index.roles[position]
            switch card.kind {
            case .duties, .cloze, .dutyRole: return role.dutiesLine
            case .stack, .stackCloze, .oddOneOut, .trueFalse, .stackRole: return role.stackLine
            case .contrast: return card.prompt.contains("기술 스택") ? role.stackLine : role.dutiesLine
            case .roleDomain, .mindmap, .domainRoles: return role.line
            }
        }
        if card.kind == .stackRole, let facts = LintRules(index: index, maker: maker).item(of: card),
            let owner = facts.owners.first
        {
            return index.roles[owner].stackLine
        }
        return catalog.domain(card.domain)?.line
    }
}

/// A problem the linter found, with the card and the catalog line it is about when there are ones.
public struct LintProblem: Equatable, Sendable, CustomStringConvertible {
    public var card: CardID?
    public var line: Int?
    public var message: String

    public init(card: CardID?, line: Int? = nil, message: String) {
        self.card = card
        self.line = line
        self.message = message
    }

    /// `37: duty-role/데이터-엔지니어/…: message`; the caller puts the file name in front.
    public var description: String {
        let place = line.map { "\($0): " } ?? ""
        return place + (card.map { "\($0): \(message)" } ?? message)
    }
}
