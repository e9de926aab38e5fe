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
            "\(path): the settings cannot be read (\(reason))."
        case .malformed(let path, let line, let column, let reason):
            "\(path):\(line):\(column): the settings are not valid JSON (\(reason))."
        case .notAnObject(let path):
            "\(path): the settings must be a JSON object such as {\"newCardsPerDay\": 20}."
        case .unknownKey(let path, let key, let suggestion):
            "\(path): unknown setting '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ".")
        case .invalidValue(let path, let key, let expected):
            "\(path): the setting '\(key)' must be \(expected)."
        case .newerSchema(let path, let found, let supported):
            "\(path): schemaVersion \(found) is newer than this roledeck reads (\(supported)); update roledeck. "
                + "The file was not changed."
        case .unwritable(let path, let reason):
            "\(path): the settings cannot be written (\(reason)); the file was not changed."
        }
    }
}
