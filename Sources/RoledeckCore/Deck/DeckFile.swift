import Foundation

/// The deck JSON format: encoding and decoding, separate from reading and writing files.
public enum DeckFile {
    /// The deck as pretty-printed JSON with sorted keys, so the same deck always gives the same bytes.
    public static func encode(_ deck: Deck) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let data = (try? encoder.encode(deck)) ?? Data()
        return data + Data("\n".utf8)
    }

    /// Decodes a deck; `path` names the file in errors, which give the line and column of bad JSON.
    ///
    /// Well-formed decks go through the quick reader (`DeckDecoding`); anything it is not sure of is
    /// read again by `JSONSerialization` and `JSONDecoder`, whose errors say where and what.
    public static func decode(_ data: Data, path: String) throws(DeckError) -> Deck {
        if let deck = try? DeckDecoding.deck(data) { return deck }
        if OwnDeckFile.isOwnDeck(data) { return try OwnDeckFile.decode(data, path: path) }
        do {
            _ = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column, reason) = JSONErrorLocation.locate(error, in: data)
            throw .malformed(path: path, line: line, column: column, reason: reason)
        }
        struct Version: Decodable { var schemaVersion: Int }
        if let version = try? JSONDecoder().decode(Version.self, from: data),
            version.schemaVersion > Deck.currentSchemaVersion
        {
            throw .newerSchema(path: path, found: version.schemaVersion, supported: Deck.currentSchemaVersion)
        }
        do {
            return try JSONDecoder().decode(Deck.self, from: data)
        } catch let error as DecodingError {
            let (field, reason) = JSONErrorLocation.describe(error)
            throw .wrongShape(path: path, field: field, reason: reason)
        } catch {
            throw .wrongShape(path: path, field: "(root)", reason: error.localizedDescription)
        }
    }

    /// Reads every `*.json` deck in a folder: the catalog's decks in domain order, then the learner's
    /// own decks (`OwnDeckFile`) in file-name order, numbered after them.
    public static func loadAll(from directory: URL) throws(DeckError) -> [Deck] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(path: directory.path, reason: "폴더가 없습니다")
        }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else { throw .noDecks(path: directory.path) }
        var decks: [Deck] = []
        for file in files {
            let url = directory.appendingPathComponent(file)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
            }
            decks.append(try decode(data, path: url.path))
        }
        var ordered = decks.filter { !$0.isOwn }.sorted { $0.domain.number < $1.domain.number }
        var number = ordered.map(\.domain.number).max() ?? 0
        for var own in decks where own.isOwn {
            if ordered.contains(where: { $0.domain.key == own.domain.key }) {
                throw .duplicateDeck(
                    path: directory.appendingPathComponent(own.fileName).path, key: own.domain.key.rawValue)
            }
            number += 1
            own.domain.number = number
            ordered.append(own)
        }
        return ordered
    }

    /// Writes a deck to `<directory>/<key>.json` through a temporary file and a rename.
    /// Returns whether the bytes on disk changed.
    @discardableResult
    public static func write(_ deck: Deck, to directory: URL) throws(DeckError) -> Bool {
        let url = directory.appendingPathComponent(deck.fileName)
        let data = encode(deck)
        if let existing = try? Data(contentsOf: url) {
            if existing == data { return false }
            if OwnDeckFile.isOwnDeck(existing) { throw .wouldOverwriteOwnDeck(path: url.path) }
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw .unwritable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return true
    }
}
