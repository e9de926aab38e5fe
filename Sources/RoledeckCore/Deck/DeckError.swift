import Foundation

/// Why a deck file or folder cannot be used; every case names the file.
public enum DeckError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int, column: Int, reason: String)
    case wrongShape(path: String, field: String, reason: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case noDecks(path: String)
    case unwritable(path: String, reason: String)
    case unknownDomain(name: String, known: [String])
    /// A learner's own deck file has a card or field roledeck cannot use; `line` is where it is.
    case ownDeck(path: String, line: Int, reason: String)
    /// `generate` would write over a learner's own deck.
    case wouldOverwriteOwnDeck(path: String)
    /// Two decks have the same key (an own deck named like another deck).
    case duplicateDeck(path: String, key: String)
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
        case .unknownDomain(let name, let known):
            "no domain is called '\(name)'; the domains are: \(known.joined(separator: ", "))."
        case .ownDeck(let path, let line, let reason):
            "\(path):\(line): \(reason)"
        case .wouldOverwriteOwnDeck(let path):
            "\(path): 직접 만든 덱(\"kind\": \"own\")이라 덮어쓰지 않습니다; 카탈로그의 덱과 이름이 겹치면 파일 이름을 바꾸세요."
        case .duplicateDeck(let path, let key):
            "\(path): 덱 키 '\(key)'를 다른 덱이 이미 씁니다; \"key\"를 바꾸세요."
        }
    }
}
