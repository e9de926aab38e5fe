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

    /// The duty line with one blank: a short part whole (`정제`), or the most telling word of a long one
    /// (`머신 러닝 모델의 개발부터 배포, 모니터링까지 전체 ＿＿＿ 관리` → 라이프사이클).
    func clozeCards(_ role: Int) -> [Draft] {
        let subject = index.roles[role]
        let partCount = subject.dutyParts.count
        var drafts: [Draft] = []
        for (dutyIndex, duty) in subject.duties.enumerated() {
            for (partIndex, part) in duty.parts.enumerated() {
                let blank: (answer: String, replaced: String)
                if let keyword = keywordBlank(in: part, role: role) {
                    blank = keyword
                } else {
                    guard partCount > 1 else { continue }
                    blank = (part.text, DutyLine.blank)
                }
                let context = DutyLine.render(subject, replacing: (dutyIndex, partIndex), with: blank.replaced)
                let card = Card(
                    id: CardID(.cloze, subject.key.rawValue, part.key), kind: .cloze, domain: subject.domain,
                    role: subject.key, prompt: "\(subject.name)의 업무입니다. 빈칸에 들어갈 말은 무엇인가요?",
                    context: context,
                    answers: [Answer(blank.answer, aliases: lexicon.spelledVariants(of: blank.answer))],
                    explanation: "\(place(subject.dutiesLine)), \(subject.name) › 업무: \(subject.dutiesText)")
                drafts.append(Draft(card: card, anchor: role, names: [role]))
            }
        }
        return drafts
    }

    /// For a part of more than three informative words: the word to blank and the part with it blanked.
    /// The word is the one fewest roles use, a thing before an action, the later (Korean puts the
    /// head last); never a word of the role's name, a grammar word or the catalog's subject. A part
    /// of four or five words whose best word is common (`시스템`) is blanked whole instead.
    func keywordBlank(in part: DutyPart, role: Int) -> (answer: String, replaced: String)? {
        let informative = index.cues([part.text]).filter { !Self.connectors.contains($0) }
        guard informative.count > Self.listLimit else { return nil }
        let names = index.nameWords[role]
        var best: (score: (Int, Int, Int), token: Int, stem: String)?
        let tokens = part.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for (position, token) in tokens.enumerated() {
            guard token.allSatisfy({ $0.isLetter || $0.isNumber }) else { continue }
            let stem = Words.stem(token)
            let hangul = CatalogIndex.isHangul(stem)
            guard stem.count >= (hangul ? 2 : 3), informative.contains(stem),
                !names.contains(where: { Words.sameStem($0, stem) }),
                !partOfKnownName(tokens, at: position)
            else { continue }
            let score = (index.roleCount(usingStemOf: stem), lexicon.isDutyWord(stem) ? 1 : 0, -position)
            if best.map({ score < $0.score }) ?? true { best = (score, position, stem) }
        }
        guard let best, best.score.0 <= 2 || informative.count > 5 else { return nil }
        var replaced = tokens
        replaced[best.token] = DutyLine.blank + tokens[best.token].dropFirst(best.stem.count)
        return (best.stem, replaced.joined(separator: " "))
    }

    static let connectors: Set<String> = ["및", "와", "과", "또는"]

    /// Whether the word at `position` is half of a name the spelling table knows as one
    /// (`머신` of `머신 러닝`): blanking half a term asks for nothing.
    func partOfKnownName(_ tokens: [String], at position: Int) -> Bool {
        let word = Words.stem(tokens[position])
        let before = position > 0 ? tokens[position - 1] : nil
        let after = position + 1 < tokens.count ? Words.stem(tokens[position + 1]) : nil
        return [before.map { $0 + word }, after.map { tokens[position] + $0 }].compactMap { $0 }
            .contains { lexicon.knows(NameKey($0)) }
    }

    /// A duty → the role that does it, with wrong options whose duties and names share no word with it.
    func dutyRoleCards(_ role: Int) -> [Draft] {
        let subject = index.roles[role]
        return index.duties[role].compactMap { facts in
            let wrong = pool(index.kin(of: role)) { !facts.relatedRoles.contains($0) }
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
