/// The hint `:hint` (`힌트`) shows. For an answer to recall: each word of it by its first sound and its
/// length (`ㄷㅇㅌ ㅍㅇㅍㄹㅇ (8글자)` for 데이터 파이프라인, `P_____ (6글자)` for Python), as in a 초성
/// quiz. For a choice: half the wrong options (at least one) struck out, as a quiz show's 50:50 does;
/// the first sound of the right option would give it away among four.
public enum Hint {
    /// The hint for a card as shown; nil for true/false, where a hint would be the answer.
    public static func text(for card: Card, choice: ChoiceQuestion?) -> String? {
        let answers: [String]
        switch card.kind.format {
        case .trueFalse: return nil
        case .choice:
            guard let choice else { return nil }
            let wrong = choice.options.indices.filter { !choice.correct.contains($0) }
            guard wrong.count >= 2 else { return nil }
            let struck = wrong.suffix(wrong.count / 2)
            return "답이 아닌 것: " + struck.map { "\($0 + 1)) \(choice.options[$0])" }.joined(separator: ", ")
        case .typed: answers = card.answers.prefix(1).map(\.text)
        case .typedMany, .flashcard: answers = card.answers.map(\.text)
        }
        guard !answers.isEmpty else { return nil }
        return answers.map(initials).joined(separator: " / ")
    }

    /// `데이터 엔지니어` → `ㄷㅇㅌ ㅇㅈㄴㅇ (7글자)`.
    static func initials(of text: String) -> String {
        var shown = ""
        var length = 0
        var wordStart = true
        for character in text.nfc {
            if let scalar = character.unicodeScalars.first, let initial = Hangul.initialConsonant(of: scalar) {
                shown.append(initial)
                length += 1
                wordStart = false
            } else if character.isLetter || character.isNumber {
                shown.append(wordStart || character.isNumber ? character : "_")
                length += 1
                wordStart = false
            } else {
                shown.append(character)
                wordStart = true
            }
        }
        return "\(shown) (\(length)글자)"
    }
}
