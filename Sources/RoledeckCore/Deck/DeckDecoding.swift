import Foundation

/// The quick reader of a deck file, over `JSONCursor`: 100,000 cards (70 MB of JSON) in a fraction of
/// what `JSONDecoder` takes.
///
/// It gives exactly what `Deck`'s `Decodable` gives for the same bytes (`DeckDecodingTests` holds it
/// to that for every shipped deck and for damaged copies of one), and throws `Mismatch` for anything
/// it is not sure of — a missing field, a wrong type, another version — so `DeckFile.decode` reads
/// those bytes the thorough way, whose errors name the line and field. What cards repeat (domains,
/// roles, prompts, explanations, answer lists, options) is found again by its bytes
/// (`JSONSpanTable`): read once, kept once, and never made again for the next card that has it.
struct DeckDecoding {
    private var texts = JSONSpanTable<String>()
    private var answerLists = JSONSpanTable<[Answer]>()
    private var textLists = JSONSpanTable<[String]>()
    private var kinds = JSONSpanTable<CardKind>()
    private var selections = JSONSpanTable<Selection>()

    /// The deck in `data`.
    static func deck(_ data: Data) throws(JSONCursor.Mismatch) -> Deck {
        let result: Result<Deck, JSONCursor.Mismatch> = data.withUnsafeBytes { raw in
            Result { () throws(JSONCursor.Mismatch) in try deck(raw.bindMemory(to: UInt8.self)) }
        }
        return try result.get()
    }

    /// The deck in `bytes`.
    static func deck(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONCursor.Mismatch) -> Deck {
        var reader = DeckDecoding()
        var cursor = JSONCursor(bytes)
        let deck = try reader.deck(&cursor)
        guard cursor.atEnd else { throw JSONCursor.Mismatch() }
        return deck
    }

    /// A text that other cards may repeat, read the first time its bytes are met.
    private mutating func sharedString(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> String {
        try Self.shared(&texts, &cursor) { $0 }
    }

    /// The value `make` gives for the next string, made the first time its bytes are met (nil: a mismatch).
    private static func shared<Value>(
        _ table: inout JSONSpanTable<Value>, _ cursor: inout JSONCursor, _ make: (String) -> Value?
    ) throws(JSONCursor.Mismatch) -> Value {
        let span = try cursor.stringBytes()
        let hash = ByteHash.of(UnsafeBufferPointer(rebasing: cursor.bytes[span]))
        if let known = table.value(for: span, hash: hash, in: cursor.bytes) { return known }
        guard let value = make(try cursor.text(of: span)) else { throw JSONCursor.Mismatch() }
        table.insert(value, for: span, hash: hash)
        return value
    }

    private mutating func deck(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> Deck {
        var version: Int?
        var catalog: CatalogReference?
        var domain: DeckDomain?
        var cards: [Card]?
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("schemaVersion") {
                version = try cursor.int()
            } else if key.is("catalog") {
                var source: String?
                var title: String?
                try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
                    if key.is("source") {
                        source = try cursor.string()
                    } else if key.is("title") {
                        title = try cursor.string()
                    } else {
                        try cursor.skipValue()
                    }
                }
                guard let source, let title else { throw JSONCursor.Mismatch() }
                catalog = CatalogReference(source: source, title: title)
            } else if key.is("domain") {
                domain = try self.domain(&cursor)
            } else if key.is("cards") {
                var list: [Card] = []
                try cursor.array { cursor throws(JSONCursor.Mismatch) in list.append(try card(&cursor)) }
                cards = list
            } else {
                try cursor.skipValue()
            }
        }
        guard version == Deck.currentSchemaVersion, let catalog, let domain, let cards else {
            throw JSONCursor.Mismatch()
        }
        return Deck(catalog: catalog, domain: domain, cards: cards)
    }

    private mutating func domain(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> DeckDomain {
        var key: String?
        var number: Int?
        var name: String?
        var englishName: String?
        var branch: String?
        var roles: [DeckRole]?
        try cursor.object { cursor, field throws(JSONCursor.Mismatch) in
            if field.is("key") {
                key = try sharedString(&cursor)
            } else if field.is("number") {
                number = try cursor.int()
            } else if field.is("name") {
                name = try cursor.string()
            } else if field.is("englishName") {
                englishName = cursor.null() ? nil : try cursor.string()
            } else if field.is("branch") {
                branch = cursor.null() ? nil : try cursor.string()
            } else if field.is("roles") {
                var list: [DeckRole] = []
                try cursor.array { cursor throws(JSONCursor.Mismatch) in
                    var roleKey: String?
                    var roleName: String?
                    try cursor.object { cursor, field throws(JSONCursor.Mismatch) in
                        if field.is("key") {
                            roleKey = try sharedString(&cursor)
                        } else if field.is("name") {
                            roleName = try cursor.string()
                        } else {
                            try cursor.skipValue()
                        }
                    }
                    guard let roleKey, let roleName else { throw JSONCursor.Mismatch() }
                    list.append(DeckRole(key: RoleKey(rawValue: roleKey), name: roleName))
                }
                roles = list
            } else {
                try cursor.skipValue()
            }
        }
        guard let key, let number, let name, let roles else { throw JSONCursor.Mismatch() }
        return DeckDomain(
            key: DomainKey(rawValue: key), number: number, name: name, englishName: englishName, branch: branch,
            roles: roles)
    }

    private mutating func card(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> Card {
        var id: String?
        var kind: CardKind?
        var domain: String?
        var role: String?
        var prompt: String?
        var context: String?
        var answers: [Answer]?
        var distractors: [String]?
        var selection: Selection?
        var explanation: String?
        var rank: Int?
        var fact: String?
        try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
            if key.is("id") {
                id = try cursor.string()
            } else if key.is("kind") {
                kind = try Self.shared(&kinds, &cursor, CardKind.init(rawValue:))
            } else if key.is("domain") {
                domain = try sharedString(&cursor)
            } else if key.is("role") {
                role = cursor.null() ? nil : try sharedString(&cursor)
            } else if key.is("prompt") {
                prompt = try sharedString(&cursor)
            } else if key.is("context") {
                context = cursor.null() ? nil : try sharedString(&cursor)
            } else if key.is("answers") {
                answers = try self.answers(&cursor)
            } else if key.is("distractors") {
                distractors = cursor.null() ? nil : try strings(&cursor)
            } else if key.is("selection") {
                if !cursor.null() { selection = try Self.shared(&selections, &cursor, Selection.init(rawValue:)) }
            } else if key.is("explanation") {
                explanation = try sharedString(&cursor)
            } else if key.is("rank") {
                rank = cursor.null() ? nil : try cursor.int()
            } else if key.is("fact") {
                fact = cursor.null() ? nil : try cursor.string()
            } else {
                try cursor.skipValue()
            }
        }
        guard let id, let kind, let domain, let prompt, let answers, let explanation else {
            throw JSONCursor.Mismatch()
        }
        return Card(
            id: CardID(rawValue: id), kind: kind, domain: DomainKey(rawValue: domain),
            role: role.map { RoleKey(rawValue: $0) }, prompt: prompt, context: context, answers: answers,
            distractors: distractors, selection: selection, explanation: explanation, rank: rank, fact: fact)
    }

    /// A list of texts (options, spellings), read the first time its bytes are met.
    private mutating func strings(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> [String] {
        let span = try cursor.valueSpan()
        let hash = ByteHash.of(UnsafeBufferPointer(rebasing: cursor.bytes[span]))
        if let known = textLists.value(for: span, hash: hash, in: cursor.bytes) { return known }
        var reader = cursor
        reader.index = span.lowerBound
        var list: [String] = []
        try reader.array { reader throws(JSONCursor.Mismatch) in list.append(try sharedString(&reader)) }
        guard reader.index == span.upperBound else { throw JSONCursor.Mismatch() }
        textLists.insert(list, for: span, hash: hash)
        return list
    }

    /// A card's answers, read the first time their bytes are met.
    private mutating func answers(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> [Answer] {
        let span = try cursor.valueSpan()
        let hash = ByteHash.of(UnsafeBufferPointer(rebasing: cursor.bytes[span]))
        if let known = answerLists.value(for: span, hash: hash, in: cursor.bytes) { return known }
        var reader = cursor
        reader.index = span.lowerBound
        var list: [Answer] = []
        try reader.array { reader throws(JSONCursor.Mismatch) in
            var text: String?
            var aliases: [String] = []
            try reader.object { reader, key throws(JSONCursor.Mismatch) in
                if key.is("text") {
                    text = try sharedString(&reader)
                } else if key.is("aliases") {
                    aliases = reader.null() ? [] : try strings(&reader)
                } else {
                    try reader.skipValue()
                }
            }
            guard let text else { throw JSONCursor.Mismatch() }
            list.append(Answer(text, aliases: aliases))
        }
        guard reader.index == span.upperBound else { throw JSONCursor.Mismatch() }
        answerLists.insert(list, for: span, hash: hash)
        return list
    }
}
