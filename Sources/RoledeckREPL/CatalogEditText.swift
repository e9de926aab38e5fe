import Foundation
import RoledeckCore

/// What `generate` says about a catalog edit before it writes: new, changed, carried and removed
/// cards, each removed or carried one with how many reviews the learner has of it.
public enum CatalogEditText {
    /// The most cards listed per section; the rest are counted.
    static let listed = 30

    /// The report; `reviews` is each studied card's review count (empty when there is no progress),
    /// `firstTime` is true when there were no decks in place to compare with.
    public static func render(_ edit: CatalogEdit, reviews: [CardID: Int], firstTime: Bool) -> [String] {
        if firstTime { return ["덱을 처음 만듭니다: 카드 \(edit.added.count)장."] }
        guard !edit.isEmpty else { return ["카탈로그의 카드가 지금 덱과 같습니다 (\(edit.unchanged)장)."] }
        var lines = [
            "지금 덱과 비교한 변경: 새 카드 \(edit.added.count)장 · 바뀐 카드 \(edit.changed.count)장 · "
                + "기록을 이어받는 카드 \(edit.carried.count)장 · 빠지는 카드 \(edit.removed.count)장 · 그대로 \(edit.unchanged)장"
        ]
        func section(_ title: String, _ entries: [String]) {
            guard !entries.isEmpty else { return }
            lines.append(title)
            lines += entries.prefix(listed)
            if entries.count > listed { lines.append("    … 외 \(entries.count - listed)장") }
        }
        func studied(_ id: CardID) -> String {
            reviews[id].map { $0 > 0 ? " (복습 \($0)번)" : "" } ?? ""
        }
        section("  새 카드:", edit.added.map { "    + \($0.id)  \(CardsText.cut($0.prompt, to: 50))" })
        section(
            "  바뀐 카드 (id와 기록은 그대로):",
            edit.changed.map { "    ~ \($0.new.id)\(studied($0.new.id))  \(difference($0.old, $0.new))" })
        section(
            "  기록을 이어받는 카드 (같은 직무, 같은 자리):",
            edit.carried.map { carried in
                "    = \(carried.card.id)\(studied(carried.card.id))  "
                    + carried.reasons.map(describe).joined(separator: "; ")
            })
        let removedNote = reviews.isEmpty ? "" : " 복습 기록은 reviews.jsonl에 남고, roledeck doctor가 보여 줍니다"
        section(
            "  빠지는 카드:" + removedNote,
            edit.removed.map { "    - \($0.id)\(studied($0.id))  \(CardsText.cut($0.prompt, to: 50))" })
        return lines
    }

    private static func describe(_ reason: CatalogEdit.Reason) -> String {
        switch reason {
        case .roleRenamed(let from, let to): "직무 이름 '\(from)' → '\(to)'"
        case .reworded(let from, let to): "'\(from)' → '\(to)'"
        }
    }

    /// What changed in a card, in a few words.
    private static func difference(_ old: Card, _ new: Card) -> String {
        if old.prompt != new.prompt { return "질문: \(CardsText.cut(new.prompt, to: 50))" }
        if old.context != new.context { return "문맥: \(CardsText.cut(new.context ?? "", to: 50))" }
        if old.answers != new.answers { return "정답: \(new.answers.map(\.text).joined(separator: ", "))" }
        return "보기가 바뀜"
    }
}
