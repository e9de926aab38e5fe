/// Finds a card by what a learner types for its id.
public enum CardLookup {
    /// The card `text` names: its id exactly, else the one card whose id ends with or contains it
    /// (`데이터-엔지니어/sql`). Several or none are an error that says which, or the nearest id.
    public static func find(_ text: String, in cards: [Card]) throws(BrowseError) -> Card {
        let wanted = text.trimmingSpaces.nfc
        if let exact = cards.first(where: { $0.id.rawValue == wanted }) { return exact }
        for matches in [
            cards.filter { $0.id.rawValue.hasSuffix("/" + wanted) }, cards.filter { $0.id.rawValue.contains(wanted) },
        ] {
            if matches.count == 1, let only = matches.first { return only }
            if matches.count > 1 {
                throw .ambiguousCard(id: text, matches: matches.prefix(8).map(\.id.rawValue))
            }
        }
        let ids = cards.map(\.id.rawValue)
        throw .unknownCard(id: text, suggestion: NameMatcher<String>.nearest(to: wanted, among: ids))
    }
}
