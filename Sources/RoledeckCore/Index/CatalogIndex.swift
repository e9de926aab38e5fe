/// What the generator and the linter ask of a catalog, worked out once: who lists what, which items
/// and duties are related to which roles, which words are informative, which roles are kin.
///
/// Everything here is built in one pass over the catalog and answered from dictionaries, so
/// generating a catalog's cards grows with the number of cards, not with its square.
public struct CatalogIndex: Sendable {
    public let catalog: Catalog
    let lexicon: Lexicon
    /// Every role, in catalog order; roles are referred to by their position here.
    let roles: [Role]
    let position: [RoleKey: Int]
    /// Each role's domain, as a position in `catalog.domains`.
    let domainPosition: [Int]
    /// Every stack item and part by key, with who lists it and who it is related to.
    let items: [String: ItemFacts]
    /// Item keys in catalog order, parts after the item that holds them.
    let itemOrder: [String]
    /// Each role's duties with their words and the roles related to them.
    let duties: [[DutyFacts]]
    /// The stems of each role's names, its domain's names and its mindmap label.
    let nameWords: [[String]]
    /// The stems of each role's stack items (names, aliases and parts).
    let stackWords: [[String]]
    /// Role-name words two roles in five share (`엔지니어`): they tell nothing about which role is meant.
    let genericRoleWords: Set<String>
    /// Words of the catalog's subject (the mindmap root, `AI JOB`): everywhere, so never informative.
    let subjectWords: Set<String>
    /// Every role's informative duty and name words, by stem.
    let words: WordIndex<Int>

    public init(catalog: Catalog, lexicon base: Lexicon = .shipped) {
        self.catalog = catalog
        let lexicon = base.adding(spellings: Self.catalogSpellings(catalog))
        self.lexicon = lexicon
        let roles = catalog.roles
        self.roles = roles
        var position: [RoleKey: Int] = [:]
        for (index, role) in roles.enumerated() { position[role.key] = index }
        self.position = position
        let domainIndex = Dictionary(uniqueKeysWithValues: catalog.domains.enumerated().map { ($1.key, $0) })
        domainPosition = roles.map { domainIndex[$0.domain] ?? 0 }

        var subject: Set<String> = []
        for word in Words.of(catalog.mindmap?.root ?? "") {
            subject.insert(word.lowercased())
            for spelling in lexicon.spellings(of: word) {
                subject.formUnion(Words.of(spelling).map { $0.lowercased() })
            }
        }
        subjectWords = subject

        let names = roles.map { role -> [String] in
            let domain = catalog.domain(of: role)
            let texts = role.acceptedNames + [domain?.name, domain?.englishName].compactMap { $0 }
            return Self.expand(texts.flatMap(Words.of), lexicon: lexicon)
        }
        nameWords = names
        var nameCounts: [String: Int] = [:]
        for role in roles {
            for word in Set(Words.of(role.name).map { $0.lowercased() }) { nameCounts[word, default: 0] += 1 }
        }
        let threshold = max(2, (roles.count * 4 + 9) / 10)
        genericRoleWords = Set(nameCounts.filter { $0.value >= threshold }.keys)

        let built = ItemTable(roles: roles, names: names, lexicon: lexicon)
        items = built.items
        itemOrder = built.order

        var words = WordIndex<Int>()
        var dutyWords: [[[String]]] = []
        var itemWords: [[String]] = []
        for (index, role) in roles.enumerated() {
            let perDuty = role.duties.map { duty in
                Self.contentWords(of: duty.text, lexicon: lexicon, stop: subject)
            }
            let stack = Self.contentWords(
                of: role.stack.flatMap { [$0.text] + $0.parts }.joined(separator: " "), lexicon: lexicon, stop: subject)
            dutyWords.append(perDuty)
            itemWords.append(stack)
            let own = perDuty.flatMap { $0 } + stack + names[index].filter { !subject.contains($0.lowercased()) }
            for word in Set(own) { words.add(word, owner: index) }
        }
        stackWords = itemWords
        self.words = words
        duties = roles.indices.map { index in
            zip(roles[index].duties, dutyWords[index]).map { duty, content in
                var related: Set<Int> = []
                for word in content { related.formUnion(words.owners(sharingStemWith: word)) }
                related.remove(index)
                return DutyFacts(duty: duty, words: content, relatedRoles: related)
            }
        }
    }

    /// Korean spellings the catalog gives in parentheses after a Latin name (`PlayFab(플레이팹)`).
    static func catalogSpellings(_ catalog: Catalog) -> [(name: String, spellings: [String])] {
        catalog.roles.flatMap(\.stack).compactMap { item in
            guard let alias = item.alias, isHangul(alias), !isHangul(item.name) else { return nil }
            return (item.name, [alias])
        }
    }

    // MARK: - Roles

    /// The position of a role.
    func index(of role: Role) -> Int? { position[role.key] }

    /// The other roles, those of the same domain first, then by how far their domain is
    /// (the nearer one before, the one above before the one below), each domain in catalog order.
    func kin(of role: Int) -> [Int] {
        let home = domainPosition[role]
        var byDomain: [Int: [Int]] = [:]
        for other in roles.indices where other != role { byDomain[domainPosition[other], default: []].append(other) }
        var order: [Int] = byDomain[home] ?? []
        var distance = 1
        while order.count < roles.count - 1 {
            order += byDomain[home - distance] ?? []
            order += byDomain[home + distance] ?? []
            distance += 1
        }
        return order
    }

    /// Whether a duty of `role` tells it apart from `other`: none of its words (leaving out words both
    /// names share, like `데이터` of 데이터 엔지니어 and 데이터 애널리틱스) is in the other's duties,
    /// name or stack.
    func distinguishes(_ facts: DutyFacts, of role: Int, from other: Int) -> Bool {
        let shared = nameWords[role].filter { word in nameWords[other].contains { Words.sameStem($0, word) } }
        let words = facts.words.filter { word in !shared.contains { Words.sameStem($0, word) } }
        let rival = duties[other].flatMap(\.words) + nameWords[other] + stackWords[other]
        return !words.isEmpty && !words.contains { word in rival.contains { Words.sameStem($0, word) } }
    }

    // MARK: - Words

    /// The informative words of a text: stems, without grammar words and the catalog's subject.
    static func contentWords(of text: String, lexicon: Lexicon, stop subject: Set<String>) -> [String] {
        informative(expand(Words.of(text), lexicon: lexicon), stop: subject)
    }

    /// The words without grammar words, the subject's words and single Hangul syllables.
    static func informative(_ words: [String], stop subject: Set<String>) -> [String] {
        words.filter { word in
            let lower = word.lowercased()
            return !stopWords.contains(lower) && !subject.contains(lower) && !(word.count == 1 && isHangul(word))
        }
    }

    /// Words with the Korean spellings of their Latin words added (`Robot` brings `로봇`, `ML` brings
    /// `머신`, `러닝`). An acronym's first spelling only spells its letters (`엠엘`) and is left out.
    static func expand(_ words: [String], lexicon: Lexicon) -> [String] {
        var result = words
        for word in words {
            guard !isHangul(word) else {
                // `아티스트` brings `artist`, which starts like `art` of `아트`.
                result += lexicon.equivalents(of: NameKey(word)).map(\.rawValue)
                    .filter { !$0.isEmpty && $0.unicodeScalars.allSatisfy(\.isASCII) }
                continue
            }
            let spellings = lexicon.spellings(of: word)
            let acronym = word.count <= 5 && word.allSatisfy { $0.isUppercase || $0.isNumber }
            for spelling in spellings.dropFirst(acronym ? 1 : 0) where isHangul(spelling) {
                result += Words.of(spelling)
            }
        }
        return result
    }

    static func isHangul(_ word: String) -> Bool {
        word.unicodeScalars.contains(where: Hangul.isSyllable)
    }

    /// Grammar words and adjectives that say nothing about which role does the work.
    static let stopWords: Set<String> = [
        "및", "등", "또는", "그리고", "위한", "대한", "통한", "관련", "기반", "기반의", "전체", "전반", "과정", "새로운", "다양한", "주요",
        "핵심", "효과적인", "대규모", "대량", "이론적", "실시간", "같은", "특히", "즉", "예를", "들어", "예컨대", "이를테면", "사이", "사이의",
        "통해", "각종", "모든", "전", "타", "사항", "부분", "내용", "관련된", "여러",
    ]
}

/// One duty, its informative words and the roles whose duties or names share one of them.
struct DutyFacts: Sendable {
    var duty: Duty
    var words: [String]
    var relatedRoles: Set<Int>
}
