/// Checks generated decks against the catalog they came from: every problem names the card.
public struct Linter: Sendable {
    public let catalog: Catalog
    let facts: CatalogFacts

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.facts = CatalogFacts(catalog: catalog)
    }

    /// Every problem in the decks: duplicate ids, wrong or correct distractors, uncovered catalog items.
    public func lint(_ decks: [Deck]) -> [LintProblem] {
        let cards = decks.flatMap(\.cards)
        var problems: [LintProblem] = []
        var seen: Set<CardID> = []
        for card in cards where !seen.insert(card.id).inserted {
            problems.append(LintProblem(card: card.id, message: "the id is used by more than one card."))
        }
        for card in cards {
            problems += check(card)
        }
        problems += coverage(of: cards)
        return problems
    }

    func check(_ card: Card) -> [LintProblem] {
        var messages: [String] = []
        if card.prompt.trimmingSpaces.isEmpty { messages.append("the prompt is empty.") }
        if card.answers.isEmpty { messages.append("the card has no answer.") }
        if card.explanation.trimmingSpaces.isEmpty { messages.append("the explanation is empty.") }
        let role = card.role.flatMap { key in catalog.roles.first { $0.key == key } }
        if card.role != nil && role == nil {
            messages.append("the role '\(card.role?.rawValue ?? "")' is not in the catalog.")
        }
        if card.kind.format == .choice {
            let distractors = card.distractors ?? []
            if distractors.isEmpty { messages.append("a choice card has no wrong options.") }
            if card.selection == nil { messages.append("a choice card does not say whether one or all answers count.") }
            let answers = Set(card.answers.flatMap(\.accepted))
            for distractor in distractors where answers.contains(distractor) {
                messages.append("'\(distractor)' is offered both as a right and a wrong option.")
            }
            messages += checkChoice(card, role: role, distractors: distractors)
        }
        if card.kind == .trueFalse, let role { messages += checkStatement(card, role: role) }
        return messages.map { LintProblem(card: card.id, message: $0) }
    }

    /// Whether each wrong option really is wrong, and of the same form as the answers.
    func checkChoice(_ card: Card, role: Role?, distractors: [String]) -> [String] {
        var messages: [String] = []
        switch card.kind {
        case .stackRole, .dutyRole:
            for name in distractors {
                guard let candidate = roleNamed(name) else {
                    messages.append("the option '\(name)' is not a role name.")
                    continue
                }
                if card.kind == .stackRole, let item = stackItem(in: card), facts.isRelated(item, toStackOf: candidate)
                {
                    messages.append("the wrong option '\(name)' also lists '\(item.text)', so it is correct too.")
                }
                if card.kind == .dutyRole, let role, dutyKeys(of: card, role: role).allSatisfy(candidate.hasDuty) {
                    messages.append("the wrong option '\(name)' also has this duty, so it is correct too.")
                }
            }
            for answer in card.answers where roleNamed(answer.text) == nil {
                messages.append("the answer '\(answer.text)' is not a role name.")
            }
        case .roleDomain:
            for name in distractors {
                if !catalog.domains.contains(where: { $0.name == name }) {
                    messages.append("the option '\(name)' is not a domain.")
                }
                if let role, catalog.domain(of: role)?.name == name {
                    messages.append("the wrong option '\(name)' is the role's own domain.")
                }
            }
        case .mindmap:
            let labels = catalog.mindmap?.branches.map(\.label) ?? []
            for name in distractors {
                if !labels.contains(name) { messages.append("the option '\(name)' is not a mindmap branch.") }
                if let role, catalog.branch(of: role)?.label == name {
                    messages.append("the wrong option '\(name)' is the branch that holds the role.")
                }
            }
        case .oddOneOut:
            guard let role else { break }
            for name in distractors where !role.stack.contains(where: { $0.text == name }) {
                messages.append("the option '\(name)' should be in the role's stack but is not.")
            }
            for answer in card.answers {
                guard let item = anyStackItem(answer.text) else {
                    messages.append("the answer '\(answer.text)' is not a stack item.")
                    continue
                }
                if facts.isRelated(item, toStackOf: role) {
                    messages.append("the answer '\(answer.text)' is (or resembles) an item of the role's stack.")
                }
            }
        default:
            break
        }
        return messages
    }

    func checkStatement(_ card: Card, role: Role) -> [String] {
        guard let answer = card.answers.first?.text,
            let item = role.stack.first(where: { card.prompt.contains($0.text) }) ?? anyStackItem(inPrompt: card.prompt)
        else { return ["the statement names no stack item."] }
        let listed = role.lists(item)
        if answer == TrueFalse.true.rawValue && !listed {
            return ["the statement is marked true but the role does not list '\(item.text)'."]
        }
        if answer == TrueFalse.false.rawValue && facts.isRelated(item, toStackOf: role) {
            return ["the statement is marked false but the role lists '\(item.text)' or something like it."]
        }
        return []
    }

    /// Every duty item and every stack item of every role is asked about by at least one card.
    func coverage(of cards: [Card]) -> [LintProblem] {
        var problems: [LintProblem] = []
        for role in catalog.roles {
            let mine = cards.filter { $0.role == role.key }
            let mentioned = Set(mine.flatMap { $0.answers.flatMap(\.accepted) + ($0.distractors ?? []) })
            for duty in role.duties where !mentioned.contains(duty.text) {
                problems.append(
                    LintProblem(card: nil, message: "no card asks about the duty '\(duty.text)' of '\(role.name)'."))
            }
            for item in role.stack where !mentioned.contains(item.text) {
                problems.append(
                    LintProblem(
                        card: nil, message: "no card asks about the stack item '\(item.text)' of '\(role.name)'."))
            }
        }
        return problems
    }

    func roleNamed(_ name: String) -> Role? {
        catalog.roles.first { $0.acceptedNames.contains(name) }
    }

    func stackItem(in card: Card) -> StackItem? {
        catalog.roles.lazy.flatMap(\.stack).first { CardID(.stackRole, $0.key) == card.id }
    }

    func anyStackItem(_ text: String) -> StackItem? {
        catalog.roles.lazy.flatMap(\.stack).first { $0.text == text }
    }

    func anyStackItem(inPrompt prompt: String) -> StackItem? {
        catalog.roles.flatMap(\.stack).filter { prompt.contains($0.text) }.max { $0.text.count < $1.text.count }
    }

    func dutyKeys(of card: Card, role: Role) -> [String] {
        DutyPhrase.phrases(of: role).first { CardID(.dutyRole, role.key.rawValue, $0.key) == card.id }?.keys ?? []
    }
}

/// A problem the linter found, with the card it is about when there is one.
public struct LintProblem: Equatable, Sendable, CustomStringConvertible {
    public var card: CardID?
    public var message: String

    public init(card: CardID?, message: String) {
        self.card = card
        self.message = message
    }

    public var description: String { card.map { "\($0): \(message)" } ?? message }
}
