import Foundation

/// ArgumentParser's usage errors in Korean: its own messages are English, and every message a learner
/// sees is Korean. Messages it does not know stay as they are.
enum UsageMessage {
    /// English patterns and the Korean sentences they become (`$1` is the captured name or value).
    static let patterns: [(pattern: String, korean: String)] = [
        (#"^Unknown option '(.+)'$"#, "알 수 없는 옵션 '$1'입니다."),
        (#"^Unexpected argument '(.+)'$"#, "뜻을 알 수 없는 인자 '$1'입니다."),
        (#"^Unexpected arguments (.+)$"#, "뜻을 알 수 없는 인자들입니다: $1"),
        (#"^Missing expected argument '(.+)'$"#, "'$1' 자리에 넣을 값이 없습니다."),
        (#"^Missing value for '(.+)'$"#, "'$1'의 값이 빠졌습니다."),
        (#"^The value '(.*)' is invalid for '(.+)'$"#, "'$2'에 '$1' 값은 쓸 수 없습니다."),
        (#"^Value to be set with flag '(.+)' had already been set with flag '(.+)'$"#, "'$1', '$2' 옵션은 함께 쓸 수 없습니다."),
    ]

    /// `message` (ArgumentParser's, without its `Error: ` prefix) in Korean.
    static func korean(_ message: String) -> String {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        for (pattern, korean) in patterns {
            guard let expression = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            if expression.firstMatch(in: text, range: range) != nil {
                return expression.stringByReplacingMatches(in: text, range: range, withTemplate: korean)
            }
        }
        return text
    }
}
