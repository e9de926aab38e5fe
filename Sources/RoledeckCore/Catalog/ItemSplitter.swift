/// Splits `기술 스택:` lines into items, and any line at separators outside parentheses.
enum ItemSplitter {
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
