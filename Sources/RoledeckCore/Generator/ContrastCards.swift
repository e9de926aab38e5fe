extension CardMaker {
    /// Pairs of roles a learner easily confuses: names in the same words (`퀀트 트레이더`, `퀀트 리서처`) or the
    /// same domain, with duties in the same words and distinctive items related to the other's. The closest
    /// pairs first, each role in at most two.
    func confusablePairs() -> [(Int, Int)] {
        let roles = index.roles.indices
        let stems = roles.map { Set(index.duties[$0].flatMap(\.words).map { $0.lowercased() }) }
        let distinctive = roles.map { role in
            index.roles[role].stack.compactMap { index.items[$0.key] }.filter { $0.owners.count <= ownerLimit }
        }
        var byDomain: [Int: [Int]] = [:]
        for role in roles { byDomain[index.domainPosition[role], default: []].append(role) }
        // A name word more roles share than this makes no pair stand out.
        let crowd = 6
        let nameCues = roles.map { index.nameCues(of: $0) }
        var byNameWord = WordIndex<Int>()
        for role in roles { for word in nameCues[role] { byNameWord.add(word, owner: role) } }
        var scored: [(score: Int, pair: [Int])] = []
        for role in roles {
            var sameName: Set<Int> = []
            for word in nameCues[role] {
                let owners = byNameWord.owners(sharingStemWith: word)
                if owners.count <= crowd { sameName.formUnion(owners) }
            }
            let candidates = Set(byDomain[index.domainPosition[role]] ?? []).union(sameName)
            for other in candidates where other > role {
                let score =
                    (index.domainPosition[other] == index.domainPosition[role] ? 2 : 0)
                    + (sameName.contains(other) ? 2 : 0)
                    + stems[role].intersection(stems[other]).count
                    + distinctive[role].count { $0.relatedRoles.contains(other) }
                    + distinctive[other].count { $0.relatedRoles.contains(role) }
                if score >= 4 { scored.append((score, [role, other])) }
            }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.pair.lexicographicallyPrecedes($1.pair) }
        var pairsOf = [Int](repeating: 0, count: index.roles.count)
        var pairs: [(Int, Int)] = []
        for candidate in scored where pairsOf[candidate.pair[0]] < 2 && pairsOf[candidate.pair[1]] < 2 {
            pairsOf[candidate.pair[0]] += 1
            pairsOf[candidate.pair[1]] += 1
            pairs.append((candidate.pair[0], candidate.pair[1]))
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// For each confusable pair, one card a side: a duty of one role that shares no word with the other's
    /// duties, name or stack (words both names share aside) and names no term the table relates to them,
    /// else a distinctive item of one the other is not related to. Facts another card already asks
    /// (`asked`, fact keys of the duty-role and stack-role cards) and a role's first contrast are not asked again.
    func contrastCards(avoiding asked: Set<String>) -> [Draft] {
        var used = asked
        var drafts: [Draft] = []
        for (first, second) in confusablePairs() {
            for (answer, other) in [(first, second), (second, first)] {
                guard let draft = contrastCard(answer: answer, other: other, order: (first, second), avoiding: used)
                else { continue }
                used.insert(draft.card.factKey)
                if let item = draft.card.id.rawValue.split(separator: "/").last { used.insert("item/\(item)") }
                drafts.append(draft)
            }
        }
        return drafts
    }

    private func contrastCard(answer: Int, other: Int, order: (Int, Int), avoiding used: Set<String>) -> Draft? {
        let subject = index.roles[answer]
        let rival = index.roles[other]
        let pairText =
            "\(Particle.with.attach(to: index.roles[order.0].shortName, lexicon: lexicon)) \(index.roles[order.1].shortName) 중"
        var cards: [Card] = []
        for facts in index.duties[answer] where !used.contains("\(subject.key.rawValue)/\(facts.duty.key)") {
            guard index.distinguishes(facts, of: answer, from: other),
                !index.givesAway(
                    cues: index.cues([facts.duty.text]), answers: subject.acceptedNames, wrong: [rival.name])
            else { continue }
            cards.append(
                Card(
                    id: CardID(.contrast, subject.key.rawValue, rival.key.rawValue, facts.duty.key), kind: .contrast,
                    domain: subject.domain, role: subject.key,
                    prompt: "이 카탈로그에서 \(pairText) 다음 업무를 맡는 직무는 무엇인가요? '\(facts.duty.text)'",
                    answers: [roleAnswer(subject)], distractors: [rival.shortName], selection: .one,
                    explanation: "\(place(subject.dutiesLine)), \(subject.name) › 업무: \(subject.dutiesText) / "
                        + "\(place(rival.dutiesLine)), \(rival.name) › 업무: \(rival.dutiesText)"))
        }
        let items = subject.stack.compactMap { index.items[$0.key] }
            .filter { $0.owners.count <= ownerLimit && !$0.relatedRoles.contains(other) }
            .filter {
                !used.contains("\(subject.key.rawValue)/\($0.item.key)") && !used.contains("item/\($0.item.key)")
            }
            .filter {
                !index.givesAway(cues: index.cues([$0.item.text]), answers: subject.acceptedNames, wrong: [rival.name])
            }
            .enumerated().sorted { ($0.element.owners.count, $0.offset) < ($1.element.owners.count, $1.offset) }
            .map(\.element)
        for facts in items {
            cards.append(
                Card(
                    id: CardID(.contrast, subject.key.rawValue, rival.key.rawValue, facts.item.key), kind: .contrast,
                    domain: subject.domain, role: subject.key,
                    prompt:
                        "이 카탈로그에서 \(pairText) 기술 스택에 \(Particle.subject.attach(to: Self.label(facts.item), lexicon: lexicon)) 있는 직무는 무엇인가요?",
                    answers: [roleAnswer(subject)], distractors: [rival.shortName], selection: .one,
                    explanation: "\(place(subject.stackLine)), \(subject.name) › 기술 스택: \(subject.stackText) / "
                        + "\(place(rival.stackLine)), \(rival.name) › 기술 스택: \(rival.stackText)"))
        }
        // A duty first, else the item fewest roles list; the decks in place keep their pick while it stands.
        guard let card = cards.first(where: { earlier.contains($0.id) }) ?? cards.first else { return nil }
        return Draft(card: card, anchor: answer, names: [answer, other])
    }
}
