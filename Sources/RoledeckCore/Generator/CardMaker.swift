/// Writes the cards of one catalog, one method per kind (in the files `…Cards.swift`), each with the
/// rules that keep its questions fair: one fact per card, wrong options that are really wrong,
/// nothing the prompt gives away.
struct CardMaker: Sendable {
    let index: CatalogIndex
    /// The ids of the decks already in place: where the catalog leaves a choice (which statement a role
    /// gets), the earlier pick is kept while it is still right, so its history stays.
    var earlier: Set<CardID> = []
    /// The most wrong options a choice card stores; a question shows three of the first five.
    let distractorPoolSize = 6
    /// A choice card needs at least this many wrong options that are clearly wrong: one right and
    /// three wrong, as shown.
    let minimumDistractors = 3
    /// The most items a typed card asks to list; longer lists become one card per item.
    static let listLimit = 3

    var catalog: Catalog { index.catalog }
    var lexicon: Lexicon { index.lexicon }

    /// `ai-jobs.md 37행`.
    func place(_ line: Int) -> String { "\(catalog.source) \(line)행" }

    /// A role as an answer: its names, its mindmap label, and the same with Korean spellings of
    /// Latin words (`MLOps 엔지니어`, `엠엘옵스 엔지니어`).
    func roleAnswer(_ role: Role) -> Answer {
        var names = role.acceptedNames
        for name in role.acceptedNames { names += lexicon.spelledVariants(of: name) }
        return Answer(role.shortName, aliases: unique(names))
    }

    /// A stack item as an answer: as written, its name and alias, its parts (together or one by one,
    /// since any part shows the group is known) and their Korean spellings (`Python`, `파이썬`).
    func itemAnswer(_ item: StackItem) -> Answer {
        var names = item.acceptedTexts
        if !item.parts.isEmpty { names += [item.parts.joined(separator: ", ")] + item.parts }
        for name in names { names += lexicon.spelledVariants(of: name) }
        return Answer(item.text, aliases: unique(names))
    }

    /// The roles at the given positions, by the name cards use, in that order.
    func roleNames(_ positions: [Int]) -> [String] {
        positions.map { index.roles[$0].shortName }
    }

    /// The first roles of `candidates` that pass `keep`, at most a pool's worth.
    func pool(_ candidates: some Sequence<Int>, where keep: (Int) -> Bool) -> [Int] {
        var chosen: [Int] = []
        for candidate in candidates where keep(candidate) {
            chosen.append(candidate)
            if chosen.count == distractorPoolSize { break }
        }
        return chosen
    }

    func unique(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.filter { seen.insert($0).inserted }
    }
}

/// A card on its way into a deck, with what the introduction order needs to know about it.
struct Draft: Sendable {
    var card: Card
    /// The role whose queue the card joins (its subject, or the first that lists its item).
    var anchor: Int
    /// Every role the card names in its prompt or options, or whose item it shows.
    var names: Set<Int>
    /// Whether the card is one of the role's first cards, which introduce the role.
    var basic: Bool = false
}
