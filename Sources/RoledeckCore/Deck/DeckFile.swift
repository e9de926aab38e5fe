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

    /// Reads every `*.json` deck in a folder, in file-name order (several at once: a large collection
    /// is tens of megabytes of JSON); the first file in that order that cannot be read is the error.
    public static func loadAll(from directory: URL) throws(DeckError) -> [Deck] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadable(path: directory.path, reason: "no such folder")
        }
        let files = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else { throw .noDecks(path: directory.path) }
        let results = DeckResults(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let url = directory.appendingPathComponent(files[index])
            results.set(index, Result { () throws(DeckError) in try load(from: url) })
        }
        var decks: [Deck] = []
        for (file, result) in zip(files, results.all) {
            guard let result else {
                throw .unreadable(path: directory.appendingPathComponent(file).path, reason: "not read")
            }
            decks.append(try result.get())
        }
        return decks.sorted { $0.domain.number < $1.domain.number }
    }

    /// The deck in one file.
    public static func load(from url: URL) throws(DeckError) -> Deck {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try decode(data, path: url.path)
    }

    /// Each file's deck or error, filled in by the threads that read them.
    private final class DeckResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<Deck, DeckError>?]

        init(count: Int) {
            results = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ result: Result<Deck, DeckError>) {
            lock.lock()
            results[index] = result
            lock.unlock()
        }

        var all: [Result<Deck, DeckError>?] {
            lock.lock()
            defer { lock.unlock() }
            return results
        }
    }

    /// Writes a deck to `<directory>/<key>.json` through a temporary file and a rename.
    /// Returns whether the bytes on disk changed.
    @discardableResult
    public static func write(_ deck: Deck, to directory: URL) throws(DeckError) -> Bool {
        let url = directory.appendingPathComponent(deck.fileName)
        let data = encode(deck)
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw .unwritable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return true
    }
}
