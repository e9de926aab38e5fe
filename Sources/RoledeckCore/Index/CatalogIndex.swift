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
    /// The roles of each domain, by position.
    let rolesByDomain: [[Int]]
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
    /// Every word the catalog writes, as written (particles and all): whether `워크플` is a word of
    /// its own or `워크플로` was cut at a lookalike particle.
    let writtenWords: Set<Substring>
    /// Each role's name without its qualifier, as a key: roles that share one are the same job done
    /// with other tools (`백엔드 개발자 (Node.js)`, `백엔드 개발자 (Java/Spring)`).
    let baseKeys: [RoleKey]
    /// Every stack item's name and its parts' names, as keys.
    let itemNames: Set<NameKey>
    /// Role-name words two roles in five share (`엔지니어`): they tell nothing about which role is meant.
    let genericRoleWords: Set<String>
    /// Words of the catalog's subject (the mindmap root, `AI JOB`): everywhere, so never informative.
    let subjectWords: Set<String>
    /// Every role's informative duty and name words, by stem.
    let words: WordIndex<Int>
    /// The roles each word of the catalog is shared with, by stem, worked out once.
    let stemOwners: [String: Set<Int>]
    /// Every run of up to three words of each role's names, domain, duties and stack, as keys: what the
    /// related-terms table is matched against (`피처 엔지니어링`, `머신 러닝`).
    let termKeys: [Set<NameKey>]
    /// The clue words of the texts cards show as options and subjects (role and domain names, branch
    /// labels, stack items), worked out once.
    private(set) var textCues: [String: [String]] = [:]
    /// Each domain's names as keys, and the domains the related-terms table relates to each.
    let domainKeys: [Set<NameKey>]
    let relatedDomains: [Set<Int>]

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
        let positions = roles.map { domainIndex[$0.domain] ?? 0 }
        domainPosition = positions
        var byDomain = [[Int]](repeating: [], count: catalog.domains.count)
        for (role, domain) in positions.enumerated() where domain < byDomain.count { byDomain[domain].append(role) }
        rolesByDomain = byDomain

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
        var written: Set<Substring> = []
        for role in roles {
            for text in [role.name, role.dutiesText, role.stackText] {
                written.formUnion(text.split { !($0.isLetter || $0.isNumber) })
            }
        }
        writtenWords = written
        baseKeys = roles.map { RoleName($0.name).key }
        itemNames = Set(roles.flatMap(\.stack).flatMap { [NameKey($0.name)] + $0.parts.map(NameKey.init) })
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
        var sharing: [String: Set<Int>] = [:]
        for word in words.words { sharing[word] = words.owners(sharingStemWith: word) }
        stemOwners = sharing
        var terms: [Set<NameKey>] = []
        var termOwners: [NameKey: Set<Int>] = [:]
        for index in roles.indices {
            let keys = ItemTable.windows(of: names[index], longest: 3)
                .union(ItemTable.windows(of: itemWords[index], longest: 3))
                .union(
                    dutyWords[index].reduce(into: Set<NameKey>()) {
                        $0.formUnion(ItemTable.windows(of: $1, longest: 3))
                    })
            terms.append(keys)
            for key in keys { termOwners[key, default: []].insert(index) }
        }
        termKeys = terms
        let keysOfDomains = catalog.domains.map { domain in
            ItemTable.windows(
                of: Words.of(([domain.name] + (domain.englishName.map { [$0] } ?? [])).joined(separator: " ")))
        }
        domainKeys = keysOfDomains
        var domainsByKey: [NameKey: Set<Int>] = [:]
        for (domain, keys) in keysOfDomains.enumerated() {
            for key in keys { domainsByKey[key, default: []].insert(domain) }
        }
        relatedDomains = keysOfDomains.map { keys in
            lexicon.related(to: keys).reduce(into: Set<Int>()) { $0.formUnion(domainsByKey[$1] ?? []) }
        }
        duties = roles.indices.map { index in
            zip(roles[index].duties, dutyWords[index]).map { duty, content in
                DutyFacts(
                    duty: duty, role: index, words: content,
                    relatedKeys: lexicon.related(to: ItemTable.windows(of: content, longest: 3)))
            }
        }
        var texts = Set(roles.flatMap { $0.acceptedNames + [$0.shortName] })
        texts.formUnion(catalog.domains.flatMap { [$0.name] + ($0.englishName.map { [$0] } ?? []) })
        texts.formUnion(catalog.mindmap?.branches.map(\.label) ?? [])
        texts.formUnion(items.values.flatMap { [$0.item.text] + $0.item.acceptedTexts })
        for text in texts { textCues[text] = cues([text]) }
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
    /// Walked lazily: a card takes the first few that fit.
    func kin(of role: Int) -> KinSequence {
        KinSequence(role: role, home: domainPosition[role], rolesByDomain: rolesByDomain)
    }

    /// Whether another role is related to a duty: its duties, name or stack share a word with the duty
    /// (by stem), or name a term the related-terms table relates to the duty's words (`전처리` ~ 머신 러닝).
    /// Asked of the few roles a card considers, so nothing grows with the square of the catalog.
    func isRelated(_ facts: DutyFacts, to role: Int) -> Bool {
        guard role != facts.role else { return false }
        return facts.words.contains { word in (stemOwners[word] ?? words.owners(sharingStemWith: word)).contains(role) }
            || !facts.relatedKeys.isDisjoint(with: termKeys[role])
    }

    /// Whether a duty of `role` tells it apart from `other`: none of its words (leaving out words both
    /// names share, like `데이터` of 데이터 엔지니어 and 데이터 애널리틱스) is in the other's duties,
    /// name or stack.
    func distinguishes(_ facts: DutyFacts, of role: Int, from other: Int) -> Bool {
        let shared = nameWords[role].filter { word in nameWords[other].contains { Words.sameStem($0, word) } }
        let words = facts.words.filter { word in !shared.contains { Words.sameStem($0, word) } }
        let rival = duties[other].flatMap(\.words) + nameWords[other] + stackWords[other]
        return !words.isEmpty && !words.contains { word in rival.contains { Words.sameStem($0, word) } }
            && facts.relatedKeys.isDisjoint(with: termKeys[other])
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
                // `아티스트` brings `artist`, which starts like `art` of `아트`; `리스크` brings its synonym `위험`.
                let key = NameKey(word)
                for other in lexicon.equivalents(of: key) where other != key && !other.isEmpty {
                    result.append(other.rawValue)
                }
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

/// One duty, its role, its informative words and the terms the related-terms table relates to them.
struct DutyFacts: Sendable {
    var duty: Duty
    var role: Int
    var words: [String]
    /// The table's terms related to the duty's words.
    var relatedKeys: Set<NameKey>
}

/// The roles other than one, its domain's first, then the domains nearest to it outward.
struct KinSequence: Sequence {
    let role: Int
    let home: Int
    let rolesByDomain: [[Int]]

    struct Iterator: IteratorProtocol {
        let sequence: KinSequence
        var distance = 0
        var side = 0
        var position = 0

        mutating func next() -> Int? {
            let domains = sequence.rolesByDomain
            while distance < domains.count {
                let domain = side == 0 ? sequence.home - distance : sequence.home + distance
                if domain >= 0, domain < domains.count, position < domains[domain].count {
                    let candidate = domains[domain][position]
                    position += 1
                    if candidate != sequence.role { return candidate }
                    continue
                }
                position = 0
                if side == 0 && distance > 0 {
                    side = 1
                } else {
                    side = 0
                    distance += 1
                }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(sequence: self) }
}
