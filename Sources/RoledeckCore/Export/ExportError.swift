import Foundation

/// Why an export cannot be made; every case names the file, the option or the card.
public enum ExportError: Error, Equatable, Sendable {
    /// `--domain` names no deck.
    case unknownDomain(NameError)
    /// The decks chosen hold no card.
    case nothingToExport
    /// A number does not fit the column Anki keeps it in.
    case outOfRange(card: String, field: String, value: String)
    /// The file exists, and `--force` was not given.
    case fileExists(path: String)
    /// The file cannot be written.
    case unwritable(path: String, reason: String)
}

extension ExportError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unknownDomain(let error):
            "--domain: \(error.errorDescription ?? "\(error)")"
        case .nothingToExport:
            "내보낼 카드가 없습니다."
        case .outOfRange(let card, let field, let value):
            "\(card): \(field) 값 \(value)은 Anki가 담을 수 있는 범위를 넘습니다."
        case .fileExists(let path):
            "\(path): 파일이 이미 있습니다. 덮어쓰려면 --force를 붙이세요."
        case .unwritable(let path, let reason):
            "\(path): 쓸 수 없습니다 (\(reason))."
        }
    }
}
