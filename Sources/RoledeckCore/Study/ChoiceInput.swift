/// Reads the reply to a choice question: option numbers (`2`, `1 3`, `1,3`) or the option's text.
public enum ChoiceInput {
    /// Why a reply picks no option.
    public enum Problem: Error, Equatable, Sendable {
        /// Nothing was typed.
        case empty
        /// A number that is not an option's.
        case outOfRange(Int, count: Int)
        /// Several options for a question with one right option.
        case severalForOne
        /// Neither numbers nor an option's text.
        case unrecognised
    }

    /// The indices (0-based) of the options `reply` picks.
    ///
    /// Numbers may be separated by spaces or commas; with nine options or fewer, `13` is read as
    /// 1 and 3 on a select-all question. Text is matched like a typed answer against the options,
    /// typos forgiven when they point at one option only.
    public static func parse(
        _ reply: String, options: [String], selection: Selection
    ) -> Result<Set<Int>, Problem> {
        let text = reply.trimmingSpaces
        guard !text.isEmpty else { return .failure(.empty) }
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "，" || $0 == "\t" }
        if !tokens.isEmpty && tokens.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) {
            var numbers = tokens.compactMap { Int($0) }
            if numbers.count != tokens.count {
                return .failure(.outOfRange(Int.max, count: options.count))
            }
            if selection == .all && numbers.count == 1 && options.count <= 9 && tokens[0].count > 1
                && numbers[0] > options.count
            {
                numbers = tokens[0].compactMap { Int(String($0)) }
            }
            if let bad = numbers.first(where: { !(1...max(1, options.count)).contains($0) || options.isEmpty }) {
                return .failure(.outOfRange(bad, count: options.count))
            }
            let picked = Set(numbers.map { $0 - 1 })
            if selection == .one && picked.count > 1 { return .failure(.severalForOne) }
            return .success(picked)
        }
        // An option answers to the names its parentheses give it (`NLP 엔지니어` for `자연어 처리(NLP) 엔지니어`).
        let matcher = AnswerMatcher(answers: options.map { Answer($0, aliases: RoleName($0).aliases) })
        let items = selection == .all ? AnswerText.items(text) : [text]
        var picked = Set<Int>()
        for item in items {
            guard let match = matcher.match(item) else { return .failure(.unrecognised) }
            picked.insert(match.answer)
        }
        if selection == .one && picked.count > 1 { return .failure(.severalForOne) }
        return picked.isEmpty ? .failure(.unrecognised) : .success(picked)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
