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
            let list = known.count <= 12 ? known : Array(known.prefix(12)) + ["…"]
            return "no role is called '\(name)'"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the roles are: \(list.joined(separator: ", ")).")
        }
    }
}
