/// The cards as a file for Anki's text importer (File ▸ Import, a `.txt`): tab-separated, with the
/// header lines that tell Anki the separator, that fields are HTML, the note type, and which columns
/// hold the guid, the deck and the tags, so the file imports without any choice to make.
///
/// Notes use Anki's stock `Basic` note type (where it is called otherwise, `기본` in a Korean Anki,
/// Anki takes its current note type, whose first two fields are the front and the back):
/// the front holds the prompt, the cloze line and the options; the back the answer and the
/// explanation; domain, role and kind are in the tags. The guid column makes a second import
/// update the same notes. A text file carries no schedule: use the `.apkg` for progress.
public enum AnkiTextFile {
    /// The columns, in order.
    public static let columns = ["guid", "Front", "Back", "deck", "tags"]

    /// The file's text for `decks`' cards, in the order roledeck introduces them; `leeches` get the `leech` tag.
    public static func text(decks: [Deck], leeches: Set<CardID> = []) throws(ExportError) -> String {
        let cards = IntroductionOrder.sorted(decks.flatMap(\.cards))
        guard !cards.isEmpty else { throw .nothingToExport }
        var deckOf: [DomainKey: Deck] = [:]
        for deck in decks where deckOf[deck.domain.key] == nil { deckOf[deck.domain.key] = deck }
        var lines = [
            "#separator:tab", "#html:true", "#notetype:Basic", "#guid column:1", "#deck column:4", "#tags column:5",
            "#columns:" + columns.joined(separator: "\t"),
        ]
        for card in cards {
            guard let deck = deckOf[card.domain] else { continue }
            let note = ExportedNote(card: card, deck: deck, leech: leeches.contains(card.id))
            lines.append(
                [note.guid, front(note), back(note), note.deckName, note.tags.joined(separator: " ")].map(cell)
                    .joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The prompt, then the cloze line and the options when the card has them.
    static func front(_ note: ExportedNote) -> String {
        ["질문", "문맥", "보기"].compactMap { note.field($0) }.filter { !$0.isEmpty }.joined(separator: "<br>")
    }

    /// The answer, then the explanation, smaller.
    static func back(_ note: ExportedNote) -> String {
        (note.field("정답") ?? "") + "<br><br><small>" + (note.field("설명") ?? "") + "</small>"
    }

    /// A cell as Anki's importer reads it: quoted when it holds a tab, a quote or a line break.
    static func cell(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
