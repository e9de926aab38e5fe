import Foundation

/// Why a card listing cannot be made as asked; every case names the option and the value.
public enum BrowseError: Error, Equatable, Sendable {
    /// `--domain` or `--role` names nothing the decks have.
    case unknownScope(NameError)
    /// `--kind` names no kind; `suggestion` is the nearest, when one is near.
    case unknownKind(name: String, suggestion: String?, known: [String])
    /// `--state` names no state.
    case unknownState(name: String, known: [String])
    /// No deck has a card with this id; `suggestion` is the nearest id, when one is near.
    case unknownCard(id: String, suggestion: String?)
    /// Several cards' ids contain what was typed; `matches` are some of them.
    case ambiguousCard(id: String, matches: [String])
}

extension BrowseError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .unknownScope(let error):
            return "\(error.kind == .role ? "--role" : "--domain"): \(error.errorDescription ?? "\(error)")"
        case .unknownKind(let name, let suggestion, let known):
            return "--kind '\(name)': 그런 카드 종류는 없습니다"
                + (suggestion.map { "; 혹시 '\($0)'?" } ?? "; 종류: \(known.joined(separator: ", ")).")
        case .unknownState(let name, let known):
            return "--state '\(name)': 그런 상태는 없습니다; 상태: \(known.joined(separator: ", "))."
        case .unknownCard(let id, let suggestion):
            return "'\(id)': 그런 id의 카드가 덱에 없습니다"
                + (suggestion.map { "; 혹시 '\($0)'?" } ?? "; roledeck cards로 id를 찾으세요.")
        case .ambiguousCard(let id, let matches):
            return "'\(id)': 이 말이 든 id가 여럿입니다 (\(matches.joined(separator: ", "))); id를 더 적으세요."
        }
    }
}
