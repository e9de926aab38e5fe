import RoledeckCore

/// Words for Tab completion at the prompt: command names (English and Korean), and deck keys and
/// names after `study`. The terminal layer hands these to readline.
public enum CommandCompletion {
    /// Every command name and alias, then every deck key, for a completer that does not look at the line.
    public static func words(decks: [Deck]) -> [String] {
        REPLCommand.names.flatMap { [$0.name] + $0.aliases.filter { $0.count > 1 } } + decks.map(\.domain.key.rawValue)
    }

    /// The completions of the word being typed at the end of `line`.
    public static func candidates(forLine line: String, decks: [Deck]) -> [String] {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        if parts.count <= 1 {
            let prefix = line.lowercased()
            return REPLCommand.names.flatMap { [$0.name] + $0.aliases.filter { $0.count > 1 } }
                .filter { $0.lowercased().hasPrefix(prefix) }
        }
        guard CommandParser.canonicalName(of: String(parts[0])) == "study" else { return [] }
        let prefix = parts.dropFirst().joined(separator: " ").lowercased()
        let names = decks.flatMap { deck in
            [deck.domain.key.rawValue, deck.domain.name] + [deck.domain.englishName].compactMap { $0 }
        }
        var seen = Set<String>()
        return names.filter { $0.lowercased().hasPrefix(prefix) && seen.insert($0).inserted }
    }
}
