/// Turns a catalog into one deck per domain. Pure and deterministic: the same catalog gives the same decks.
public struct DeckGenerator: Sendable {
    public let catalog: Catalog
    let facts: CatalogFacts

    /// How many true and how many false statements each role gets.
    public var statementsPerRole = 3
    /// The most wrong options a choice card stores.
    public var distractorPoolSize = 6

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.facts = CatalogFacts(catalog: catalog)
    }

    /// One deck per domain, in catalog order.
    public func decks() -> [Deck] {
        catalog.domains.map(deck(for:))
    }

    /// The deck of one domain.
    public func deck(for domain: Domain) -> Deck {
        var cards: [Card] = []
        for role in domain.roles {
            cards += roleCards(role, in: domain)
        }
        cards.append(domainRolesCard(domain))
        return Deck(
            catalog: CatalogReference(source: catalog.source, title: catalog.title),
            domain: DeckDomain(
                key: domain.key, number: domain.number, name: domain.name, englishName: domain.englishName,
                branch: domain.branchLabel, roles: domain.roles.map { DeckRole(key: $0.key, name: $0.name) }),
            cards: cards)
    }

    func roleCards(_ role: Role, in domain: Domain) -> [Card] {
        var cards = [roleDomainCard(role, in: domain)]
        if let card = mindmapCard(role, in: domain) { cards.append(card) }
        cards.append(dutiesCard(role, in: domain))
        cards.append(stackCard(role, in: domain))
        cards += dutyRoleCards(role, in: domain)
        cards += clozeCards(role, in: domain)
        cards += stackRoleCards(role, in: domain)
        if let card = oddOneOutCard(role, in: domain) { cards.append(card) }
        cards += trueFalseCards(role, in: domain)
        return cards
    }

    // MARK: - Role-level cards

    func roleDomainCard(_ role: Role, in domain: Domain) -> Card {
        let others = facts.domainsByDistance(from: domain).map(\.name)
        return Card(
            id: CardID(.roleDomain, role.key.rawValue), kind: .roleDomain, domain: domain.key, role: role.key,
            prompt: "\(Particle.topic.attach(to: role.name)) 어느 분야의 직무인가요?",
            answers: [
                Answer(
                    domain.name, aliases: [domain.englishName, "\(domain.number). \(domain.name)"].compactMap { $0 })
            ],
            distractors: Array(others.prefix(distractorPoolSize)), selection: .one,
            explanation: "\(place(role.line)): \(role.name)\(Particle.topic.form(after: role.name)) "
                + "'\(domain.number). \(domain.name)' 분야(\(domain.line)행)에 있습니다.")
    }

    func mindmapCard(_ role: Role, in domain: Domain) -> Card? {
        guard let mindmap = catalog.mindmap, let branch = catalog.branch(of: role), let leaf = catalog.leaf(of: role)
        else { return nil }
        let branchIndex = mindmap.branches.firstIndex { $0.label == branch.label } ?? 0
        let others = mindmap.branches.enumerated()
            .filter { $0.element.label != branch.label }
            .sorted { abs($0.offset - branchIndex) < abs($1.offset - branchIndex) }
            .map(\.element.label)
        guard !others.isEmpty else { return nil }
        return Card(
            id: CardID(.mindmap, role.key.rawValue), kind: .mindmap, domain: domain.key, role: role.key,
            prompt: "마인드맵(\(mindmap.root))에서 \(Particle.topic.attach(to: role.name)) 어느 가지 아래에 있나요?",
            answers: [Answer(branch.label)], distractors: Array(others.prefix(distractorPoolSize)), selection: .one,
            explanation: "\(place(leaf.line)): 마인드맵의 '\(branch.label)' 가지(\(branch.line)행) 아래에 "
                + "'\(leaf.label)'\(Particle.subject.form(after: leaf.label)) 있습니다.")
    }

    func dutiesCard(_ role: Role, in domain: Domain) -> Card {
        Card(
            id: CardID(.duties, role.key.rawValue), kind: .duties, domain: domain.key, role: role.key,
            prompt: "\(Particle.topic.attach(to: role.name)) 어떤 업무를 맡나요? (\(role.duties.count)가지)",
            answers: role.duties.map { Answer($0.text) },
            explanation: "\(place(role.dutiesLine)), \(role.name) › 업무: \(role.dutiesText)")
    }

    func stackCard(_ role: Role, in domain: Domain) -> Card {
        Card(
            id: CardID(.stack, role.key.rawValue), kind: .stack, domain: domain.key, role: role.key,
            prompt: "\(role.name)의 기술 스택을 모두 적어 보세요. (\(role.stack.count)개, 쉼표로 구분)",
            answers: role.stack.map { Answer($0.text, aliases: Array($0.acceptedTexts.dropFirst())) },
            explanation: "\(place(role.stackLine)), \(role.name) › 기술 스택: \(role.stackText)")
    }

    func dutyRoleCards(_ role: Role, in domain: Domain) -> [Card] {
        DutyPhrase.phrases(of: role).map { phrase in
            let owners = facts.roles(withDuties: phrase.keys)
            let distractors = facts.rolesByKinship(to: role).filter { candidate in
                !owners.contains { $0.key == candidate.key }
            }
            let quoted = "'\(phrase.text)'"
            return Card(
                id: CardID(.dutyRole, role.key.rawValue, phrase.key), kind: .dutyRole, domain: domain.key,
                role: role.key,
                prompt: owners.count == 1
                    ? "다음 업무를 맡는 직무는 무엇인가요? \(quoted)"
                    : "다음 업무를 맡는 직무를 모두 고르세요. \(quoted)",
                answers: owners.map(roleAnswer), distractors: Array(distractors.prefix(distractorPoolSize).map(\.name)),
                selection: owners.count == 1 ? .one : .all,
                explanation: owners.map { "\(place($0.dutiesLine)), \($0.name) › 업무: \($0.dutiesText)" }
                    .joined(separator: " / "))
        }
    }

    func clozeCards(_ role: Role, in domain: Domain) -> [Card] {
        role.duties.enumerated().map { index, duty in
            Card(
                id: CardID(.cloze, role.key.rawValue, duty.key), kind: .cloze, domain: domain.key, role: role.key,
                prompt: "\(role.name)의 업무입니다. 빈칸에 들어갈 말은 무엇인가요?",
                context: DutyPhrase.line(of: role, blanking: index),
                answers: [Answer(duty.text)],
                explanation: "\(place(role.dutiesLine)), \(role.name) › 업무: \(role.dutiesText)")
        }
    }

    func stackRoleCards(_ role: Role, in domain: Domain) -> [Card] {
        role.stack.compactMap { item in
            // One card per item across the catalog, in the deck of the first role that lists it.
            guard facts.firstRole(listing: item)?.key == role.key else { return nil }
            let owners = facts.roles(listing: item)
            let distractors = facts.rolesByKinship(to: role).filter { candidate in
                !facts.isRelated(item, toStackOf: candidate)
            }
            guard !distractors.isEmpty else { return nil }
            let subject = Particle.object.attach(to: item.text)
            return Card(
                id: CardID(.stackRole, item.key), kind: .stackRole, domain: domain.key,
                role: owners.count == 1 ? role.key : nil,
                prompt: owners.count == 1
                    ? "\(subject) 기술 스택으로 쓰는 직무는 무엇인가요?"
                    : "\(subject) 기술 스택으로 쓰는 직무를 모두 고르세요.",
                answers: owners.map(roleAnswer), distractors: Array(distractors.prefix(distractorPoolSize).map(\.name)),
                selection: owners.count == 1 ? .one : .all,
                explanation: "\(catalog.source) 기술 스택: "
                    + owners.map { owner in
                        let listed = owner.stack.first { $0.overlaps(item) }?.text ?? item.text
                        return "\(owner.name)(\(owner.stackLine)행: \(listed))"
                    }.joined(separator: ", "))
        }
    }

    func oddOneOutCard(_ role: Role, in domain: Domain) -> Card? {
        let outsiders = facts.outsiders(for: role)
        guard role.stack.count >= 2, !outsiders.isEmpty else { return nil }
        return Card(
            id: CardID(.oddOneOut, role.key.rawValue), kind: .oddOneOut, domain: domain.key, role: role.key,
            prompt: "다음 중 \(role.name)의 기술 스택에 없는 것은 무엇인가요?",
            answers: outsiders.prefix(distractorPoolSize).map { Answer($0.item.text) },
            distractors: role.stack.map(\.text), selection: .one,
            explanation: "\(place(role.stackLine)), \(role.name) › 기술 스택: \(role.stackText)")
    }

    func trueFalseCards(_ role: Role, in domain: Domain) -> [Card] {
        let truths = facts.distinctiveItems(of: role).prefix(statementsPerRole)
        let falsehoods = facts.outsiders(for: role).prefix(truths.count)
        let statement = { (item: StackItem) in
            "\(role.name)의 기술 스택에 \(Particle.subject.attach(to: item.text)) 있다."
        }
        let explanation = "\(place(role.stackLine)), \(role.name) › 기술 스택: \(role.stackText)"
        var cards = truths.map { item in
            Card(
                id: CardID(.trueFalse, role.key.rawValue, item.key), kind: .trueFalse, domain: domain.key,
                role: role.key, prompt: statement(item), answers: [TrueFalse.true.answer],
                explanation: explanation)
        }
        cards += falsehoods.map { outsider in
            Card(
                id: CardID(.trueFalse, role.key.rawValue, outsider.item.key), kind: .trueFalse, domain: domain.key,
                role: role.key, prompt: statement(outsider.item), answers: [TrueFalse.false.answer],
                explanation: explanation + " (\(outsider.item.text)\(Particle.topic.form(after: outsider.item.text)) "
                    + "\(outsider.owner.name)의 기술 스택, \(outsider.owner.stackLine)행)")
        }
        return cards
    }

    // MARK: - Domain-level cards

    func domainRolesCard(_ domain: Domain) -> Card {
        Card(
            id: CardID(.domainRoles, domain.key.rawValue), kind: .domainRoles, domain: domain.key, role: nil,
            prompt: "'\(domain.name)' 분야의 직무를 모두 적어 보세요. (\(domain.roles.count)개, 쉼표로 구분)",
            answers: domain.roles.map(roleAnswer),
            explanation: "\(place(domain.line)), \(domain.number). \(domain.name): "
                + domain.roles.map { "\($0.name)(\($0.line)행)" }.joined(separator: ", "))
    }

    // MARK: - Helpers

    func roleAnswer(_ role: Role) -> Answer { Answer(role.name, aliases: role.aliases) }

    func place(_ line: Int) -> String { "\(catalog.source) \(line)행" }
}

/// The two answers of a true/false card.
public enum TrueFalse: String, Sendable {
    case `true` = "O"
    case `false` = "X"

    /// The stored answer, with the words a learner may type for it.
    public var answer: Answer {
        switch self {
        case .true: Answer("O", aliases: ["참", "예", "true"])
        case .false: Answer("X", aliases: ["거짓", "아니오", "false"])
        }
    }
}
