import RoledeckCore

/// What Tab completes in a command line: the caller names the words that fit, the reader picks those that match.
public struct LineCompleter: Sendable {
    /// The words that may stand at the cursor, given the text of the line before the word being typed.
    public let candidates: @Sendable (_ precedingText: String) -> [String]

    /// A completer that asks `candidates` for the words that fit after the text before the cursor's word.
    public init(candidates: @escaping @Sendable (_ precedingText: String) -> [String]) {
        self.candidates = candidates
    }

    /// Completes nothing.
    public static let none = LineCompleter { _ in [] }

    /// Completes any word from a fixed list.
    public static func words(_ words: [String]) -> LineCompleter {
        LineCompleter { _ in words }
    }

    /// Completes the first word from `commands`, and every later word from the list `arguments` holds for the
    /// first word (deck names after `study`, say).
    public static func commands(_ commands: [String], arguments: [String: [String]] = [:]) -> LineCompleter {
        LineCompleter { precedingText in
            guard let command = precedingText.split(whereSeparator: \.isWhitespace).first else { return commands }
            return arguments[String(command)] ?? []
        }
    }

    /// The completions of `word`: the candidates that start with it, compared in NFC, sorted, without repeats.
    ///
    /// Candidates should be single words: readline breaks words at spaces and tabs.
    public func completions(of word: String, after precedingText: String) -> [String] {
        let prefix = word.nfc
        return Set(candidates(precedingText).map(\.nfc)).filter { $0.hasPrefix(prefix) }.sorted()
    }
}
