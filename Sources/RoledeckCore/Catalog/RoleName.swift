/// A role's name as written and the names it also answers to.
///
/// `자연어 처리(NLP) 엔지니어` also answers to `자연어 처리 엔지니어` and `NLP 엔지니어`;
/// `클라우드 엔지니어 (AI/ML 포커스)` carries a qualifier and also answers to `클라우드 엔지니어`;
/// `사이트 신뢰성 엔지니어 (SRE)` is glossed by an acronym, one more name: `SRE`; so is
/// `SRE (사이트 신뢰성 엔지니어)` by its Korean name.
struct RoleName {
    var written: String
    var aliases: [String]
    /// The key from the name without its parentheses; `CatalogBuilder` uses `fullKey` instead when two
    /// roles share it (`백엔드 개발자 (Node.js)`, `백엔드 개발자 (Java/Spring)`).
    var key: RoleKey
    /// The key from the whole name as written.
    var fullKey: RoleKey
    /// Whether the name ends in a qualifier set off by a space (not an acronym that glosses it).
    var isQualified: Bool
    /// For a qualified name, the name with its qualifier, or each part of it, put first
    /// (`백엔드 개발자 (Java/Spring)`: `Java/Spring 백엔드 개발자`, `Java 백엔드 개발자`, `Spring 백엔드 개발자`).
    var qualifierFirst: [String]

    init(_ written: String) {
        self.written = written
        var aliases: [String] = []
        var base = written
        var qualified = false
        var qualifierFirst: [String] = []
        if let open = written.firstIndex(of: "("), let close = written[open...].firstIndex(of: ")") {
            let before = written[..<open]
            let inner = written[written.index(after: open)..<close].trimmingSpaces
            let after = written[written.index(after: close)...]
            base = (before.trimmingSpaces + " " + after.trimmingSpaces).trimmingSpaces
            aliases.append(base)
            let setOff = after.trimmingSpaces.isEmpty && before.last == " "
            if !setOff || Self.isAcronym(inner) || Self.isGloss(inner, of: base) {
                // The parentheses spell the words before them another way: `자연어 처리(NLP) 엔지니어`,
                // `사이트 신뢰성 엔지니어 (SRE)`.
                if !inner.isEmpty { aliases.append((inner + " " + after.trimmingSpaces).trimmingSpaces) }
            } else {
                qualified = true
                let parts = inner.split(separator: "/").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                qualifierFirst = ([inner] + (parts.count > 1 ? parts : [])).map { $0 + " " + base }
            }
        }
        self.aliases = aliases.filter { $0 != written && !$0.isEmpty }
        self.key = RoleKey(rawValue: Slug.key(base))
        self.fullKey = RoleKey(rawValue: Slug.key(written))
        self.isQualified = qualified
        self.qualifierFirst = qualifierFirst
    }

    /// A Korean name for a name in Latin letters (`SRE (사이트 신뢰성 엔지니어)`).
    static func isGloss(_ inner: String, of base: String) -> Bool {
        base.unicodeScalars.allSatisfy(\.isASCII) && inner.unicodeScalars.contains(where: Hangul.isSyllable)
    }

    /// Capitals and digits, two to six of them (`SRE`, `CDM`, `QA`, `TA`): a name's acronym.
    static func isAcronym(_ text: String) -> Bool {
        (2...6).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
            && text.contains(where: \.isLetter)
    }
}
