extension CardMaker {
    /// Role → its duties, self-graded, for roles with one to three duties; the count in the prompt is
    /// the number of duties shown.
    func dutiesCard(_ role: Int) -> Draft? {
        let subject = index.roles[role]
        guard (1...Self.listLimit).contains(subject.duties.count) else { return nil }
        let card = Card(
            id: CardID(.duties, subject.key.rawValue), kind: .duties, domain: subject.domain, role: subject.key,
            prompt:
                "\(Particle.topic.attach(to: subject.name, lexicon: lexicon)) 어떤 업무를 맡나요? (\(subject.duties.count)가지)",
            answers: subject.duties.map { Answer($0.text) },
            explanation: "\(place(subject.dutiesLine)), \(subject.name) › 업무: \(subject.dutiesText)")
        return Draft(card: card, anchor: role, names: [role], basic: true)
    }

    /// The duty line with one blank, one card a part:
    /// - a bare action that shares the object before it is blanked whole (`데이터 수집, ＿＿＿, …` → 정제;
    ///   `＿＿＿ 및 ＿＿＿` → 분석 및 시각화), and the two-word part that gives the object keeps the object
    ///   (`데이터 ＿＿＿, 정제, …` → 수집);
    /// - any other part gives the most telling word it names (`데이터 ＿＿＿ 구축 및 관리` → 파이프라인);
    /// - a topic of a list (`알고리즘, 데이터 구조, …`) is not blanked: many words would fit.
    func clozeCards(_ role: Int) -> [Draft] {
        let subject = index.roles[role]
        var drafts: [Draft] = []
        for (dutyIndex, duty) in subject.duties.enumerated() {
            let sharesObject =
                duty.parts.count > 1 && !duty.parts[0].isTopic
                && duty.parts.dropFirst().allSatisfy { DutySplitter.isBareAction($0.text) }
            for (partIndex, part) in duty.parts.enumerated() where !part.isTopic {
                let words = part.text.split(separator: " ").map(String.init)
                let blank: (answer: String, replaced: String)?
                if sharesObject && partIndex > 0 {
                    let pieces = part.text.components(separatedBy: " 및 ")
                    blank = (part.text, pieces.map { _ in DutyLine.blank }.joined(separator: " 및 "))
                } else if sharesObject && words.count == 2, let action = words.last {
                    blank = (action, words[0] + " " + DutyLine.blank)
                } else if let keyword = keywordBlanks(in: part, role: role).first(where: { candidate in
                    let line = DutyLine.render(subject, replacing: (dutyIndex, partIndex), with: candidate.replaced)
                    return !DutyLine.shows(candidate.answer, besidesTheBlankIn: line)
                }) {
                    blank = keyword
                } else if words.count <= 2 && subject.dutyParts.count > 1 {
                    blank = (part.text, DutyLine.blank)
                } else {
                    blank = nil
                }
                guard let blank else { continue }
                let context = DutyLine.render(subject, replacing: (dutyIndex, partIndex), with: blank.replaced)
                guard !DutyLine.shows(blank.answer, besidesTheBlankIn: context) else { continue }
                let card = Card(
                    id: CardID(.cloze, subject.key.rawValue, part.key), kind: .cloze, domain: subject.domain,
                    role: subject.key, prompt: "\(subject.shortName)의 업무입니다. 빈칸에 들어갈 말은 무엇인가요?",
                    context: context,
                    answers: [Answer(blank.answer, aliases: lexicon.spelledVariants(of: blank.answer))],
                    explanation: "\(place(subject.dutiesLine)), \(subject.name) › 업무: \(subject.dutiesText)")
                drafts.append(Draft(card: card, anchor: role, names: [role]))
            }
        }
        return drafts
    }

    /// The words of a part to blank, best first, each with the part as it reads blanked: a thing the
    /// part names (the one fewest roles use, then the later, since Korean puts the head last), an action
    /// only when it names no thing; never a word of the role's name, half of a known term (`머신` of
    /// `머신 러닝`), a grammar or filler word (`시스템`, `기초`) or the catalog's subject. A parenthesis
    /// stays visible (`＿＿＿(LGD)`).
    func keywordBlanks(in part: DutyPart, role: Int) -> [(answer: String, replaced: String)] {
        let informative = Set(index.cues([part.text]).filter { !Self.connectors.contains($0) })
        let names = index.nameWords[role]
        var candidates: [(score: (Int, Int, Int), token: Int, stem: String)] = []
        let tokens = part.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for (position, token) in tokens.enumerated() {
            let head = token.prefix { $0 != "(" }
            // A word glossed in parentheses (`증례기록서(CRF)`) would show its own answer.
            guard !head.isEmpty, head.count == token.count, head.allSatisfy({ $0.isLetter || $0.isNumber })
            else { continue }
            let stem = blankable(String(head))
            let hangul = CatalogIndex.isHangul(stem)
            guard stem.count >= (hangul ? 2 : 3), informative.contains(Words.stem(stem)),
                !Self.fillerWords.contains(stem),
                !names.contains(where: { Words.sameStem($0, stem) }),
                !partOfKnownName(tokens.map { String($0.prefix { $0 != "(" }) }, at: position)
            else { continue }
            candidates.append(
                ((lexicon.isDutyWord(stem) ? 1 : 0, index.roleCount(usingStemOf: stem), -position), position, stem))
        }
        return candidates.sorted { $0.score < $1.score }.map { candidate in
            var replaced = tokens
            replaced[candidate.token] = DutyLine.blank + tokens[candidate.token].dropFirst(candidate.stem.count)
            return (candidate.stem, replaced.joined(separator: " "))
        }
    }

    /// A word as the blank asks for it: without its particle (`파이프라인을` → 파이프라인, `튜닝의` → 튜닝),
    /// but a word ending in `로` keeps it unless the catalog writes the word without it elsewhere: a
    /// loanword is never cut at a lookalike particle (`워크플로`, not `워크플`).
    func blankable(_ word: String) -> String {
        let stem = Words.stem(word)
        guard stem != word else { return word }
        let particle = word.dropFirst(stem.count)
        if !Self.lookalikeParticles.contains(String(particle)) || index.writtenWords.contains(Substring(stem)) {
            return stem
        }
        return word
    }

    /// Particles that loanwords end in as often as words take them (`워크플로`, `프로토콜로`).
    static let lookalikeParticles: Set<String> = ["로"]

    static let connectors: Set<String> = ["및", "와", "과", "또는"]

    /// Words a blank should not ask for: many words would fit in their place.
    static let fillerWords: Set<String> = [
        "시스템", "기초", "기반", "작업", "전반", "기능", "성능", "방법", "분야", "업무", "최신", "환경", "다양한", "주요",
        "전체", "기본", "신규", "관련", "각종", "여러",
    ]

    /// Whether the word at `position` is half of a term the spelling table or a stack knows as one
    /// (`머신` of `머신 러닝`, `가격` of `가격 결정`, `SNOMED` of `SNOMED CT`): blanking half a term asks
    /// for nothing.
    func partOfKnownName(_ tokens: [String], at position: Int) -> Bool {
        let word = Words.stem(tokens[position])
        let before = position > 0 ? tokens[position - 1] : nil
        let after = position + 1 < tokens.count ? Words.stem(tokens[position + 1]) : nil
        return [before.map { $0 + " " + word }, after.map { tokens[position] + " " + $0 }].compactMap { $0 }
            .contains { lexicon.knows(NameKey($0)) || index.itemNames.contains(NameKey($0)) }
    }

    /// A duty that names only things many roles work on (`시스템 최적화`, `데이터 전처리`, `알고리즘 구현`):
    /// asking who does it would make right answers wrong.
    func isCommonplace(_ facts: DutyFacts) -> Bool {
        facts.words.filter { !lexicon.isDutyWord($0) && !Self.fillerWords.contains($0) }
            .allSatisfy { index.roleCount(usingStemOf: $0) >= 3 }
    }

    /// A duty → the role that does it, with wrong options whose duties, names and stacks share no word
    /// with it and name no term the related-terms table relates to it.
    func dutyRoleCards(_ role: Int) -> [Draft] {
        let subject = index.roles[role]
        return index.duties[role].compactMap { facts in
            guard !isCommonplace(facts) else { return nil }
            // A role that differs only by its qualifier likely does the same work: never a wrong option.
            let wrong = pool(index.kin(of: role)) {
                !index.isRelated(facts, to: $0) && index.baseKeys[$0] != index.baseKeys[role]
            }
            guard wrong.count >= minimumDistractors else { return nil }
            let cues = index.cues([facts.duty.text])
            guard !index.givesAway(cues: cues, answers: subject.acceptedNames, wrong: roleNames(wrong)) else {
                return nil
            }
            let card = Card(
                id: CardID(.dutyRole, subject.key.rawValue, facts.duty.key), kind: .dutyRole, domain: subject.domain,
                role: subject.key, prompt: "이 카탈로그에서 다음 업무를 맡는 직무는 무엇인가요? '\(facts.duty.text)'",
                answers: [roleAnswer(subject)], distractors: roleNames(wrong), selection: .one,
                explanation: "\(place(subject.dutiesLine)), \(subject.name) › 업무: \(subject.dutiesText)")
            return Draft(card: card, anchor: role, names: Set(wrong + [role]))
        }
    }
}

/// The `업무:` line as cards show it: duties in their clauses, one part replaced.
enum DutyLine {
    static let blank = "＿＿＿"

    /// Whether every word of `answer` can be read elsewhere in the cloze line (`＿＿＿ 설계 및 개발, 컴퓨터
    /// 시스템과 소프트웨어의 …` for 소프트웨어): the line would give the blank away.
    static func shows(_ answer: String, besidesTheBlankIn line: String) -> Bool {
        let asked = Words.of(answer).filter { $0.count >= (CatalogIndex.isHangul($0) ? 2 : 3) && $0 != "및" }
        let shown = Words.of(line.replacingOccurrences(of: blank, with: " "))
        return !asked.isEmpty && asked.allSatisfy { word in shown.contains { Words.sameStem($0, word) } }
    }

    static func render(_ role: Role, replacing target: (duty: Int, part: Int), with replacement: String) -> String {
        var clauses: [[String]] = []
        var lastClause = -1
        for (dutyIndex, duty) in role.duties.enumerated() {
            let parts = duty.parts.enumerated().map { partIndex, part in
                (dutyIndex, partIndex) == target ? replacement : part.text
            }
            let text = parts.joined(separator: ", ")
            if duty.clause == lastClause, !clauses.isEmpty {
                clauses[clauses.count - 1].append(text)
            } else {
                clauses.append([text])
            }
            lastClause = duty.clause
        }
        return clauses.map { $0.joined(separator: ", ") }.joined(separator: "; ")
    }
}
