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
            sentence = "the catalog cannot be read (\(reason))."
        case .emptyFile:
            sentence = "the catalog is empty."
        case .invalidUTF8:
            sentence = "the catalog is not valid UTF-8 here; save it as UTF-8."
        case .noDomains:
            sentence = "the catalog has no numbered domain sections such as `### 1. 데이터`."
        case .roleOutsideDomain(_, _, let role):
            sentence = "the role '\(role)' comes before any domain heading (`### N. 이름`)."
        case .dutiesOutsideRole:
            sentence = "an `업무:` line outside a role; put it under a `- **이름**` bullet."
        case .stackOutsideRole:
            sentence = "a `기술 스택:` line outside a role; put it under a `- **이름**` bullet."
        case .repeatedLine(_, _, let role, let label):
            sentence = "the role '\(role)' has a second `\(label):` line."
        case .missingDuties(_, _, let role):
            sentence = "the role '\(role)' has no `업무:` line."
        case .missingStack(_, _, let role):
            sentence = "the role '\(role)' has no `기술 스택:` line."
        case .emptyItems(_, _, let label):
            sentence = "the `\(label):` line lists nothing."
        case .duplicateRole(_, _, let role, let firstLine):
            sentence = "the role '\(role)' is listed twice (first on line \(firstLine))."
        case .domainWithoutRoles(_, _, let domain):
            sentence = "the domain '\(domain)' has no roles."
        case .unbalancedParentheses:
            sentence = "the parentheses on this line do not match."
        }
        return "\(place): \(sentence)"
    }
}
