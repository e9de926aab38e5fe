import Foundation
import RoledeckCore

/// What `cards` prints: one line a card, or one card in full with its review history.
public enum CardsText {
    /// The widest prompt a listing line shows before it is cut with `…`.
    static let promptColumns = 44

    /// One line a card: state, when due, stability, retrievability, lapses, id and prompt; a heading
    /// with how many of `total` cards are shown.
    public static func list(_ summaries: [CardSummary], total: Int, now: Date, days: DayConvention) -> [String] {
        guard !summaries.isEmpty else {
            return ["맞는 카드가 없습니다 (전체 \(total)장)."]
        }
        let header = ["상태", "다음 복습", "안정성", "기억률", "잊음", "카드"]
        var rows = summaries.map { summary in
            [
                state(summary), summary.due.map { LocalTime.due($0, now: now, days: days) } ?? "—",
                summary.record?.card.stability.map(daysText) ?? "—",
                summary.retrievability.map { "\(Int(($0 * 100).rounded()))%" } ?? "—", "\(summary.lapses)",
                summary.card.id.rawValue + "  " + cut(summary.card.prompt, to: promptColumns),
            ]
        }
        rows.insert(header, at: 0)
        let widths = (0..<header.count - 1).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        // Numbers line up on the right, words on the left.
        let rightAligned: Set<Int> = [2, 3, 4]
        let lines = rows.map { row in
            row.enumerated().map { column, text in
                guard column < widths.count else { return text }
                let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(text)))
                return rightAligned.contains(column) ? padding + text : text + padding
            }.joined(separator: "  ")
        }
        let heading =
            summaries.count == total ? "카드 \(total)장" : "카드 \(summaries.count)장 (전체 \(total)장 중)"
        return [heading] + lines
    }

    /// The card in full: where it is from, what it asks and accepts, where the learner stands, and
    /// every review that stands, oldest first.
    public static func detail(_ summary: CardSummary, reviews: [CardReview], now: Date, days: DayConvention)
        -> [String]
    {
        let card = summary.card
        var rows: [(String, String)] = [
            ("덱", "\(summary.deckName) (\(card.domain.rawValue))"),
            ("종류", "\(card.kind.label) (\(card.kind.rawValue))"),
        ]
        if let role = summary.roleName { rows.insert(("직무", role), at: 1) }
        rows.append(("질문", card.prompt))
        if let context = card.context { rows.append(("", context)) }
        rows.append(("정답", card.answers.map(answerText).joined(separator: ", ")))
        if let distractors = card.distractors, !distractors.isEmpty {
            rows.append(("오답 보기", distractors.joined(separator: ", ")))
        }
        rows.append(("설명", card.explanation))
        rows.append(("상태", stateLine(summary, now: now, days: days)))
        if let record = summary.record, let stability = record.card.stability, let difficulty = record.card.difficulty {
            var memory = "안정성 \(daysText(stability)) · 난이도 \(String(format: "%.2f", difficulty))"
            if let retrievability = summary.retrievability {
                memory += " · 기억률 \(Int((retrievability * 100).rounded()))%"
            }
            rows.append(("기억", memory))
        }
        rows.append(("복습", "\(summary.reps)번 · 잊음 \(summary.lapses)번"))
        let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        var lines = [card.id.rawValue] + rows.map { "  \(DisplayWidth.padded($0.0, to: width))  \($0.1)" }
        guard !reviews.isEmpty else {
            lines.append(summary.reps > 0 ? "복습 기록이 reviews.jsonl에 없습니다." : "아직 복습하지 않았습니다.")
            return lines
        }
        lines.append("복습 기록 \(reviews.count)번:")
        let zone = LocalTime.zone(of: days)
        for review in reviews {
            var parts = [
                LocalTime.stamp(review.at, in: zone), review.before.label,
                "\(review.rating.rawValue) \(CardPresenter.name(of: review.rating))",
            ]
            if let ms = review.durationMs { parts.append(IntervalText.elapsed(seconds: Double(ms) / 1000)) }
            if let answer = review.answer, !answer.isEmpty { parts.append("'\(answer)'") }
            parts.append(
                "다음 \(IntervalText.korean(seconds: review.after.due.timeIntervalSince(review.at))) 뒤")
            lines.append("  " + parts.joined(separator: " · "))
        }
        return lines
    }

    /// `복습`, `재학습, 보류`, `새 카드, 거머리`.
    static func state(_ summary: CardSummary) -> String {
        var names = [summary.phase.label]
        if summary.suspended { names.append("보류") }
        if summary.leech { names.append("거머리") }
        if summary.buried { names.append("묻힘") }
        return names.joined(separator: ", ")
    }

    private static func stateLine(_ summary: CardSummary, now: Date, days: DayConvention) -> String {
        var line = state(summary)
        if let due = summary.due { line += " · 다음 복습 \(LocalTime.due(due, now: now, days: days))" }
        if summary.buried, let until = summary.record?.buriedUntil {
            line += " · \(LocalTime.stamp(until, in: LocalTime.zone(of: days)))까지 묻힘"
        }
        return line
    }

    /// `12.3일`, `0.4일`.
    static func daysText(_ days: Double) -> String {
        days >= 100 ? "\(Int(days.rounded()))일" : String(format: "%.1f일", days)
    }

    private static func answerText(_ answer: Answer) -> String {
        answer.aliases.isEmpty ? answer.text : "\(answer.text) (\(answer.aliases.prefix(3).joined(separator: ", ")))"
    }

    /// The text cut to `columns` terminal columns, `…` marking the cut.
    static func cut(_ text: String, to columns: Int) -> String {
        guard DisplayWidth.of(text) > columns else { return text }
        var result = ""
        var width = 0
        for character in text {
            let next = DisplayWidth.of(String(character))
            if width + next > columns - 1 { break }
            result.append(character)
            width += next
        }
        return result + "…"
    }
}
