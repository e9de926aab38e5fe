/// Splits `업무:` and `기술 스택:` lines into items at separators outside parentheses.
enum ItemSplitter {
    /// Duty items, split at commas and semicolons, each kept as written.
    static func duties(_ text: String, source: String, line: Int) throws(CatalogError) -> [DutyItem] {
        var items: [DutyItem] = []
        let clauses = try split(text, at: [";", "；"], source: source, line: line)
        for (clauseIndex, clause) in clauses.enumerated() {
            let parts = try split(clause, at: [",", "，"], source: source, line: line).filter { !$0.isEmpty }
            for (index, part) in parts.enumerated() {
                items.append(DutyItem(text: part, clause: clauseIndex, leansOnPrevious: index > 0 && leans(part)))
            }
        }
        return items
    }

    /// Stack items, split at commas outside parentheses; parentheses give an alias or parts.
    static func stack(_ text: String, source: String, line: Int) throws(CatalogError) -> [StackItem] {
        try split(text, at: [",", "，"], source: source, line: line).filter { !$0.isEmpty }.map { part in
            guard let open = part.firstIndex(of: "("), let close = part.lastIndex(of: ")"), open < close else {
                return StackItem(text: part, name: part, alias: nil, parts: [])
            }
            let name = (part[..<open].trimmingSpaces + " " + part[part.index(after: close)...].trimmingSpaces)
                .trimmingSpaces
            let inner = String(part[part.index(after: open)..<close])
            let pieces = (try? split(inner, at: [",", "，"], source: source, line: line)) ?? [inner]
            let nonEmpty = pieces.filter { !$0.isEmpty }
            if name.isEmpty { return StackItem(text: part, name: part, alias: nil, parts: []) }
            if nonEmpty.count > 1 { return StackItem(text: part, name: name, alias: nil, parts: nonEmpty) }
            return StackItem(text: part, name: name, alias: nonEmpty.first, parts: [])
        }
    }

    /// Whether a duty item shares its object with the item before it (`정제`, `분석 및 시각화`),
    /// continues it (`특히 …`) or closes a range it opened (`…부터`, `…까지`).
    static func leans(_ item: String) -> Bool {
        let conjuncts = item.components(separatedBy: " 및 ").map(\.trimmingSpaces)
        if conjuncts.allSatisfy({ !$0.contains(" ") }) { return true }
        if item.hasPrefix("특히 ") || item.hasPrefix("즉 ") || item.hasPrefix("예를 들어") { return true }
        return item.contains("까지") && !item.contains("부터")
    }

    /// Splits at any of the separators where no parenthesis is open; pieces are trimmed.
    static func split(_ text: String, at separators: Set<Character>, source: String, line: Int)
        throws(CatalogError) -> [String]
    {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "（":
                depth += 1
            case ")", "）":
                depth -= 1
                if depth < 0 { throw .unbalancedParentheses(source: source, line: line) }
            default:
                if depth == 0 && separators.contains(character) {
                    pieces.append(current.trimmingSpaces)
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        if depth != 0 { throw .unbalancedParentheses(source: source, line: line) }
        pieces.append(current.trimmingSpaces)
        return pieces
    }
}
