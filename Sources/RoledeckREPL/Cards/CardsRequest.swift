import Foundation
import RoledeckCore

/// What `cards …` at the prompt asks for, with the options `roledeck cards` takes.
public struct CardsRequest: Equatable, Sendable {
    public var domain: String?
    public var role: String?
    public var kind: String?
    public var state: String?
    public var search: String?
    /// `cards show ID`: the card to print in full.
    public var show: String?
    public var json = false

    /// Reads the words after `cards`: `--domain 데이터`, `--state review`, `--search "데이터 수집"`, a bare
    /// word searches, `show ID`. Returns a message for a line it cannot read.
    public static func parse(_ text: String) -> Result<CardsRequest, CardsRequestError> {
        var request = CardsRequest()
        var words = tokens(text)[...]
        var searchWords: [String] = []
        if words.first == "show" || words.first == "보기" {
            words.removeFirst()
            guard let id = words.first else { return .failure(.missingValue(option: "show")) }
            request.show = id
            words.removeFirst()
        }
        while let word = words.popFirst() {
            guard word.hasPrefix("--") else {
                searchWords.append(word)
                continue
            }
            if word == "--json" {
                request.json = true
                continue
            }
            let options: [String: WritableKeyPath<CardsRequest, String?>] = [
                "--domain": \.domain, "--role": \.role, "--kind": \.kind, "--state": \.state, "--search": \.search,
            ]
            guard let path = options[word] else { return .failure(.unknownOption(word)) }
            guard let value = words.popFirst() else { return .failure(.missingValue(option: word)) }
            request[keyPath: path] = value
        }
        if !searchWords.isEmpty {
            request.search = ([request.search].compactMap { $0 } + searchWords).joined(separator: " ")
        }
        return .success(request)
    }

    /// The words of `text`, a quoted run (`"데이터 수집"`) as one.
    static func tokens(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var started = false
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                started = true
            } else if character.isWhitespace {
                if started || !current.isEmpty { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
            }
        }
        if started || !current.isEmpty { words.append(current) }
        return words
    }
}

/// Why a `cards …` line cannot be read.
public enum CardsRequestError: Error, Equatable, Sendable {
    case unknownOption(String)
    case missingValue(option: String)

    /// The sentence the REPL prints.
    public var message: String {
        switch self {
        case .unknownOption(let option):
            "\(option): cards에 그런 옵션은 없습니다. 옵션: --domain, --role, --kind, --state, --search, --json; show ID"
        case .missingValue(let option):
            "\(option) 뒤에 값을 적으세요. 예: cards --state review, cards show sql"
        }
    }
}
