import Foundation
import RoledeckCore

/// The `decks` listing: one line per deck with its card counts by kind, as text or JSON.
public enum DecksOverview {
    /// A table that fits 80 columns, counting Hangul as two.
    public static func render(_ decks: [Deck], source: String) -> String {
        var lines = ["덱 \(decks.count)개 · 카드 \(decks.reduce(0) { $0 + $1.cards.count })장 (\(source))", ""]
        let nameWidth = decks.map { DisplayWidth.of(title(of: $0)) }.max() ?? 0
        for deck in decks {
            let name = DisplayWidth.padded(title(of: deck), to: nameWidth)
            let file = DisplayWidth.padded(deck.fileName, to: 22)
            lines.append("  \(name)  \(file) \(String(format: "%4d", deck.cards.count))장")
        }
        lines.append("")
        lines.append("종류별 카드 수:")
        let all = decks.flatMap(\.cards)
        let labelWidth = CardKind.allCases.map { DisplayWidth.of($0.label) }.max() ?? 0
        for kind in CardKind.allCases {
            let count = all.count { $0.kind == kind }
            guard count > 0 else { continue }
            let perDeck = decks.map { deck in deck.cards.count { $0.kind == kind } }
            lines.append(
                "  \(DisplayWidth.padded(kind.label, to: labelWidth))  \(String(format: "%4d", count))  "
                    + "(\(kind.rawValue); 덱별 \(perDeck.map(String.init).joined(separator: " ")))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func title(of deck: Deck) -> String {
        "\(deck.domain.number). \(deck.domain.name)"
    }

    /// The listing as JSON: for each deck its key, file, name, card total and counts by kind.
    public static func json(_ decks: [Deck]) -> String {
        struct Entry: Encodable {
            var key: String
            var file: String
            var number: Int
            var name: String
            var englishName: String?
            var cards: Int
            var kinds: [String: Int]
        }
        let entries = decks.map { deck in
            Entry(
                key: deck.domain.key.rawValue, file: deck.fileName, number: deck.domain.number, name: deck.domain.name,
                englishName: deck.domain.englishName, cards: deck.cards.count,
                kinds: Dictionary(uniqueKeysWithValues: deck.countsByKind.map { ($0.kind.rawValue, $0.count) }))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
