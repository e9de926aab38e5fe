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
            "\(path): 덱을 읽을 수 없습니다 (\(reason))."
        case .malformed(let path, let line, let column, let reason):
            "\(path):\(line):\(column): 덱이 올바른 JSON이 아닙니다 (\(reason))."
        case .wrongShape(let path, let field, let reason):
            "\(path): 덱의 `\(field)` 필드가 잘못되었습니다 (\(reason))."
        case .newerSchema(let path, let found, let supported):
            "\(path): 덱의 schemaVersion이 \(found)인데 이 roledeck은 \(supported)까지 읽습니다. roledeck을 업데이트하세요."
        case .noDecks(let path):
            "\(path): 덱 파일(*.json)이 없습니다. 먼저 `roledeck generate`를 실행하세요."
        case .unwritable(let path, let reason):
            "\(path): 덱을 쓸 수 없습니다 (\(reason))."
        }
    }
}
