extension CardMaker {
    /// Role → its whole stack, typed, for stacks of at most three items.
    func stackCard(_ role: Int) -> Draft? {
        let subject = index.roles[role]
        guard subject.stack.count <= Self.listLimit else { return nil }
        let card = Card(
            id: CardID(.stack, subject.key.rawValue), kind: .stack, domain: subject.domain, role: subject.key,
            prompt: "\(subject.shortName)의 기술 스택을 모두 적어 보세요. (\(subject.stack.count)개, 쉼표로 구분)",
            answers: subject.stack.map(itemAnswer),
            explanation: "\(place(subject.stackLine)), \(subject.name) › 기술 스택: \(subject.stackText)")
        return Draft(card: card, anchor: role, names: [role], basic: true)
    }

    /// The stack line with one item blanked, one card an item, for stacks of more than three items;
    /// an item two roles in five list (`Python`) is no question (it is a safe guess) but stays on the
    /// line. The first card introduces the role's stack.
    func stackClozeCards(_ role: Int) -> [Draft] {
        let subject = index.roles[role]
        guard subject.stack.count > Self.listLimit else { return [] }
        var drafts: [Draft] = []
        for (position, item) in subject.stack.enumerated() {
            if let owners = index.items[item.key]?.owners.count, owners * 5 >= index.roles.count * 2, owners > 1 {
                continue
            }
            let context = subject.stack.enumerated().map { $0.offset == position ? DutyLine.blank : $0.element.text }
                .joined(separator: ", ")
            guard !DutyLine.shows(item.text, besidesTheBlankIn: context) else { continue }
            let card = Card(
                id: CardID(.stackCloze, subject.key.rawValue, item.key), kind: .stackCloze, domain: subject.domain,
                role: subject.key, prompt: "\(subject.shortName)의 기술 스택입니다. 빈칸에 들어갈 항목은 무엇인가요?",
                context: context, answers: [itemAnswer(item)],
                explanation: "\(place(subject.stackLine)), \(subject.name) › 기술 스택: \(subject.stackText)")
            drafts.append(Draft(card: card, anchor: role, names: [role], basic: drafts.isEmpty))
        }
        return drafts
    }

    /// The roles that list an item, when few do (an item most roles list tells them apart from nothing).
    var ownerLimit: Int { min(8, max(Self.listLimit, index.roles.count / 10)) }

    /// A stack item (or a part of a group) → the roles that list it, once across the catalog, in the
    /// deck of the first role that lists it. Roles related to the item are neither right nor wrong
    /// options (the explanation names them); the card is left out when its item names the answer, when
    /// it is a group whose parts other roles list (`자연어 처리 도구(NLTK, SpaCy)`: ask NLTK and SpaCy), and
    /// beyond the second item with the same set of several owners.
    func stackRoleCards() -> [Draft] {
        var sameOwners: [[Int]: Int] = [:]
        return index.itemOrder.compactMap { key in
            // A part no role lists on its own (`NoSQL`) is asked through its group.
            guard let facts = index.items[key], !facts.isPart, let first = facts.owners.first,
                facts.owners.count <= ownerLimit, !partsListedElsewhere(facts)
            else { return nil }
            let owner = index.roles[first]
            let wrong = pool(index.kin(of: first)) { !facts.relatedRoles.contains($0) }
            guard wrong.count >= minimumDistractors else { return nil }
            let answers = facts.owners.map { index.roles[$0] }
            let cues = index.cues([facts.item.text] + facts.item.acceptedTexts)
            guard !index.givesAway(cues: cues, answers: answers.flatMap(\.acceptedNames), wrong: roleNames(wrong))
            else { return nil }
            if facts.owners.count > 1 {
                sameOwners[facts.owners, default: 0] += 1
                guard sameOwners[facts.owners, default: 0] <= 2 else { return nil }
            }
            let single = answers.count == 1
            let subject = Particle.subject.attach(to: Self.label(facts.item), lexicon: lexicon)
            let relatedOnly = facts.relatedRoles.subtracting(facts.owners).sorted()
            let aside =
                relatedOnly.prefix(5).map { index.roles[$0].shortName }
                + (relatedOnly.count > 5 ? ["외 \(relatedOnly.count - 5)개"] : [])
            let card = Card(
                id: CardID(.stackRole, key), kind: .stackRole, domain: owner.domain, role: single ? owner.key : nil,
                prompt: single
                    ? "이 카탈로그에서 기술 스택에 \(subject) 있는 직무는 무엇인가요?"
                    : "이 카탈로그에서 기술 스택에 \(subject) 있는 직무를 모두 고르세요.",
                answers: answers.map(roleAnswer), distractors: roleNames(wrong), selection: single ? .one : .all,
                explanation: "\(catalog.source) 기술 스택: "
                    + answers.map { role in
                        let listed = role.stack.first { $0.coveredKeys.contains(key) }?.text ?? facts.item.text
                        return "\(role.name)(\(role.stackLine)행: \(listed))"
                    }.joined(separator: ", ")
                    + (aside.isEmpty ? "" : ". 관련 항목이 있어 보기에서 뺀 직무: " + aside.joined(separator: ", ")))
            return Draft(card: card, anchor: first, names: Set(wrong + facts.owners))
        }
    }

    /// Whether a group's parts are listed by roles that do not list the group.
    func partsListedElsewhere(_ facts: ItemFacts) -> Bool {
        facts.item.parts.contains { part in
            guard let partFacts = index.items[Slug.key(part)] else { return false }
            return !Set(partFacts.owners).isSubset(of: facts.owners)
        }
    }

    /// Items of other roles this role is not related to and few roles list, its kin's first, with the
    /// role that lists each.
    func outsiders(of role: Int) -> [(item: StackItem, owner: Int)] {
        var seen: Set<String> = []
        var result: [(StackItem, Int)] = []
        let latin = { (item: StackItem) in !CatalogIndex.isHangul(item.name) }
        let mostlyLatin = index.roles[role].stack.count { latin($0) } * 2 > index.roles[role].stack.count
        // The nearest kin are enough: past them, a large catalog's roles repeat the same items.
        for other in index.kin(of: role).prefix(Self.kinReach) {
            for item in index.roles[other].stack where seen.insert(item.key).inserted {
                // An item most roles list is no fair outsider: a learner may well think any role uses it.
                guard let facts = index.items[item.key], !facts.relatedRoles.contains(role),
                    facts.owners.count <= ownerLimit,
                    !index.itemEchoesName(item, of: role)
                else { continue }
                result.append((item, other))
            }
            if result.count >= distractorPoolSize * 2 { break }
        }
        // An item in the other script from the rest stands out by its letters alone: same script first.
        let ordered = result.enumerated().sorted { lhs, rhs in
            let left = latin(lhs.element.0) == mostlyLatin ? 0 : 1
            let right = latin(rhs.element.0) == mostlyLatin ? 0 : 1
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
        return Array(ordered.prefix(distractorPoolSize))
    }

    /// How many of a role's kin are searched for items it does not list.
    static let kinReach = 40

    /// `OpenCV: 컴퓨터 비전 엔지니어, …`: who lists an outsider, for explanations.
    func listers(of item: StackItem) -> String {
        let owners = index.items[item.key]?.owners ?? []
        let named = owners.prefix(4).map { index.roles[$0].shortName }.joined(separator: ", ")
        return "\(item.text): " + named + (owners.count > 4 ? " 외 \(owners.count - 4)개 직무" : "")
    }

    /// Which item is not in this role's stack: three of its items and one its kin list and it is not related to.
    func oddOneOutCard(_ role: Int) -> Draft? {
        let subject = index.roles[role]
        let outsiders = outsiders(of: role).prefix(distractorPoolSize)
        guard subject.stack.count >= 3, !outsiders.isEmpty else { return nil }
        let card = Card(
            id: CardID(.oddOneOut, subject.key.rawValue), kind: .oddOneOut, domain: subject.domain, role: subject.key,
            prompt: "이 카탈로그에서 \(subject.shortName)의 기술 스택에 없는 것은 무엇인가요?",
            answers: outsiders.map { Answer($0.item.text) }, distractors: subject.stack.map(\.text), selection: .one,
            explanation: "\(place(subject.stackLine)), \(subject.name) › 기술 스택: \(subject.stackText). "
                + "없는 것은 다른 직무의 것입니다: " + outsiders.map { listers(of: $0.item) }.joined(separator: "; "))
        return Draft(card: card, anchor: role, names: Set([role] + outsiders.map(\.owner)))
    }

    /// One statement about the role's stack: true about an item few roles list, or false about an item
    /// of its kin it is not related to, every other role the other way round so `O` and `X` are as common.
    func statementCard(_ role: Int) -> Draft? {
        let subject = index.roles[role]
        let explanation = "\(place(subject.stackLine)), \(subject.name) › 기술 스택: \(subject.stackText)"
        let statement = { (item: StackItem) in
            "이 카탈로그에서 \(subject.shortName)의 기술 스택에는 "
                + "\(Particle.subject.attach(to: Self.label(item), lexicon: lexicon)) 있다."
        }
        let candidates = subject.stack.enumerated().filter { _, item in
            !index.itemEchoesName(item, of: role)
        }
        let earlierTruth = candidates.first {
            earlier.contains(CardID(.trueFalse, subject.key.rawValue, $0.element.key))
        }
        let truth =
            earlierTruth?.element
            ?? candidates.min { lhs, rhs in
                let left = index.items[lhs.element.key]?.owners.count ?? 0
                let right = index.items[rhs.element.key]?.owners.count ?? 0
                return left != right ? left < right : lhs.offset < rhs.offset
            }?.element
        let trueCard = truth.map { item in
            Draft(
                card: Card(
                    id: CardID(.trueFalse, subject.key.rawValue, item.key), kind: .trueFalse, domain: subject.domain,
                    role: subject.key, prompt: statement(item), answers: [TrueFalse.true.answer],
                    explanation: explanation),
                anchor: role, names: [role])
        }
        let others = outsiders(of: role)
        let falseItem =
            others.first { earlier.contains(CardID(.trueFalse, subject.key.rawValue, $0.item.key)) } ?? others.first
        let falseCard = falseItem.map { outsider in
            Draft(
                card: Card(
                    id: CardID(.trueFalse, subject.key.rawValue, outsider.item.key), kind: .trueFalse,
                    domain: subject.domain, role: subject.key, prompt: statement(outsider.item),
                    answers: [TrueFalse.false.answer],
                    explanation: explanation + ". 없는 것은 다른 직무의 것입니다: " + listers(of: outsider.item)),
                anchor: role, names: [role, outsider.owner])
        }
        if let trueCard, earlier.contains(trueCard.card.id) { return trueCard }
        if let falseCard, earlier.contains(falseCard.card.id) { return falseCard }
        return role % 2 == 0 ? trueCard ?? falseCard : falseCard ?? trueCard
    }

    /// How a prompt names an item: a group with its parts (`데이터베이스(SQL, NoSQL)`), any other item by its
    /// name alone (`HLSL`, whether a role wrote `HLSL` or `HLSL(High Level Shading Language)`).
    static func label(_ item: StackItem) -> String {
        item.parts.isEmpty ? item.name : item.text
    }
}
