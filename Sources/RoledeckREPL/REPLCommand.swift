import Foundation
import RoledeckCore

/// A command typed at the `roledeck>` prompt.
public enum REPLCommand: Equatable, Sendable {
    /// Today's review over every deck.
    case review
    /// One deck: its new cards first, then what is due in it.
    case study(deck: String)
    case decks
    case stats
    /// Takes back the last answer.
    case undo
    /// Buries the last card until tomorrow.
    case bury
    /// Suspends the last card.
    case suspend
    /// Lists the suspended cards, numbered.
    case suspended
    /// Puts a suspended card (by its number in `suspended`, its id or the start of it) back into study.
    case unsuspend(id: String)
    case leeches
    case settings
    /// Fits the FSRS parameters to the review log and saves them when better.
    case optimize
    /// Scores parameters (current unless named) on the review log.
    case evaluate(parameters: String?)
    /// Adds to today's limits: `more 10` new cards, `more 50 복습` reviews.
    case more(count: Int, reviews: Bool)
    /// Reviews ahead: the review cards due in the next `days` days, now.
    case ahead(days: Int)
    /// Crams a deck: every card of it already met, whenever it is due.
    case cram(deck: String)
    case help
    case quit

    /// Each command's name, the other names it answers to, and its argument, for parsing, help and completion.
    public static let names: [(name: String, aliases: [String], argument: String?)] = [
        ("review", ["복습", "리뷰", "r"], nil),
        ("study", ["공부", "학습", "s"], "DECK"),
        ("decks", ["덱", "deck"], nil),
        ("stats", ["통계", "stat"], nil),
        ("undo", ["되돌리기", "취소", "u"], nil),
        ("bury", ["묻기", "미루기"], nil),
        ("suspend", ["보류"], nil),
        ("suspended", ["보류목록", "보류된카드"], nil),
        ("unsuspend", ["보류해제", "보류취소"], "N"),
        ("leeches", ["거머리", "leech"], nil),
        ("settings", ["설정", "setting"], nil),
        ("optimize", ["최적화", "optimise"], nil),
        ("evaluate", ["평가"], nil),
        ("more", ["더", "더공부", "추가"], "N"),
        ("ahead", ["미리", "미리복습"], "[DAYS]"),
        ("cram", ["몰아보기", "벼락치기"], "DECK"),
        ("help", ["도움말", "도움", "?", "h"], nil),
        ("quit", ["종료", "끝", "exit", "q", "나가기"], nil),
    ]
}

/// What a line at the prompt turned out to be.
public enum CommandParse: Equatable, Sendable {
    case command(REPLCommand)
    /// An empty line.
    case empty
    /// A word that is no command; `suggestion` is the nearest command name, if one is near.
    case unknown(word: String, suggestion: String?)
    /// A command that needs an argument it did not get.
    case missingArgument(command: String, argument: String)
}

/// Parses prompt lines: English names, Korean aliases, and a "did you mean" for near misses.
public enum CommandParser {
    /// Parses one line.
    public static func parse(_ line: String) -> CommandParse {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .empty }
        let word = String(trimmed.prefix { !$0.isWhitespace })
        let argument = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        guard let name = canonicalName(of: word) else {
            return .unknown(word: word, suggestion: suggestion(for: word))
        }
        switch name {
        case "review": return .command(.review)
        case "study":
            return argument.isEmpty
                ? .missingArgument(command: name, argument: "DECK") : .command(.study(deck: argument))
        case "decks": return .command(.decks)
        case "stats": return .command(.stats)
        case "undo": return .command(.undo)
        case "bury": return .command(.bury)
        case "suspend": return .command(.suspend)
        case "suspended": return .command(.suspended)
        case "unsuspend":
            return argument.isEmpty
                ? .missingArgument(command: name, argument: "N") : .command(.unsuspend(id: argument))
        case "leeches": return .command(.leeches)
        case "settings": return .command(.settings)
        case "optimize": return .command(.optimize)
        case "evaluate": return .command(.evaluate(parameters: argument.isEmpty ? nil : argument))
        case "more":
            let words = argument.split(separator: " ").map(String.init)
            guard let count = words.first.flatMap(Int.init), (1...9999).contains(count) else {
                return .missingArgument(command: name, argument: "N")
            }
            let reviews = words.dropFirst().contains { ["복습", "review", "reviews", "r"].contains($0.lowercased()) }
            return .command(.more(count: count, reviews: reviews))
        case "ahead":
            guard !argument.isEmpty else { return .command(.ahead(days: 1)) }
            let digits = argument.hasSuffix("일") ? String(argument.dropLast()) : argument
            guard let days = Int(digits.trimmingCharacters(in: .whitespaces)),
                (1...ExtraStudy.maximumDays).contains(days)
            else { return .missingArgument(command: name, argument: "DAYS") }
            return .command(.ahead(days: days))
        case "cram":
            return argument.isEmpty
                ? .missingArgument(command: name, argument: "DECK") : .command(.cram(deck: argument))
        case "help": return .command(.help)
        default: return .command(.quit)
        }
    }

    /// The commands by name and alias, found by the core's one `NameMatcher`.
    static let matcher = NameMatcher(REPLCommand.names.map { .init($0.name, names: [$0.name] + $0.aliases) })

    /// The command `word` names (its English name or an alias), case, width and spacing folded.
    public static func canonicalName(of word: String) -> String? {
        let trimmed = word.trimmingCharacters(in: .whitespaces)
        // Punctuation alone (`?`) folds to nothing: it names a command only as written.
        if let exact = REPLCommand.names.first(where: { $0.aliases.contains(trimmed) }) { return exact.name }
        return matcher.match(word)
    }

    /// The nearest command name or alias to `word`, by the core's one suggestion rule.
    public static func suggestion(for word: String) -> String? {
        NameMatcher<String>.nearest(
            to: word, among: REPLCommand.names.flatMap { [$0.name] + $0.aliases.filter { $0.count > 1 } })
    }
}
