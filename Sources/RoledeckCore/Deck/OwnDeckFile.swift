import Foundation

/// A learner's own deck: a JSON file in the decks folder with `"kind": "own"`, in a short format
/// made to be written by hand (docs/decks.md), read into a `Deck` so it is studied, counted in the
/// statistics and checked by `lint` like the generated ones. roledeck never writes it.
///
/// ```json
/// { "schemaVersion": 1, "kind": "own", "name": "내 카드",
///   "cards": [ { "id": "rag", "prompt": "RAG는 무엇의 줄임말인가요?", "answer": "Retrieval-Augmented Generation" } ] }
/// ```
///
/// A card's id is `own/<deck key>/<its id>`: the learner's own key, never its wording, so rewording a
/// card keeps its history. Errors name the file and the line of the card.
public enum OwnDeckFile {
    /// The value of the top-level `kind` that marks an own deck.
    public static let marker = "own"
    /// The types a card may give, and the kind each makes.
    public static let types: [String: CardKind] = [
        "typed": .ownTyped, "list": .ownList, "choice": .ownChoice, "true-false": .ownTrueFalse,
        "flashcard": .ownFlashcard,
    ]
    static let cardKeys: Set<String> = [
        "id", "type", "prompt", "context", "answer", "answers", "aliases", "options", "selection", "explanation",
        "role",
    ]
    static let deckKeys: Set<String> = ["schemaVersion", "kind", "key", "name", "cards"]

    /// True when `data` is a JSON object whose `kind` is `own`.
    public static func isOwnDeck(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["kind"] as? String == marker
    }

    /// The deck in `data`, read from the file at `path`; its key is `key`, else the file's name
    /// without `.json`. Its domain number is 0 until `DeckFile.loadAll` places it after the catalog's.
    public static func decode(_ data: Data, path: String) throws(DeckError) -> Deck {
        let fileName = URL(fileURLWithPath: path).lastPathComponent
        let object: [String: Any]
        do {
            guard let top = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw DeckError.ownDeck(path: path, line: 1, reason: "덱은 JSON 객체({ … })여야 합니다.")
            }
            object = top
        } catch let error as DeckError {
            throw error
        } catch {
            let (line, column, reason) = JSONErrorLocation.locate(error, in: data)
            throw .malformed(path: path, line: line, column: column, reason: reason)
        }
        func fail(_ line: Int, _ reason: String) -> DeckError { .ownDeck(path: path, line: line, reason: reason) }
        guard let version = object["schemaVersion"] as? Int else {
            throw fail(1, "\"schemaVersion\": 1이 없습니다.")
        }
        guard version <= Deck.currentSchemaVersion else {
            throw .newerSchema(path: path, found: version, supported: Deck.currentSchemaVersion)
        }
        if let unknown = Set(object.keys).subtracting(deckKeys).sorted().first {
            throw fail(1, "덱에 없는 필드입니다: '\(unknown)' (필드: \(deckKeys.sorted().joined(separator: ", "))).")
        }
        let stem = fileName.hasSuffix(".json") ? String(fileName.dropLast(5)) : fileName
        let key = Slug.key((object["key"] as? String) ?? stem)
        guard !key.isEmpty else { throw fail(1, "\"key\": 비어 있습니다.") }
        let name = ((object["name"] as? String) ?? stem).nfc
        guard let list = object["cards"] as? [Any] else { throw fail(1, "\"cards\": [ … ] 목록이 없습니다.") }
        let lines = cardLines(data)
        var cards: [Card] = []
        var roles: [DeckRole] = []
        var seen: [CardID: Int] = [:]
        for (index, element) in list.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            guard let fields = element as? [String: Any] else { throw fail(line, "카드는 JSON 객체여야 합니다.") }
            let card = try self.card(fields, deck: key, fileName: fileName, line: line, fail: fail)
            if let first = seen[card.id] {
                throw fail(line, "\(first)행의 카드가 같은 id를 씁니다: '\(card.id.rawValue)'.")
            }
            seen[card.id] = line
            if let role = card.role, let roleName = fields["role"] as? String,
                !roles.contains(where: { $0.key == role })
            {
                roles.append(DeckRole(key: role, name: roleName.nfc))
            }
            cards.append(card)
        }
        var deck = Deck(
            catalog: CatalogReference(source: fileName, title: name),
            domain: DeckDomain(key: DomainKey(rawValue: key), number: 0, name: name, roles: roles), cards: cards)
        deck.ownFile = fileName
        return deck
    }

    /// One card; `fail` makes the error for a line.
    static func card(
        _ fields: [String: Any], deck: String, fileName: String, line: Int, fail: (Int, String) -> DeckError
    ) throws(DeckError) -> Card {
        if let unknown = Set(fields.keys).subtracting(cardKeys).sorted().first {
            throw fail(line, "카드에 없는 필드입니다: '\(unknown)' (필드: \(cardKeys.sorted().joined(separator: ", "))).")
        }
        func text(_ key: String) throws(DeckError) -> String? {
            guard let value = fields[key] else { return nil }
            guard let string = value as? String else { throw fail(line, "\"\(key)\": 문자열이어야 합니다.") }
            let trimmed = string.nfc.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw fail(line, "\"\(key)\": 비어 있습니다.") }
            return trimmed
        }
        func texts(_ key: String) throws(DeckError) -> [String]? {
            guard let value = fields[key] else { return nil }
            guard let list = value as? [String] else { throw fail(line, "\"\(key)\": 문자열 목록이어야 합니다.") }
            let trimmed = list.map { $0.nfc.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard !trimmed.isEmpty else { throw fail(line, "\"\(key)\": 비어 있습니다.") }
            return trimmed
        }
        guard let id = try text("id") else { throw fail(line, "카드에 \"id\"가 없습니다 (복습 기록이 id에 묶입니다).") }
        let key = Slug.key(id)
        guard !key.isEmpty else { throw fail(line, "id에 글자나 숫자가 없습니다: '\(id)'.") }
        guard let prompt = try text("prompt") else { throw fail(line, "\"prompt\"가 없습니다 (카드 \(id)).") }
        let single = try text("answer")
        let many = try texts("answers")
        if single != nil && many != nil { throw fail(line, "\"answer\"와 \"answers\" 중 하나만 쓰세요 (카드 \(id)).") }
        guard let answerTexts = many ?? single.map({ [$0] }) else {
            throw fail(line, "\"answer\"(또는 \"answers\")가 없습니다 (카드 \(id)).")
        }
        let aliases = try texts("aliases") ?? []
        if !aliases.isEmpty && answerTexts.count > 1 {
            throw fail(line, "\"aliases\"는 답이 하나인 카드에만 씁니다.")
        }
        let options = try texts("options")
        let kind: CardKind
        if let type = try text("type") {
            guard let named = types[type] else {
                throw fail(line, "없는 type입니다: '\(type)' (type: \(types.keys.sorted().joined(separator: ", "))).")
            }
            kind = named
        } else if options != nil {
            kind = .ownChoice
        } else if answerTexts.count == 1, TrueFalse(rawValue: answerTexts[0].uppercased()) != nil {
            kind = .ownTrueFalse
        } else {
            kind = answerTexts.count > 1 ? .ownList : .ownTyped
        }
        var answers = answerTexts.map { Answer($0) }
        if answers.count == 1 { answers[0] = Answer(answerTexts[0], aliases: aliases) }
        var selection: Selection?
        switch kind {
        case .ownChoice:
            guard options != nil else { throw fail(line, "객관식 카드에 \"options\"(틀린 보기)가 없습니다 (카드 \(id)).") }
            if let named = try text("selection") {
                guard let value = Selection(rawValue: named) else {
                    throw fail(line, "\"selection\"은 one 또는 all입니다.")
                }
                selection = value
            } else {
                selection = answers.count > 1 ? .all : .one
            }
        case .ownTrueFalse:
            guard answers.count == 1, let truth = TrueFalse(rawValue: answers[0].text.uppercased()) else {
                throw fail(line, "O/X 카드의 답은 O 또는 X입니다 (카드 \(id)).")
            }
            answers = [truth.answer]
        default:
            if options != nil { throw fail(line, "\"options\"는 객관식(\"type\": \"choice\") 카드에만 씁니다.") }
        }
        return Card(
            id: CardID(rawValue: "own/\(deck)/\(key)"), kind: kind, domain: DomainKey(rawValue: deck),
            role: try text("role").map { RoleKey(rawValue: Slug.key($0)) }, prompt: prompt,
            context: try text("context"),
            answers: answers, distractors: kind == .ownChoice ? options : nil, selection: selection,
            explanation: try text("explanation") ?? "\(fileName) \(line)행 (직접 만든 카드)")
    }

    /// The line each card object of the top-level `cards` list starts on, in order.
    public static func cardLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var cardsDepth: Int?
        var lastKey = ""
        var key = ""
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    lastKey = key
                } else {
                    key.unicodeScalars.append(Unicode.Scalar(byte))
                }
                if byte == 0x0A { line += 1 }
                continue
            }
            switch byte {
            case 0x0A: line += 1
            case UInt8(ascii: "\""):
                inString = true
                key = ""
            case UInt8(ascii: "["):
                depth += 1
                if depth == 2 && lastKey == "cards" { cardsDepth = depth }
            case UInt8(ascii: "{"):
                depth += 1
                if let cardsDepth, depth == cardsDepth + 1 { lines.append(line) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == cardsDepth { cardsDepth = nil }
                depth -= 1
            default: break
            }
        }
        return lines
    }
}
