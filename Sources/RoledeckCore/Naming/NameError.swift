import Foundation

/// A name that finds nothing: a deck, domain, role, command or setting nobody is called.
public enum NameError: Error, Equatable, Sendable, LocalizedError {
    /// What was named.
    public enum Kind: String, Equatable, Sendable {
        case deck = "덱"
        case domain = "분야"
        case role = "직무"
        case command = "명령"
        case setting = "설정"
    }

    /// `name` names no `kind`; `suggestion` is the nearest name, `known` the labels of all there are.
    case unknown(Kind, name: String, suggestion: String?, known: [String])

    /// What was named.
    public var kind: Kind {
        switch self {
        case .unknown(let kind, _, _, _): kind
        }
    }

    /// `'데이타'라는 분야가 없습니다. 혹시 '데이터'?`, or the list of what there is.
    public var errorDescription: String? {
        switch self {
        case .unknown(let kind, let name, let suggestion, let known):
            let sentence = "\(Self.called(name)) \(Particle.subject.attach(to: kind.rawValue)) 없습니다."
            if let suggestion { return sentence + " 혹시 '\(suggestion)'?" }
            let list = known.count <= 12 ? known : Array(known.prefix(12)) + ["…"]
            return list.isEmpty ? sentence : sentence + " \(kind.rawValue): \(list.joined(separator: ", "))"
        }
    }

    /// A quoted word and the form of `이라는` that agrees with it: `'요리'라는`, `'덱'이라는`, `'revew'라는`.
    public static func called(_ word: String) -> String {
        "'\(word)'" + Particle.called.form(after: word)
    }
}
