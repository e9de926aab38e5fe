extension CardMaker {
    /// Role → its domain, unless the role's name gives the domain away (`데이터 엔지니어` → 데이터). Domains
    /// the related-terms table relates to the role's (`머신 러닝` and `인공지능 이론`) are not offered as wrong.
    func roleDomainCard(_ role: Int) -> Draft? {
        let subject = index.roles[role]
        guard let domain = catalog.domain(of: subject) else { return nil }
        let home = index.domainPosition[role]
        let others = CardMaker.outward(from: home, count: catalog.domains.count)
            .lazy.filter { !index.relatedDomains[home].contains($0) }.prefix(distractorPoolSize)
            .map { catalog.domains[$0].name }
        let wrong = Array(others.prefix(distractorPoolSize))
        let answerNames = [domain.name, domain.englishName].compactMap { $0 }
        guard wrong.count >= minimumDistractors,
            !index.givesAway(cues: index.nameCues(of: role), answers: answerNames, wrong: wrong)
        else { return nil }
        let card = Card(
            id: CardID(.roleDomain, subject.key.rawValue), kind: .roleDomain, domain: subject.domain,
            role: subject.key,
            prompt: "이 카탈로그에서 \(Particle.topic.attach(to: subject.shortName, lexicon: lexicon)) 어느 분야에 속하나요?",
            answers: [Answer(domain.name, aliases: answerNames + ["\(domain.number). \(domain.name)"])],
            distractors: wrong, selection: .one,
            explanation: "\(place(subject.line)): \(Particle.topic.attach(to: subject.name, lexicon: lexicon)) "
                + "'\(domain.number). \(domain.name)' 분야(\(domain.line)행)에 있습니다.")
        return Draft(card: card, anchor: role, names: [role], basic: true)
    }

    /// Positions around `home`, nearest first, the one above before the one below: 4, 3, 5, 2, 6, …
    static func outward(from home: Int, count: Int) -> [Int] {
        var order: [Int] = []
        var distance = 1
        while order.count < count - 1 {
            if home - distance >= 0 { order.append(home - distance) }
            if home + distance < count { order.append(home + distance) }
            distance += 1
        }
        return order
    }

    /// Role → its mindmap branch, only where the branch teaches something the domains do not: it
    /// groups roles otherwise than the domains, and its label is not merely the domain's name in English
    /// (`Live` for 라이브 서비스). The explanation says where the catalog's body puts the role.
    func mindmapCard(_ role: Int) -> Draft? {
        let subject = index.roles[role]
        guard let mindmap = catalog.mindmap, let branch = catalog.branch(of: subject),
            let leaf = catalog.leaf(of: subject), let domain = catalog.domain(of: subject)
        else { return nil }
        let branchRoles = Set(branch.leaves.compactMap(\.role))
        let domainRoles = Set(domain.roles.map(\.key))
        let domainCues = index.cues([domain.name] + (domain.englishName.map { [$0] } ?? []))
        guard branchRoles != domainRoles, !index.shares(branch.label, with: domainCues) else { return nil }
        let home = mindmap.branches.firstIndex { $0.label == branch.label } ?? 0
        let wrong = CardMaker.outward(from: home, count: mindmap.branches.count).prefix(distractorPoolSize)
            .map { mindmap.branches[$0].label }
        guard wrong.count >= min(minimumDistractors, mindmap.branches.count - 1),
            !index.givesAway(cues: index.nameCues(of: role), answers: [branch.label], wrong: Array(wrong))
        else { return nil }
        let card = Card(
            id: CardID(.mindmap, subject.key.rawValue), kind: .mindmap, domain: subject.domain, role: subject.key,
            prompt:
                "마인드맵(\(mindmap.root))에서 \(Particle.topic.attach(to: subject.shortName, lexicon: lexicon)) 어느 가지 아래에 있나요?",
            answers: [Answer(branch.label)], distractors: Array(wrong), selection: .one,
            explanation: "\(place(leaf.line)): 마인드맵의 '\(branch.label)' 가지(\(branch.line)행) 아래에 "
                + "'\(leaf.label)'\(Particle.subject.form(after: leaf.label, lexicon: lexicon)) 있습니다. 같은 가지: "
                + branch.leaves.map(\.label).joined(separator: ", ")
                + ". 카탈로그 본문에서는 '\(domain.number). \(domain.name)' 분야(\(domain.line)행)에 있습니다.")
        return Draft(card: card, anchor: role, names: [role])
    }

    /// Domain → its roles, typed, for domains of two or three roles whose names do not all echo the
    /// domain's name (`데이터` → 데이터 애널리틱스, 데이터 리서처, 데이터 엔지니어 gives half of each away).
    func domainRolesCard(_ domain: Domain) -> Draft? {
        let roles = domain.roles.compactMap(index.index(of:))
        guard (2...Self.listLimit).contains(roles.count), let last = roles.last else { return nil }
        let cues = index.cues([domain.name] + (domain.englishName.map { [$0] } ?? []))
        guard !domain.roles.allSatisfy({ index.shares(DutySplitter.withoutParentheses($0.name), with: cues) }) else {
            return nil
        }
        let card = Card(
            id: CardID(.domainRoles, domain.key.rawValue), kind: .domainRoles, domain: domain.key, role: nil,
            prompt: "이 카탈로그에서 '\(domain.name)' 분야에 속한 직무를 모두 적어 보세요. (\(roles.count)개, 쉼표로 구분)",
            answers: domain.roles.map(roleAnswer),
            explanation: "\(place(domain.line)), \(domain.number). \(domain.name): "
                + domain.roles.map { "\($0.name)(\($0.line)행)" }.joined(separator: ", "))
        return Draft(card: card, anchor: last, names: Set(roles))
    }
}
