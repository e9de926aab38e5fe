import Foundation

/// Why the statistics cannot be narrowed as asked.
public enum StatsError: Error, Equatable, Sendable, LocalizedError {
    /// `--domain` names no domain of the decks; `suggestion` is the closest name, if one is close.
    case unknownDomain(name: String, suggestion: String?, known: [String])
    /// `--role` names no role of the decks (in the domain, when one is given).
    case unknownRole(name: String, suggestion: String?, known: [String])

    /// One sentence a learner can act on.
    public var errorDescription: String? {
        switch self {
        case .unknownDomain(let name, let suggestion, let known):
            return "no domain is called '\(name)'"
                + (suggestion.map { "; did you mean '\($0)'?" }
                    ?? "; the domains are: \(known.joined(separator: ", ")).")
        case .unknownRole(let name, let suggestion, let known):
            return "no role is called '\(name)'"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the roles are: \(Self.listed(known)).")
        }
    }
}

extension StatsError {
    /// The same in Korean, naming the option (`--domain`, `--role`) as the learner typed it: for the
    /// commands written for learners (`cards`, `export`).
    public var optionDescription: String {
        switch self {
        case .unknownDomain(let name, let suggestion, let known):
            "--domain '\(name)': 그런 분야가 없습니다"
                + (suggestion.map { "; 혹시 '\($0)'?" } ?? "; 분야: \(known.joined(separator: ", ")).")
        case .unknownRole(let name, let suggestion, let known):
            "--role '\(name)': 그런 직무가 없습니다"
                + (suggestion.map { "; 혹시 '\($0)'?" }
                    ?? "; 직무: \(Self.listed(known)).")
        }
    }

    /// The roles a message lists: the first twelve.
    private static func listed(_ roles: [String]) -> String {
        (roles.count <= 12 ? roles : Array(roles.prefix(12)) + ["…"]).joined(separator: ", ")
    }
}
