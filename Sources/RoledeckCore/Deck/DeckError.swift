import Foundation

/// Why a deck file or folder cannot be used; every case names the file.
public enum DeckError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int, column: Int, reason: String)
    case wrongShape(path: String, field: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case noDecks(path: String)
    case unwritable(path: String, reason: String)
}

extension DeckError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): the deck cannot be read (\(reason))."
        case .malformed(let path, let line, let column, let reason):
            "\(path):\(line):\(column): the deck is not valid JSON (\(reason))."
        case .wrongShape(let path, let field, let reason):
            "\(path): the deck's field `\(field)` is wrong (\(reason))."
        case .newerSchema(let path, let found, let supported):
            "\(path): the deck has schemaVersion \(found), but this roledeck reads up to \(supported); update roledeck."
        case .noDecks(let path):
            "\(path): no deck files (*.json) here; run `roledeck generate` first."
        case .unwritable(let path, let reason):
            "\(path): the deck cannot be written (\(reason))."
        }
    }
}
