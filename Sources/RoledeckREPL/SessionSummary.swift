import RoledeckCore

/// What a session did, for the lines printed at its end.
public struct SessionSummary: Equatable, Sendable {
    /// Answers saved in the session (undone ones not counted): a card in its learning steps counts
    /// once per answer.
    public var reviewed: Int
    /// Different cards those answers were for.
    public var cards: Int
    /// Of those, the ones judged right (self-graded cards: not rated Again).
    public var correct: Int
    public var elapsedSeconds: Double
    /// Cards due when the next study day starts, and new cards it will offer.
    public var dueTomorrow: Int
    public var newTomorrow: Int
    /// Study days in a row, today included when something was studied.
    public var streak: Int
    public var ending: StudySession.Ending

    /// The share of right answers, 0...1; nil when nothing was answered.
    public var accuracy: Double? { reviewed == 0 ? nil : Double(correct) / Double(reviewed) }

    /// `카드 12장 · 복습 15회 · 정확도 83% · 4분 10초`, then tomorrow and the streak.
    public func render(palette: Palette) -> [String] {
        var lines: [String] = []
        if reviewed == 0 {
            lines.append(palette.strong(ending == .finished ? "지금 복습할 카드가 없습니다." : "답한 카드가 없습니다."))
        } else {
            let percent = Int(((accuracy ?? 0) * 100).rounded())
            let head = ending == .finished ? "오늘 복습을 마쳤습니다" : "복습을 멈췄습니다"
            lines.append(
                palette.strong("\(head): 카드 \(cards)장 · 복습 \(reviewed)회") + " · 정확도 \(percent)%"
                    + " · \(IntervalText.elapsed(seconds: elapsedSeconds))")
        }
        lines.append("내일: 복습 \(dueTomorrow)장 · 새 카드 \(newTomorrow)장")
        if streak > 0 { lines.append("연속 학습 \(streak)일째") }
        return lines
    }
}
