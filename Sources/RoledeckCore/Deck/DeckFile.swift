import Foundation

/// The deck JSON format: encoding and decoding, separate from reading and writing files.
public enum DeckFile {
    /// The name of the binary copy of the decks `loadAll(from:cache:)` keeps (in the progress folder).
    public static let cacheFileName = DeckCache.fileName

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

    /// Reads every `*.json` deck in a folder (several at once: a large collection is tens of megabytes
    /// of JSON): the catalog's decks in domain order, then the learner's own decks (`OwnDeckFile`) in
    /// file-name order, numbered after them; the first file in name order that cannot be read is the error.
    ///
    /// With a `cache` file (in the progress folder), the decks come from the binary copy kept there
    /// when it holds exactly what the files hold now (`DeckCache`); otherwise they are decoded from
    /// their JSON and the copy is written again.
    public static func loadAll(from directory: URL, cache: URL? = nil) throws(DeckError) -> [Deck] {
        let loaded = try loadDeferringCache(from: directory, cache: cache)
        loaded.pendingCache?.write()
        return loaded.decks
    }

    /// The decks `loadAll` reads, without writing the cache yet: when they were decoded from their
    /// JSON, `pendingCache` writes it (whenever suits: a study session shows its first card first).
    /// It holds the very decks and file stamps just read, so it is right whenever it is written.
    public static func loadDeferringCache(from directory: URL, cache: URL?) throws(DeckError) -> (
        decks: [Deck], pendingCache: PendingDeckCache?
    ) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(path: directory.path, reason: "폴더가 없습니다")
        }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else { throw .noDecks(path: directory.path) }
        let urls = files.map { directory.appendingPathComponent($0) }
        if let cache {
            let stamps = SideBySide.map(files.count) { DeckCache.stamp(of: urls[$0], name: files[$0]) }.compactMap {
                $0
            }
            if stamps.count == files.count, let decks = DeckCache.read(cache, stamps: stamps) {
                return (try arrange(decks, in: directory), nil)
            }
        }
        let results = SideBySide.map(files.count) { index in
            Result { () throws(DeckError) in try load(from: urls[index], name: files[index]) }
        }
        var decks: [Deck] = []
        var stamps: [DeckCache.Stamp] = []
        for result in results {
            let (deck, stamp) = try result.get()
            decks.append(deck)
            stamps.append(stamp)
        }
        let arranged = try arrange(decks, in: directory)
        return (arranged, cache.map { PendingDeckCache(decks: decks, stamps: stamps, url: $0) })
    }

    /// The catalog's decks in domain order, then the own decks in file-name order, numbered after them;
    /// an own deck with a catalog deck's key is refused.
    private static func arrange(_ decks: [Deck], in directory: URL) throws(DeckError) -> [Deck] {
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

    /// The deck in one file.
    public static func load(from url: URL) throws(DeckError) -> Deck {
        try load(from: url, name: url.lastPathComponent).deck
    }

    /// The deck in one file, and the stamp of the very bytes it was read from.
    private static func load(from url: URL, name: String) throws(DeckError) -> (deck: Deck, stamp: DeckCache.Stamp) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return (try decode(data, path: url.path), DeckCache.stamp(of: data, name: name))
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

/// The deck cache owed after decks were decoded from their JSON (`DeckFile.loadDeferringCache`).
public struct PendingDeckCache: Sendable {
    let decks: [Deck]
    let stamps: [DeckCache.Stamp]
    let url: URL

    /// Writes the cache: best effort, through a temporary file and a rename (a kill leaves none).
    public func write() {
        DeckCache.write(decks, stamps: stamps, to: url)
    }
}
