import Foundation

/// Why a settings file cannot be used; every case names the file and the key or position.
public enum SettingsError: Error, Equatable, Sendable {
    case unreadable(path: String, reason: String)
    case malformed(path: String, line: Int, column: Int, reason: String)
    case notAnObject(path: String)
    case unknownKey(path: String, key: String, suggestion: String?)
    case invalidValue(path: String, key: String, expected: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case unwritable(path: String, reason: String)
}

extension SettingsError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): 설정을 읽을 수 없습니다 (\(reason))."
        case .malformed(let path, let line, let column, let reason):
            "\(path):\(line):\(column): 설정이 올바른 JSON이 아닙니다 (\(reason))."
        case .notAnObject(let path):
            "\(path): 설정은 {\"newCardsPerDay\": 20} 같은 JSON 객체여야 합니다."
        case .unknownKey(let path, let key, let suggestion):
            "\(path): \(NameError.called(key)) 설정은 없습니다."
                + (suggestion.map { " 혹시 '\($0)'?" } ?? " 설정 목록: docs/settings.md")
        case .invalidValue(let path, let key, let expected):
            "\(path): 설정 '\(key)'의 값은 \(Particle.mustBe.attach(to: expected)) 합니다."
        case .newerSchema(let path, let found, let supported):
            "\(path): schemaVersion \(found)은 이 roledeck이 읽는 \(supported)보다 새롭습니다. roledeck을 업데이트하세요. "
                + "파일은 바꾸지 않았습니다."
        case .unwritable(let path, let reason):
            "\(path): 설정을 쓸 수 없습니다 (\(reason)). 파일은 바꾸지 않았습니다."
        }
    }
}
