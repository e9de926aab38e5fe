import Foundation
import RoledeckCore

/// The text of a card on screen: header, question, options, verdict and the rating choices.
///
/// Pure string-in/string-out: the session decides what to show, this decides how it reads.
/// Only plain glyphs that are one column wide in CJK terminals are used for layout.
public struct CardPresenter: Sendable {
    public var palette: Palette

    public init(palette: Palette) {
        self.palette = palette
    }

    /// `[12/45] 데이터 · 데이터 엔지니어 · 업무 빈칸`: position, deck, role (when the card has one) and kind.
    /// A card whose answer is a role or a domain names neither: the header would answer it.
    public func header(card: Card, deck: Deck?, position: Int, total: Int) -> String {
        var parts: [String] = []
        if !Self.answersWhere(card.kind) {
            if let deck { parts.append(deck.domain.name) } else { parts.append(card.domain.rawValue) }
            if let role = card.role {
                parts.append(deck?.domain.roles.first { $0.key == role }?.name ?? role.rawValue)
            }
        }
        let counter = "[\(position)/\(max(position, total))]"
        guard !parts.isEmpty else { return palette.strong(counter) + palette.dim(" \(card.kind.label)") }
        return palette.strong(counter + " " + parts.joined(separator: " · ")) + palette.dim(" · \(card.kind.label)")
    }

    /// Kinds whose answer is a role, a domain or a mindmap branch.
    static func answersWhere(_ kind: CardKind) -> Bool {
        switch kind {
        case .dutyRole, .stackRole, .contrast, .roleDomain, .mindmap: true
        default: false
        }
    }

    /// The question: the prompt, the context line (a cloze blank), and numbered options.
    public func question(card: Card, choice: ChoiceQuestion?) -> [String] {
        var lines = [palette.strong(card.prompt)]
        if let context = card.context { lines.append("  \(context)") }
        if let choice {
            for (index, option) in choice.options.enumerated() { lines.append("  \(index + 1)) \(option)") }
            if choice.selection == .all { lines.append(palette.dim("  (맞는 것을 모두 고르세요: 예 1 3)")) }
        }
        return lines
    }

    /// The prompt for the answer, by how the card is answered.
    public func answerPrompt(card: Card, choice: ChoiceQuestion?) -> String {
        switch card.kind.format {
        case .choice: choice?.selection == .all ? "번호들> " : "번호> "
        case .trueFalse: "O/X> "
        case .typed: "답> "
        case .typedMany: "답(쉼표로 구분)> "
        case .flashcard: "떠올린 뒤 Enter> "
        }
    }

    /// A short reminder of what the answer prompt takes, for a reply it could not use.
    public func answerHint(card: Card, choice: ChoiceQuestion?, problem: ChoiceInput.Problem? = nil) -> String {
        let count = choice?.options.count ?? 0
        let text: String
        switch card.kind.format {
        case .choice:
            switch problem {
            case .outOfRange?: text = "1부터 \(count)까지의 번호를 입력하세요."
            case .severalForOne?: text = "답은 하나입니다. 번호 하나를 입력하세요."
            default:
                text =
                    choice?.selection == .all
                    ? "번호를 띄어 쓰거나(1 3) 보기 글자를 입력하세요." : "번호(1–\(count))나 보기 글자를 입력하세요."
            }
        case .trueFalse: text = "o 또는 x로 답하세요 (y/n, 예/아니오도 됩니다)."
        case .typed, .typedMany: text = "답을 입력하세요."
        case .flashcard: text = "Enter를 누르면 답이 보입니다."
        }
        return palette.warn(text) + palette.dim(" (? 모름 · :hint 힌트 · :q 그만하기 · :undo 되돌리기 · :help)")
    }

    /// The right options of a choice question, numbered as shown.
    public func rightOptions(_ choice: ChoiceQuestion) -> String {
        choice.correct.sorted().map { "\($0 + 1)) \(choice.options[$0])" }.joined(separator: ", ")
    }

    /// The catalog explanation, dimmed.
    public func explanation(_ card: Card) -> String {
        palette.dim("설명: \(card.explanation)")
    }

    /// The lines after a judged reply: the verdict and what the learner should see of the answer.
    public func feedback(card: Card, choice: ChoiceQuestion?, judgement: Judgement) -> [String] {
        if judgement.outcome == .gaveUp && card.kind.format != .typed && card.kind.format != .typedMany {
            return [verdict(.gaveUp)] + answerLines(card: card, choice: choice)
        }
        switch card.kind.format {
        case .flashcard:
            return ["답:"] + card.answers.map { "  - \($0.text)" }
        case .choice:
            guard let choice else { return [] }
            var lines = [verdict(judgement.outcome)]
            if judgement.outcome != .correct { lines.append("정답: " + rightOptions(choice)) }
            return lines
        case .trueFalse:
            var lines = [verdict(judgement.outcome)]
            if judgement.outcome != .correct { lines += answerLines(card: card, choice: choice) }
            return lines
        case .typed, .typedMany:
            guard let check = judgement.check else { return [] }
            return typedFeedback(card: card, check: check, gaveUp: judgement.outcome == .gaveUp)
        }
    }

    /// The right answer of a card, as `정답: …`.
    func answerLines(card: Card, choice: ChoiceQuestion?) -> [String] {
        switch card.kind.format {
        case .choice: choice.map { ["정답: " + rightOptions($0)] } ?? []
        case .trueFalse: ["정답: " + (card.statementIsTrue ? "O (참)" : "X (거짓)")]
        default: ["정답: " + card.answers.map(\.text).joined(separator: ", ")]
        }
    }

    /// `맞았습니다.`, `일부만 맞았습니다.`, `틀렸습니다.`, painted.
    public func verdict(_ outcome: Judgement.Outcome) -> String {
        switch outcome {
        case .correct: palette.good("맞았습니다.")
        case .partial: palette.warn("일부만 맞았습니다.")
        case .gaveUp: palette.warn("모르는 카드로 표시했습니다.")
        case .wrong, .shown: palette.bad("틀렸습니다.")
        }
    }

    /// The lines after a typed answer: verdict, how a right answer was read, what was recalled and missed.
    public func typedFeedback(card: Card, check: AnswerCheck, gaveUp: Bool = false) -> [String] {
        var lines: [String] = []
        let many = card.kind.format == .typedMany
        lines.append(
            verdict(gaveUp ? .gaveUp : check.isCorrect ? .correct : check.isPartial && many ? .partial : .wrong))
        for recall in check.recalled {
            switch recall.kind {
            case .typos:
                lines.append(palette.warn("오타를 봐 주었습니다: '\(recall.given)' → \(card.answers[recall.answer].text)"))
            case .keywords:
                lines.append(
                    palette.warn("표현은 달라도 핵심 낱말이 모두 있습니다. 카탈로그의 표현: ") + card.answers[recall.answer].text)
            case .otherForm:
                lines.append("카탈로그의 표기: " + card.answers[recall.answer].text)
            case .otherLayout:
                lines.append(
                    palette.warn("한/영 전환을 봐 주었습니다: '\(recall.given)' → \(card.answers[recall.answer].text)"))
            case .exact
            where !many && AnswerText.folded(recall.given) != AnswerText.folded(card.answers[recall.answer].text):
                // Another name of it (태블로, 학습): the catalog's own word is the one to learn.
                lines.append("카탈로그의 표기: " + card.answers[recall.answer].text)
            case .exact, .withVisibleWords:
                break
            }
        }
        if many {
            lines.append(
                "맞힌 것 \(check.recalled.count)/\(check.expected)"
                    + (check.recalled.isEmpty
                        ? "" : ": " + check.recalled.map { card.answers[$0.answer].text }.joined(separator: ", ")))
            if !check.missing.isEmpty {
                lines.append(
                    palette.bad("빠진 것: ") + check.missing.map { card.answers[$0].text }.joined(separator: ", "))
            }
        } else if !check.isCorrect {
            lines.append("정답: " + card.answers.map(\.text).joined(separator: " 또는 "))
        }
        if !check.unmatched.isEmpty {
            lines.append(palette.warn("정답에 없는 것: ") + check.unmatched.joined(separator: ", "))
        }
        return lines
    }

    /// `힌트: ㄷㅇㅌ ㅍㅇㅍㄹㅇ (8글자) · …`.
    public func hint(_ text: String) -> String {
        palette.warn("힌트: ") + text + palette.dim(" · 힌트를 본 카드는 2 어려움까지만 제안합니다.")
    }

    /// The four ratings with the interval each would give: `1 다시 1분 · 2 어려움 6분 · 3 좋음 10분 · 4 쉬움 8일`.
    public func ratingLine(_ outcomes: ReviewOutcomes, suggested: Rating) -> String {
        outcomes.all.map { outcome in
            let text =
                "\(outcome.rating.rawValue) \(Self.name(of: outcome.rating)) "
                + IntervalText.korean(seconds: outcome.interval)
            return outcome.rating == suggested ? palette.strong(text) : text
        }.joined(separator: " · ")
    }

    /// The rating prompt, naming what Enter accepts.
    public func ratingPrompt(suggested: Rating) -> String {
        "평가 (Enter = \(suggested.rawValue) \(Self.name(of: suggested)))> "
    }

    /// The hint for a rating reply that is not one.
    public var ratingHint: String {
        palette.warn("Enter로 제안을 받아들이거나 1–4를 입력하세요 (\(Rating.koreanList)).")
    }

    /// The line that says an answer is saved: `저장됨: 3 좋음 · 다음 10분 뒤`.
    public func saved(_ review: StudyState.SavedReview) -> String {
        palette.dim(
            "저장됨: \(review.rating.rawValue) \(Self.name(of: review.rating)) · 다음 "
                + "\(IntervalText.korean(seconds: review.interval)) 뒤")
    }

    /// The Korean name of a rating, as on Anki's Korean buttons.
    public static func name(of rating: Rating) -> String { rating.korean }

    /// The rating a reply at the rating prompt picks: a digit, an English or Korean name.
    public static func rating(from reply: String) -> Rating? {
        let folded = AnswerText.folded(reply)
        if let number = Int(folded), let rating = Rating(rawValue: number) { return rating }
        return Rating.allCases.first { folded == $0.name.lowercased() || folded == name(of: $0) }
    }
}
