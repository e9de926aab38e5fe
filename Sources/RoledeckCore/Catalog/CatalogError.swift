import Foundation

/// Why a catalog cannot be used; every case names the file and, where there is one, the line.
public enum CatalogError: Error, Equatable, Sendable {
    case unreadable(source: String, reason: String)
    case emptyFile(source: String)
    case invalidUTF8(source: String, line: Int)
    case noDomains(source: String)
    case roleOutsideDomain(source: String, line: Int, role: String)
    case dutiesOutsideRole(source: String, line: Int)
    case stackOutsideRole(source: String, line: Int)
    case repeatedLine(source: String, line: Int, role: String, label: String)
    case missingDuties(source: String, line: Int, role: String)
    case missingStack(source: String, line: Int, role: String)
    case emptyItems(source: String, line: Int, label: String)
    case duplicateRole(source: String, line: Int, role: String, firstLine: Int)
    case domainWithoutRoles(source: String, line: Int, domain: String)
    case unbalancedParentheses(source: String, line: Int)

    /// The file the error is about.
    public var source: String {
        switch self {
        case .unreadable(let source, _), .emptyFile(let source), .invalidUTF8(let source, _), .noDomains(let source),
            .roleOutsideDomain(let source, _, _), .dutiesOutsideRole(let source, _), .stackOutsideRole(let source, _),
            .repeatedLine(let source, _, _, _), .missingDuties(let source, _, _), .missingStack(let source, _, _),
            .emptyItems(let source, _, _), .duplicateRole(let source, _, _, _),
            .domainWithoutRoles(let source, _, _), .unbalancedParentheses(let source, _):
            source
        }
    }

    /// The 1-based line the error is on, when it is about one line.
    public var line: Int? {
        switch self {
        case .unreadable, .emptyFile, .noDomains: nil
        case .invalidUTF8(_, let line), .roleOutsideDomain(_, let line, _), .dutiesOutsideRole(_, let line),
            .stackOutsideRole(_, let line), .repeatedLine(_, let line, _, _), .missingDuties(_, let line, _),
            .missingStack(_, let line, _), .emptyItems(_, let line, _), .duplicateRole(_, let line, _, _),
            .domainWithoutRoles(_, let line, _), .unbalancedParentheses(_, let line):
            line
        }
    }
}

extension CatalogError: LocalizedError {
    public var errorDescription: String? {
        let place = line.map { "\(source):\($0)" } ?? source
        let sentence: String
        switch self {
        case .unreadable(_, let reason):
            sentence = "카탈로그를 읽을 수 없습니다 (\(reason))."
        case .emptyFile:
            sentence = "카탈로그가 비어 있습니다."
        case .invalidUTF8:
            sentence = "여기서 카탈로그가 UTF-8이 아닙니다. UTF-8로 저장하세요."
        case .noDomains:
            sentence = "카탈로그에 `### 1. 데이터` 같은 번호 붙은 분야 제목이 없습니다."
        case .roleOutsideDomain(_, _, let role):
            sentence = "직무 '\(role)'의 앞에 분야 제목(`### N. 이름`)이 없습니다."
        case .dutiesOutsideRole:
            sentence = "직무 밖에 `업무:` 줄이 있습니다. `- **이름**` 항목 아래에 두세요."
        case .stackOutsideRole:
            sentence = "직무 밖에 `기술 스택:` 줄이 있습니다. `- **이름**` 항목 아래에 두세요."
        case .repeatedLine(_, _, let role, let label):
            sentence = "직무 '\(role)'에 `\(label):` 줄이 두 번 있습니다."
        case .missingDuties(_, _, let role):
            sentence = "직무 '\(role)'에 `업무:` 줄이 없습니다."
        case .missingStack(_, _, let role):
            sentence = "직무 '\(role)'에 `기술 스택:` 줄이 없습니다."
        case .emptyItems(_, _, let label):
            sentence = "`\(label):` 줄에 항목이 없습니다."
        case .duplicateRole(_, _, let role, let firstLine):
            sentence = "직무 '\(role)'의 두 번째 항목입니다 (처음은 \(firstLine)번째 줄)."
        case .domainWithoutRoles(_, _, let domain):
            sentence = "분야 '\(domain)'에 직무가 없습니다."
        case .unbalancedParentheses:
            sentence = "이 줄의 괄호가 짝이 맞지 않습니다."
        }
        return "\(place): \(sentence)"
    }
}
