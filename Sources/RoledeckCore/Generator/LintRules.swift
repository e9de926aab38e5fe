/// The linter's checks of one card against the catalog, by kind: counts, whole duties, wrong options
/// that are really wrong, prompts that give nothing away, particles decided by the spelling table,
/// typed answers the table can read in Korean.
struct LintRules {
    let index: CatalogIndex
    let maker: CardMaker

    func check(_ card: Card) -> [String] {
        counts(card) + wholeDuties(card) + fairness(card) + guessing(card) + particles(card) + readings(card)
    }

    // MARK: - Counts

    /// The count a prompt states equals its answers; a typed or self-graded list asks for at most three.
    func counts(_ card: Card) -> [String] {
        var messages: [String] = []
        if let stated = Self.statedCount(in: card.prompt), stated != card.answers.count {
            messages.append("the prompt says \(stated) but the card has \(card.answers.count) answer(s).")
        }
        if [.typedMany, .flashcard].contains(card.kind.format), card.answers.count > CardMaker.listLimit {
            messages.append(
                "it asks for \(card.answers.count) items at once; at most \(CardMaker.listLimit), one card an item beyond."
            )
        }
        return messages
    }

    /// `(3가지)`, `(4개, 쉼표로 구분)`.
    static func statedCount(in prompt: String) -> Int? {
        guard let open = prompt.lastIndex(of: "(") else { return nil }
        let digits = prompt[prompt.index(after: open)...].prefix { $0.isASCII && $0.isNumber }
        let rest = prompt[prompt.index(after: open)...].dropFirst(digits.count).trimmingSpaces
        guard !digits.isEmpty, rest.hasPrefix("가지") || rest.hasPrefix("개") else { return nil }
        return Int(digits)
    }

    // MARK: - Duties

    /// Duties are shown whole: never cut inside `…부터 …까지` or before a `특히 …` clause, never a topic
    /// offered as a duty.
    func wholeDuties(_ card: Card) -> [String] {
        var texts: [String] = []
        switch card.kind {
        case .duties: texts = card.answers.map(\.text)
        case .dutyRole, .contrast: texts = Self.quoted(in: card.prompt).map { [$0] } ?? []
        case .cloze: texts = card.answers.map(\.text)
        default: return []
        }
        var messages: [String] = []
        for text in texts {
            if let opener = DutySplitter.elaborationOpeners.first(where: { text.hasPrefix($0 + " ") }) {
                messages.append("'\(text)' is cut from the duty before it: it begins with '\(opener)'.")
            }
            if DutySplitter.opensRange(text) || (text.contains("까지") && !text.contains("부터")) {
                messages.append("'\(text)' is cut inside a '…부터 …까지' range.")
            }
            if card.kind != .cloze, !DutySplitter.endsInDutyWord(text, lexicon: index.lexicon),
                index.roles.contains(where: { role in role.dutyParts.contains { $0.isTopic && $0.text == text } })
            {
                messages.append("'\(text)' is offered as a duty, but it names a topic, not work.")
            }
        }
        return messages
    }

    /// The text between the first pair of single quotes.
    static func quoted(in prompt: String) -> String? {
        guard let open = prompt.firstIndex(of: "'"),
            let close = prompt[prompt.index(after: open)...].firstIndex(of: "'")
        else { return nil }
        return String(prompt[prompt.index(after: open)..<close])
    }

    // MARK: - Wrong options

    /// Right answers are right and wrong options wrong, under the catalog and the related-terms table.
    func fairness(_ card: Card) -> [String] {
        let role = card.role.flatMap { index.position[$0] }
        let wrong = card.distractors ?? []
        var messages: [String] = []
        switch card.kind {
        case .stackRole,
            .contrast where card.prompt.contains("기술 스택"):
            guard let facts = item(of: card) else { return ["the card names no stack item of the catalog."] }
            for name in wrong {
                guard let other = roleNamed(name) else {
                    messages.append("the option '\(name)' is not a role of the catalog.")
                    continue
                }
                if facts.relatedRoles.contains(other) {
                    messages.append(
                        "the wrong option '\(name)' lists '\(facts.item.text)' or something related, so it may be right too."
                    )
                }
            }
            for answer in card.answers {
                guard let other = roleNamed(answer.text) else {
                    messages.append("the answer '\(answer.text)' is not a role of the catalog.")
                    continue
                }
                if !facts.owners.contains(other) {
                    messages.append("the answer '\(answer.text)' does not list '\(facts.item.text)'.")
                }
            }
        case .dutyRole, .contrast:
            guard let text = Self.quoted(in: card.prompt), let role,
                let facts = index.duties[role].first(where: { $0.duty.text == text })
            else { return ["the card quotes no duty of its role."] }
            for name in wrong {
                guard let other = roleNamed(name) else {
                    messages.append("the option '\(name)' is not a role of the catalog.")
                    continue
                }
                let fair =
                    card.kind == .contrast
                    ? index.distinguishes(facts, of: role, from: other) : !index.isRelated(facts, to: other)
                if !fair {
                    messages.append(
                        "the wrong option '\(name)' has a duty or name in the same words, so it may be right too.")
                } else if card.kind == .dutyRole && index.baseKeys[other] == index.baseKeys[role] {
                    messages.append(
                        "the wrong option '\(name)' is the same job with other tools, so it may do this too.")
                }
            }
        case .oddOneOut:
            guard let role else { break }
            for name in wrong where !index.roles[role].stack.contains(where: { $0.text == name }) {
                messages.append("the option '\(name)' should be in the role's stack but is not.")
            }
            for answer in card.answers {
                guard let facts = itemNamed(answer.text) else {
                    messages.append("the answer '\(answer.text)' is not a stack item of the catalog.")
                    continue
                }
                if facts.relatedRoles.contains(role) {
                    messages.append("the answer '\(answer.text)' is (or is related to) an item of the role's stack.")
                }
            }
        case .trueFalse:
            guard let role, let facts = item(of: card) else { return ["the statement names no stack item."] }
            if card.statementIsTrue && !facts.owners.contains(role) {
                messages.append("the statement is marked true but the role does not list '\(facts.item.text)'.")
            }
            if !card.statementIsTrue && facts.relatedRoles.contains(role) {
                messages.append(
                    "the statement is marked false but the role lists '\(facts.item.text)' or something related.")
            }
        case .roleDomain:
            guard let role, let domain = index.catalog.domain(of: index.roles[role]) else { break }
            for name in wrong where !index.catalog.domains.contains(where: { $0.name == name }) || name == domain.name {
                messages.append("the wrong option '\(name)' is not another domain of the catalog.")
            }
        case .mindmap:
            guard let role, let branch = index.catalog.branch(of: index.roles[role]) else { break }
            let labels = index.catalog.mindmap?.branches.map(\.label) ?? []
            for name in wrong where !labels.contains(name) || name == branch.label {
                messages.append("the wrong option '\(name)' is not another branch of the mindmap.")
            }
        default:
            break
        }
        return messages
    }

    // MARK: - Guessing

    /// A card the prompt's own words answer: a right option echoes them and no wrong option does,
    /// or a true statement about an item named like the role.
    func guessing(_ card: Card) -> [String] {
        let cues: [String]
        switch card.kind {
        case .roleDomain, .mindmap:
            guard let role = card.role.flatMap({ index.position[$0] }) else { return [] }
            cues = index.cues(index.roles[role].acceptedNames)
        case .dutyRole, .contrast:
            cues = index.cues([Self.quoted(in: card.prompt) ?? item(of: card)?.item.text ?? ""])
        case .stackRole:
            cues = index.cues([item(of: card)?.item.text ?? ""])
        case .trueFalse:
            guard card.statementIsTrue, let role = card.role.flatMap({ index.position[$0] }),
                let facts = item(of: card)
            else { return [] }
            let names = index.nameWords[role]
            return index.cues([facts.item.text]).contains { word in names.contains { Words.sameStem($0, word) } }
                ? ["the statement is true by the role's name alone."] : []
        case .cloze, .stackCloze:
            let shown = card.answers.map(\.text).filter { DutyLine.shows($0, besidesTheBlankIn: card.context ?? "") }
            return shown.map { "the line shows '\($0)' besides the blank." }
        default:
            return []
        }
        let answers = card.answers.flatMap(\.accepted)
        return index.givesAway(cues: cues, answers: answers, wrong: card.distractors ?? [])
            ? ["the prompt gives the answer away: only the right option shares its words."] : []
    }

    // MARK: - Particles

    /// Particles after Latin names agree with the name's reading, and the spelling table decided it.
    func particles(_ card: Card) -> [String] {
        ParticleUse.scan(card.prompt + "\n" + (card.context ?? ""), lexicon: index.lexicon).compactMap { use in
            if use.isUndecided { return "the particle in '\(use.word)\(use.particle)' is left undecided." }
            if use.particle != use.expected {
                return "'\(use.word)\(use.particle)' should be '\(use.word)\(use.expected)'."
            }
            if use.source == .rules {
                return "the particle after '\(use.word)' follows the spelling rules, not the table: add '\(use.word)' "
                    + "to spellings.txt, or write its Korean spelling in the catalog (`\(use.word)(한글 표기)`)."
            }
            return nil
        }
    }

    // MARK: - Readings

    /// A typed answer's Latin words have a Korean reading in the spelling table (or the catalog's own
    /// `Name(한글 표기)`), so a learner who types the answer in Hangul is judged right.
    func readings(_ card: Card) -> [String] {
        guard [.typed, .typedMany].contains(card.kind.format) else { return [] }
        return card.answers.compactMap { answer in
            let unread = index.lexicon.unreadWords(in: answer.text)
            guard let first = unread.first else { return nil }
            let words = unread.map { "'\($0)'" }.joined(separator: ", ")
            return "the answer '\(answer.text)' has no Korean reading for \(words), so a reply typed in Hangul "
                + "is marked wrong: add it to spellings.txt, or write its Korean spelling in the catalog "
                + "(`\(first)(한글 표기)`)."
        }
    }

    // MARK: - Lookups

    func roleNamed(_ name: String) -> Int? {
        index.roles.indices.first { index.roles[$0].acceptedNames.contains(name) }
    }

    func itemNamed(_ text: String) -> ItemFacts? {
        index.items[Slug.key(text)] ?? index.items.values.first { $0.item.text == text }
    }

    /// The item a card is about: from its id, else the longest item the prompt names.
    func item(of card: Card) -> ItemFacts? {
        if let last = card.id.rawValue.split(separator: "/").last, let facts = index.items[String(last)],
            facts.item.acceptedTexts.contains(where: card.prompt.contains)
        {
            return facts
        }
        return index.itemOrder.compactMap { index.items[$0] }.filter { card.prompt.contains($0.item.text) }
            .max { $0.item.text.count < $1.item.text.count }
    }
}
