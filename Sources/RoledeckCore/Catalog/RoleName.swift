/// A role's name as written and the names it also answers to.
///
/// `자연어 처리(NLP) 엔지니어` also answers to `자연어 처리 엔지니어` and `NLP 엔지니어`;
/// `클라우드 엔지니어 (AI/ML 포커스)` carries a qualifier and also answers to `클라우드 엔지니어`.
struct RoleName {
    var written: String
    var aliases: [String]
    var key: RoleKey

    init(_ written: String) {
        self.written = written
        var aliases: [String] = []
        var base = written
        if let open = written.firstIndex(of: "("), let close = written[open...].firstIndex(of: ")") {
            let before = written[..<open]
            let inner = written[written.index(after: open)..<close].trimmingSpaces
            let after = written[written.index(after: close)...]
            base = (before.trimmingSpaces + " " + after.trimmingSpaces).trimmingSpaces
            aliases.append(base)
            let qualifiesWholeName = after.trimmingSpaces.isEmpty && before.last == " "
            if !qualifiesWholeName && !inner.isEmpty {
                // The parentheses spell the words before them another way: `자연어 처리(NLP) 엔지니어`.
                aliases.append((inner + " " + after.trimmingSpaces).trimmingSpaces)
            }
        }
        self.aliases = aliases.filter { $0 != written && !$0.isEmpty }
        self.key = RoleKey(rawValue: Slug.key(base))
    }
}
