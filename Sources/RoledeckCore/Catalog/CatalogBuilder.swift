/// Turns the parsed pieces into a `Catalog`: links mindmap leaves to roles and gives domains their keys.
struct CatalogBuilder {
    let source: String
    var warnings: [CatalogWarning]

    mutating func build(title: String, mindmap reader: MindmapReader?, domains raw: [RawDomain]) -> Catalog {
        let allRoles = raw.flatMap(\.roles)
        // Roles whose names differ only by their qualifiers are keyed and named by their whole names.
        let baseCounts = Dictionary(allRoles.map { ($0.name.key, 1) }, uniquingKeysWith: +)
        func key(of role: RawRole) -> RoleKey {
            (baseCounts[role.name.key] ?? 0) > 1 ? role.name.fullKey : role.name.key
        }
        var mindmap: Mindmap?
        if let reader, let root = reader.root {
            let links = linkLeaves(reader, roles: allRoles, key: key)
            let branches = reader.branches.enumerated().map { branchIndex, branch in
                MindmapBranch(
                    label: branch.node.text, line: branch.node.line,
                    leaves: branch.leaves.enumerated().map { leafIndex, leaf in
                        MindmapLeaf(label: leaf.text, line: leaf.line, role: links[[branchIndex, leafIndex]])
                    })
            }
            mindmap = Mindmap(root: root.text, branches: branches, line: root.line)
        }
        var qualifierFirstCounts: [String: Int] = [:]
        for role in allRoles { for alias in role.name.qualifierFirst { qualifierFirstCounts[alias, default: 0] += 1 } }
        var usedKeys: Set<DomainKey> = []
        var domains: [Domain] = []
        for rawDomain in raw {
            let branch = mindmap?.branches.first { branch in
                let keys = branch.leaves.compactMap(\.role)
                return !keys.isEmpty
                    && keys.allSatisfy { leafKey in rawDomain.roles.contains { key(of: $0) == leafKey } }
            }
            let domainKey = uniqueKey(for: rawDomain, branchLabel: branch?.label, used: &usedKeys)
            let roles = rawDomain.roles.map { role in
                // A mindmap leaf that spells the name another way (`Data 리서처`) is one more name for the role.
                let leafNames = (mindmap?.branches.flatMap(\.leaves) ?? []).filter { $0.role == key(of: role) }
                    .map(\.label).filter { label in !([role.name.written] + role.name.aliases).contains(label) }
                let shared = (baseCounts[role.name.key] ?? 0) > 1
                // A base name two roles share answers for neither; each answers to its qualifier put
                // first, as one says it (`Java 백엔드 개발자` for 백엔드 개발자 (Java/Spring)).
                let aliases =
                    role.name.aliases.filter { !shared || RoleKey(rawValue: Slug.key($0)) != role.name.key }
                    + (shared ? role.name.qualifierFirst.filter { (qualifierFirstCounts[$0] ?? 0) == 1 } : [])
                return Role(
                    key: key(of: role), domain: domainKey, name: role.name.written,
                    aliases: aliases + leafNames, line: role.line, duties: role.duties?.items ?? [],
                    dutiesText: role.duties?.text ?? "", dutiesLine: role.duties?.line ?? role.line,
                    stack: role.stack?.items ?? [], stackText: role.stack?.text ?? "",
                    stackLine: role.stack?.line ?? role.line, keepsQualifier: shared)
            }
            domains.append(
                Domain(
                    key: domainKey, number: rawDomain.heading.number, name: rawDomain.heading.name,
                    englishName: rawDomain.heading.englishName, branchLabel: branch?.label, line: rawDomain.line,
                    roles: roles))
        }
        return Catalog(source: source, title: title, mindmap: mindmap, domains: domains, warnings: warnings)
    }

    /// The domain key: an ASCII name as it is, else its English name, else its mindmap branch, else romanised.
    func uniqueKey(for domain: RawDomain, branchLabel: String?, used: inout Set<DomainKey>) -> DomainKey {
        let name = domain.heading.name
        let candidates = [
            name.unicodeScalars.allSatisfy(\.isASCII) ? name : nil, domain.heading.englishName, branchLabel, name,
        ]
        let stem =
            candidates.compactMap { $0.map(Slug.fileName) }.first { !$0.isEmpty } ?? "domain-\(domain.heading.number)"
        var key = DomainKey(rawValue: stem)
        var suffix = 2
        while used.contains(key) {
            key = DomainKey(rawValue: "\(stem)-\(suffix)")
            suffix += 1
        }
        used.insert(key)
        return key
    }

    /// Links each leaf to the role it names: first by name, alias or the Korean spellings of its
    /// English words (`Data 리서처` is 데이터 리서처, see `spellings.txt`),
    /// then, for leaves still open, by shape: the only unlinked role with the same Korean words in the same
    /// places and Korean where the leaf has English (`Level 디자이너` is 레벨 디자이너); then by the end of a
    /// name: the only unlinked role whose name ends in the leaf's words, the leading ones left out
    /// (`인허가 담당자` is 의료 AI 인허가 담당자 (RA), as the branch names it).
    /// `key` gives each role's key (its whole name's when two roles share the base name).
    mutating func linkLeaves(
        _ reader: MindmapReader, roles: [RawRole], key: (RawRole) -> RoleKey
    ) -> [[Int]: RoleKey] {
        var links: [[Int]: RoleKey] = [:]
        var linked: Set<RoleKey> = []
        var open: [[Int]] = []
        for (branchIndex, branch) in reader.branches.enumerated() {
            for (leafIndex, leaf) in branch.leaves.enumerated() {
                let forms = Set([Self.compact(leaf.text), Self.compact(Self.translate(leaf.text))])
                let match = roles.first { role in
                    ([role.name.written] + role.name.aliases).contains { forms.contains(Self.compact($0)) }
                }
                guard let match else {
                    open.append([branchIndex, leafIndex])
                    continue
                }
                if linked.insert(key(match)).inserted {
                    links[[branchIndex, leafIndex]] = key(match)
                } else {
                    warn(leaf.line, "mindmap 항목 '\(leaf.text)': 직무 '\(match.name.written)'에는 이미 다른 항목이 있습니다.")
                }
            }
        }
        let tests: [(String, String) -> Bool] = [Self.sameShape, Self.endOfName]
        for test in tests {
            for position in open where links[position] == nil {
                let leaf = reader.branches[position[0]].leaves[position[1]]
                let candidates = roles.filter { role in
                    !linked.contains(key(role))
                        && ([role.name.written] + role.name.aliases).contains { test(leaf.text, $0) }
                }
                if candidates.count == 1, let match = candidates.first {
                    linked.insert(key(match))
                    links[position] = key(match)
                }
            }
        }
        for position in open where links[position] == nil {
            let leaf = reader.branches[position[0]].leaves[position[1]]
            warn(leaf.line, "mindmap 항목 '\(leaf.text)'에 맞는 직무가 카탈로그에 없습니다.")
        }
        return links
    }

    /// Same number of words; Korean words equal; where the leaf has a Latin word the role has a Korean one.
    static func sameShape(leaf: String, role: String) -> Bool {
        let leafWords = leaf.split(separator: " ")
        let roleWords = role.split(separator: " ")
        guard leafWords.count == roleWords.count, leafWords.count > 1 else { return false }
        var translated = false
        for (left, right) in zip(leafWords, roleWords) {
            let isLatin = left.unicodeScalars.allSatisfy(\.isASCII)
            if isLatin && !right.unicodeScalars.allSatisfy(\.isASCII) {
                translated = true
            } else if left != right {
                return false
            }
        }
        return translated
    }

    /// Two words or more, in Korean or spelled in Korean, that end the role's name after words left out.
    static func endOfName(leaf: String, role: String) -> Bool {
        let leafWords = translate(leaf).split(separator: " ")
        let roleWords = role.split(separator: " ")
        guard leafWords.count >= 2, roleWords.count > leafWords.count else { return false }
        return Array(roleWords.suffix(leafWords.count)) == leafWords
    }

    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(CatalogWarning(source: source, line: line, message: message))
    }

    /// The label with each English word in its Korean spelling (`Data 리서처` is `데이터 리서처`).
    static func translate(_ label: String) -> String {
        label.split(separator: " ").map { word in
            word.unicodeScalars.allSatisfy(\.isASCII)
                ? Lexicon.shipped.spellings(of: String(word)).last { !$0.unicodeScalars.allSatisfy(\.isASCII) }
                    ?? String(word)
                : String(word)
        }.joined(separator: " ")
    }

    static func compact(_ text: String) -> String {
        Slug.key(text).replacingOccurrences(of: "-", with: "")
    }
}
