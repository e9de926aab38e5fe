import Foundation

/// The quick reader of a deck file, over `JSONCursor`: 100,000 cards (70 MB of JSON) in a fraction of
/// what `JSONDecoder` takes.
///
/// It gives exactly what `Deck`'s `Decodable` gives for the same bytes (`DeckDecodingTests` holds it
/// to that for every shipped deck), and throws `Mismatch` for anything it is not sure of — a missing
/// field, a wrong type, another version — so `DeckFile.decode` reads those bytes the thorough way,
/// whose errors name the line and field. Texts that cards repeat (domains, roles, options, answers,
/// the explanations and prompts of cards about the same item) are kept once per file.
struct DeckDecoding {
    private var shared: [WholeText: String] = [:]

    /// A text as a dictionary key hashed on all its bytes (explanations share long beginnings and
    /// endings, which `UTF8Key`'s quick hash of the ends would not tell apart).
    private struct WholeText: Hashable {
        let text: String

        static func == (lhs: WholeText, rhs: WholeText) -> Bool { UTF8Key.same(lhs.text, rhs.text) }

        func hash(into hasher: inout Hasher) {
            let done: Void? = text.utf8.withContiguousStorageIfAvailable {
                hasher.combine(bytes: UnsafeRawBufferPointer($0))
            }
            if done == nil { for byte in text.utf8 { hasher.combine(byte) } }
        }
    }

    /// The deck in `data`.
    static func deck(_ data: Data) throws(JSONCursor.Mismatch) -> Deck {
        var reader = DeckDecoding()
        let result: Result<Deck, JSONCursor.Mismatch> = data.withUnsafeBytes { raw in
            var cursor = JSONCursor(raw.bindMemory(to: UInt8.self))
            do throws(JSONCursor.Mismatch) {
                let deck = try reader.deck(&cursor)
                guard cursor.atEnd else { throw JSONCursor.Mismatch() }
                return .success(deck)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// A text that other cards may repeat, kept once.
    private mutating func sharedString(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> String {
        let text = try cursor.string()
        guard text.utf8.count <= 512 else { return text }
        let key = WholeText(text: text)
        if let known = shared[key] { return known }
        shared[key] = text
        return text
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
                guard let value = CardKind(rawValue: try cursor.string()) else { throw JSONCursor.Mismatch() }
                kind = value
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
                if !cursor.null() {
                    guard let value = Selection(rawValue: try cursor.string()) else { throw JSONCursor.Mismatch() }
                    selection = value
                }
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

    private mutating func strings(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> [String] {
        var list: [String] = []
        try cursor.array { cursor throws(JSONCursor.Mismatch) in list.append(try sharedString(&cursor)) }
        return list
    }

    private mutating func answers(_ cursor: inout JSONCursor) throws(JSONCursor.Mismatch) -> [Answer] {
        var list: [Answer] = []
        try cursor.array { cursor throws(JSONCursor.Mismatch) in
            var text: String?
            var aliases: [String] = []
            try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
                if key.is("text") {
                    text = try sharedString(&cursor)
                } else if key.is("aliases") {
                    aliases = cursor.null() ? [] : try strings(&cursor)
                } else {
                    try cursor.skipValue()
                }
            }
            guard let text else { throw JSONCursor.Mismatch() }
            list.append(Answer(text, aliases: aliases))
        }
        return list
    }
}
