import Foundation
import RoledeckCore

/// Words for Tab completion at the prompt: command names (English and Korean), deck keys and
/// names after `study`, and the suspended cards' ids after `unsuspend`. The terminal layer hands
/// these to readline.
public enum CommandCompletion {
    /// Every command name and alias, then every deck key, for a completer that does not look at the line.
    public static func words(decks: [Deck]) -> [String] {
        REPLCommand.names.flatMap { [$0.name] + $0.aliases.filter { $0.count > 1 } } + decks.map(\.domain.key.rawValue)
    }

    /// The completions of the word being typed at the end of `line`.
    public static func candidates(forLine line: String, decks: [Deck], suspended: [CardID] = []) -> [String] {
        let parts = line.split(separator: " ", omittingEmptySubsequences: false)
        if parts.count <= 1 {
            let prefix = line.lowercased()
            return REPLCommand.names.flatMap { [$0.name] + $0.aliases.filter { $0.count > 1 } }
                .filter { $0.lowercased().hasPrefix(prefix) }
        }
        let prefix = parts.dropFirst().joined(separator: " ").lowercased()
        let names: [String]
        switch CommandParser.canonicalName(of: String(parts[0])) {
        case "study":
            names = decks.flatMap { deck in
                [deck.domain.key.rawValue, deck.domain.name] + [deck.domain.englishName].compactMap { $0 }
            }
        case "unsuspend":
            names = suspended.map(\.rawValue)
        default:
            return []
        }
        var seen = Set<String>()
        return names.filter { $0.lowercased().hasPrefix(prefix) && seen.insert($0).inserted }
    }
}

/// Completion words that change while the REPL runs, shared with the line reader's completer
/// (readline asks for them from inside a read, on the same thread; the lock keeps Swift's
/// concurrency checking honest).
public final class CompletionWords: @unchecked Sendable {
    private let lock = NSLock()
    private var suspendedIDs: [CardID] = []

    public init() {}

    /// The suspended cards' ids, offered after `unsuspend`.
    public var suspended: [CardID] {
        lock.lock()
        defer { lock.unlock() }
        return suspendedIDs
    }

    /// Replaces the suspended cards' ids.
    public func update(suspended ids: [CardID]) {
        lock.lock()
        defer { lock.unlock() }
        suspendedIDs = ids
    }
}
