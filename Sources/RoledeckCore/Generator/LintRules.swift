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
            messages.append("질문은 \(stated)개라고 하는데 답은 \(card.answers.count)개입니다.")
        }
        if [.typedMany, .flashcard].contains(card.kind.format), card.answers.count > CardMaker.listLimit {
            messages.append(
                "한 번에 \(card.answers.count)개를 묻습니다. \(CardMaker.listLimit)개까지만, 그 넘는 것은 한 카드에 하나씩 묻습니다."
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
                messages.append("'\(text)': 앞 업무에서 잘려 나왔습니다 ('\(opener)'로 시작합니다).")
            }
            if DutySplitter.opensRange(text) || (text.contains("까지") && !text.contains("부터")) {
                messages.append("'\(text)': '…부터 …까지' 범위 안에서 잘렸습니다.")
            }
            if card.kind != .cloze, !DutySplitter.endsInDutyWord(text, lexicon: index.lexicon),
                index.roles.contains(where: { role in role.dutyParts.contains { $0.isTopic && $0.text == text } })
            {
                messages.append("'\(text)': 업무로 나왔지만 일이 아니라 주제입니다.")
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
            guard let facts = item(of: card) else { return ["카드가 카탈로그의 기술 스택 항목을 가리키지 않습니다."] }
            for name in wrong {
                guard let other = roleNamed(name) else {
                    messages.append("보기 '\(name)': 카탈로그의 직무가 아닙니다.")
                    continue
                }
                if facts.relatedRoles.contains(other) {
                    messages.append(
                        "오답 '\(name)'에도 '\(facts.item.text)'나 그와 관련된 항목이 있어 정답일 수도 있습니다."
                    )
                }
            }
            for answer in card.answers {
                guard let other = roleNamed(answer.text) else {
                    messages.append("정답 '\(answer.text)': 카탈로그의 직무가 아닙니다.")
                    continue
                }
                if !facts.owners.contains(other) {
                    messages.append(
                        "정답 '\(answer.text)'의 기술 스택에 '\(facts.item.text)'\(Particle.subject.form(after: facts.item.text)) 없습니다."
                    )
                }
            }
        case .dutyRole, .contrast:
            guard let text = Self.quoted(in: card.prompt), let role,
                let facts = index.duties[role].first(where: { $0.duty.text == text })
            else { return ["카드가 그 직무의 업무를 인용하지 않습니다."] }
            for name in wrong {
                guard let other = roleNamed(name) else {
                    messages.append("보기 '\(name)': 카탈로그의 직무가 아닙니다.")
                    continue
                }
                let fair =
                    card.kind == .contrast
                    ? index.distinguishes(facts, of: role, from: other) : !index.isRelated(facts, to: other)
                if !fair {
                    messages.append(
                        "오답 '\(name)'에 같은 말로 된 업무나 이름이 있어 정답일 수도 있습니다.")
                } else if card.kind == .dutyRole && index.baseKeys[other] == index.baseKeys[role] {
                    messages.append(
                        "오답 '\(name)'\(Particle.topic.form(after: name)) 도구만 다른 같은 직무여서 이 업무도 맡을 수 있습니다.")
                }
            }
        case .oddOneOut:
            guard let role else { break }
            for name in wrong where !index.roles[role].stack.contains(where: { $0.text == name }) {
                messages.append("보기 '\(name)': 그 직무의 기술 스택에 있어야 하는데 없습니다.")
            }
            for answer in card.answers {
                guard let facts = itemNamed(answer.text) else {
                    messages.append("정답 '\(answer.text)': 카탈로그의 기술 스택 항목이 아닙니다.")
                    continue
                }
                if facts.relatedRoles.contains(role) {
                    messages.append("정답 '\(answer.text)': 그 직무의 기술 스택 항목(이나 그와 관련된 항목)입니다.")
                }
            }
        case .trueFalse:
            guard let role, let facts = item(of: card) else { return ["문장이 기술 스택 항목을 가리키지 않습니다."] }
            if card.statementIsTrue && !facts.owners.contains(role) {
                messages.append(
                    "참이라고 되어 있지만 그 직무의 기술 스택에 '\(facts.item.text)'\(Particle.subject.form(after: facts.item.text)) 없습니다."
                )
            }
            if !card.statementIsTrue && facts.relatedRoles.contains(role) {
                messages.append(
                    "거짓이라고 되어 있지만 그 직무의 기술 스택에 '\(facts.item.text)'나 그와 관련된 항목이 있습니다.")
            }
        case .roleDomain:
            guard let role, let domain = index.catalog.domain(of: index.roles[role]) else { break }
            for name in wrong where !index.catalog.domains.contains(where: { $0.name == name }) || name == domain.name {
                messages.append("오답 '\(name)': 카탈로그의 다른 분야가 아닙니다.")
            }
        case .mindmap:
            guard let role, let branch = index.catalog.branch(of: index.roles[role]) else { break }
            let labels = index.catalog.mindmap?.branches.map(\.label) ?? []
            for name in wrong where !labels.contains(name) || name == branch.label {
                messages.append("오답 '\(name)': mindmap의 다른 가지가 아닙니다.")
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
                ? ["직무 이름만 보고도 참인 문장입니다."] : []
        case .cloze, .stackCloze:
            let shown = card.answers.map(\.text).filter { DutyLine.shows($0, besidesTheBlankIn: card.context ?? "") }
            return shown.map { "빈칸 말고도 줄에 '\($0)'\(Particle.subject.form(after: $0)) 보입니다." }
        default:
            return []
        }
        let answers = card.answers.flatMap(\.accepted)
        return index.givesAway(cues: cues, answers: answers, wrong: card.distractors ?? [])
            ? ["질문이 답을 알려 줍니다: 정답 보기만 질문과 같은 말을 씁니다."] : []
    }

    // MARK: - Particles

    /// Particles after Latin names agree with the name's reading, and the spelling table decided it.
    func particles(_ card: Card) -> [String] {
        ParticleUse.scan(card.prompt + "\n" + (card.context ?? ""), lexicon: index.lexicon).compactMap { use in
            if use.isUndecided { return "'\(use.word)\(use.particle)'의 조사가 정해지지 않았습니다." }
            if use.particle != use.expected {
                return
                    "'\(use.word)\(use.particle)'\(Particle.topic.form(after: use.particle)) '\(use.word)\(use.expected)'\(Particle.mustBe.form(after: use.expected)) 합니다."
            }
            if use.source == .rules {
                return
                    "'\(use.word)' 뒤의 조사를 표가 아니라 철자 규칙으로 정했습니다: spellings.txt에 '\(use.word)'\(Particle.object.form(after: use.word)) 더하거나, "
                    + "카탈로그에 한글 표기를 쓰세요 (`\(use.word)(한글 표기)`)."
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
            return "정답 '\(answer.text)'의 \(words)에 한글 읽기가 없어 한글로 친 답은 틀린 것이 됩니다: "
                + "spellings.txt에 더하거나, 카탈로그에 한글 표기를 쓰세요 (`\(first)(한글 표기)`)."
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
