/// Reads the reply to a true/false statement: `o`/`x`, `y`/`n`, `예`/`아니오` and their kin.
public enum TrueFalseInput {
    private static let yes: Set<String> = [
        "o", "y", "yes", "t", "true", "예", "네", "응", "참", "맞다", "맞음", "맞아", "ㅇ", "○", "⭕",
    ]
    private static let no: Set<String> = [
        "x", "n", "no", "f", "false", "아니오", "아니요", "아니", "아뇨", "거짓", "틀림", "틀리다", "틀려", "ㄴ", "×", "✕",
    ]

    /// True for a "true" reply, false for a "false" one, nil when the reply is neither.
    public static func parse(_ reply: String) -> Bool? {
        let folded = AnswerText.folded(reply)
        if yes.contains(folded) { return true }
        if no.contains(folded) { return false }
        return nil
    }
}

extension Card {
    /// For a true/false card, whether the statement is true (its answer is `O`).
    public var statementIsTrue: Bool {
        guard let answer = answers.first else { return false }
        return TrueFalseInput.parse(answer.text) ?? false
    }
}
