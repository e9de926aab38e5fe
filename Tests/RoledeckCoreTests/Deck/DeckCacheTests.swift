import Foundation
import Testing

@testable import RoledeckCore

/// `.deck-cache` holds the decks of a folder in binary: it must give exactly the decks the files give,
/// and only while the files are the ones it was made from.
@Suite struct DeckCacheTests {
    /// A folder with the shipped catalog's decks written as files, and a cache path beside it.
    func folder() throws -> (decks: URL, cache: URL, expected: [Deck]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-deck-cache-\(UUID())")
        let decks = DeckGenerator(catalog: try Fixture.shipped()).decks()
        for deck in decks { try DeckFile.write(deck, to: root.appendingPathComponent("Decks")) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Progress"), withIntermediateDirectories: true)
        return (
            root.appendingPathComponent("Decks"), root.appendingPathComponent("Progress/\(DeckFile.cacheFileName)"),
            try DeckFile.loadAll(from: root.appendingPathComponent("Decks"))
        )
    }

    func stamps(_ folder: URL) throws -> [DeckCache.Stamp] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { try #require(DeckCache.stamp(of: folder.appendingPathComponent($0), name: $0)) }
    }

    @Test func theCacheGivesTheDecksTheFilesGive() throws {
        let (decks, cache, expected) = try folder()
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        #expect(try DeckFile.loadAll(from: decks, cache: cache) == expected)
        let cached = try #require(DeckCache.read(cache, stamps: try stamps(decks)))
        #expect(cached.sorted { $0.domain.number < $1.domain.number } == expected)
        #expect(try DeckFile.loadAll(from: decks, cache: cache) == expected)
        // The stamp of a file read in pieces is the stamp of its bytes in one piece.
        for name in try FileManager.default.contentsOfDirectory(atPath: decks.path) {
            let data = try Data(contentsOf: decks.appendingPathComponent(name))
            #expect(
                DeckCache.stamp(of: decks.appendingPathComponent(name), name: name)
                    == DeckCache.stamp(of: data, name: name))
        }
    }

    /// The cache keeps ids as the files give them after normalising: an id written decomposed (NFD) in a
    /// deck file is NFC from the file and from the cache, with the very same bytes.
    @Test func anIdWrittenDecomposedIsNFCFromTheFileAndFromTheCache() throws {
        let (decks, cache, expected) = try folder()
        let deck = try #require(expected.first { $0.cards.contains { !$0.id.rawValue.allSatisfy(\.isASCII) } })
        let card = try #require(deck.cards.first { !$0.id.rawValue.allSatisfy(\.isASCII) })
        let url = decks.appendingPathComponent(deck.fileName)
        let text = try String(contentsOf: url, encoding: .utf8)
        let decomposed = card.id.rawValue.decomposedStringWithCanonicalMapping
        #expect(Array(decomposed.utf8) != Array(card.id.rawValue.utf8))
        let edited = text.replacingOccurrences(of: "\"\(card.id.rawValue)\"", with: "\"\(decomposed)\"")
        #expect(Array(edited.utf8) != Array(text.utf8))
        try Data(edited.utf8).write(to: url)
        let fromFiles = try DeckFile.loadAll(from: decks, cache: cache)
        let fromCache = try DeckFile.loadAll(from: decks, cache: cache)
        #expect(FileManager.default.fileExists(atPath: cache.path))
        for loaded in [fromFiles, fromCache] {
            let ids = loaded.flatMap(\.cards).map(\.id.rawValue)
            #expect(ids.contains { Array($0.utf8) == Array(card.id.rawValue.utf8) })
            #expect(!ids.contains { Array($0.utf8) == Array(decomposed.utf8) })
        }
        #expect(fromFiles == fromCache)
    }

    @Test func aCacheLeftForLaterIsTheOneLoadAllWrites() throws {
        let (decks, cache, expected) = try folder()
        let loaded = try DeckFile.loadDeferringCache(from: decks, cache: cache)
        #expect(loaded.decks == expected)
        // Nothing is written until asked for.
        let pending = try #require(loaded.pendingCache)
        #expect(!FileManager.default.fileExists(atPath: cache.path))
        // A deck file edited meanwhile does not matter: the cache holds the bytes that were read, so
        // the next load reads the edited file, not the cache.
        let file = decks.appendingPathComponent(try #require(expected.first?.fileName))
        let original = try Data(contentsOf: file)
        try Data(original + Data(" \n".utf8)).write(to: file)
        pending.write()
        let written = try Data(contentsOf: cache)
        let afterEdit = try DeckFile.loadDeferringCache(from: decks, cache: cache)
        #expect(afterEdit.pendingCache != nil)
        #expect(afterEdit.decks == expected)
        try original.write(to: file)
        // Back to the bytes it was made from: the cache is used, and owes nothing.
        let again = try DeckFile.loadDeferringCache(from: decks, cache: cache)
        #expect(again.pendingCache == nil)
        #expect(again.decks == expected)
        // Byte for byte what `loadAll` writes at once.
        try FileManager.default.removeItem(at: cache)
        _ = try DeckFile.loadAll(from: decks, cache: cache)
        #expect(try Data(contentsOf: cache) == written)
    }

    @Test func anOwnDeckAndEveryCardsFactComeBackFromTheCache() throws {
        let (decks, cache, _) = try folder()
        let own = """
            {"schemaVersion": 1, "kind": "own", "name": "내 카드",
             "cards": [{"id": "rag", "prompt": "RAG는 무엇의 줄임말인가요?", "answer": "Retrieval-Augmented Generation"}]}
            """
        try Data(own.utf8).write(to: decks.appendingPathComponent("mine.json"))
        let fromFiles = try DeckFile.loadAll(from: decks, cache: cache)
        let fromCache = try DeckFile.loadAll(from: decks, cache: cache)
        #expect(fromCache == fromFiles)
        #expect(fromCache.last?.isOwn == true && fromCache.last?.fileName == "mine.json")
        #expect(fromCache.last?.domain.number == fromCache.count)
        #expect(fromCache.first?.cards.contains { $0.fact != nil } == true)
    }

    @Test func anEditedDeckFileIsReadAgainEvenAtTheSameSize() throws {
        let (decks, cache, expected) = try folder()
        _ = try DeckFile.loadAll(from: decks, cache: cache)
        let file = decks.appendingPathComponent(expected[0].fileName)
        var deck = expected[0]
        let prompt = deck.cards[0].prompt
        // The same number of bytes: one Hangul syllable for another.
        deck.cards[0].prompt = prompt.replacingOccurrences(of: "는", with: "은")
        #expect(deck.cards[0].prompt != prompt)
        let before = try Data(contentsOf: file)
        try DeckFile.write(deck, to: decks)
        #expect(try Data(contentsOf: file).count == before.count)
        let read = try DeckFile.loadAll(from: decks, cache: cache)
        #expect(read.first { $0.domain.key == deck.domain.key } == deck)
        // A file added or taken away is noticed too.
        try FileManager.default.removeItem(at: file)
        #expect(try DeckFile.loadAll(from: decks, cache: cache).count == expected.count - 1)
    }

    @Test func aDeckFileBrokenAfterTheCacheWasMadeIsAnErrorNotTheCachedDeck() throws {
        let (decks, cache, expected) = try folder()
        _ = try DeckFile.loadAll(from: decks, cache: cache)
        let cached = try Data(contentsOf: cache)
        let file = decks.appendingPathComponent(expected[0].fileName)
        var text = try String(contentsOf: file, encoding: .utf8)
        text.removeLast(2)
        try Data(text.utf8).write(to: file)
        #expect(throws: DeckError.self) { try DeckFile.loadAll(from: decks, cache: cache) }
        // The cache is left as it was: it is written only from decks that were read whole.
        #expect(try Data(contentsOf: cache) == cached)
    }

    @Test func noCacheIsWrittenWhereThereIsNoFolderForIt() throws {
        let (decks, cache, expected) = try folder()
        let missing = cache.deletingLastPathComponent().appendingPathComponent("none/\(DeckFile.cacheFileName)")
        #expect(try DeckFile.loadAll(from: decks, cache: missing) == expected)
        #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        // Nor in place of something that is not a file (a folder by that name is left alone).
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        #expect(try DeckFile.loadAll(from: decks, cache: cache) == expected)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: cache.path, isDirectory: &isFolder) && isFolder.boolValue)
        let progress = cache.deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: progress) == [DeckFile.cacheFileName])
    }

    @Test func aDamagedCacheIsNeverTrustedNorATrap() throws {
        let (decks, cache, expected) = try folder()
        _ = try DeckFile.loadAll(from: decks, cache: cache)
        let stamps = try stamps(decks)
        let base = Array(try Data(contentsOf: cache))
        let header = 8 + 4 + 32
        var rng = SeededGenerator(seed: 21)
        var (refused, read) = (0, 0)
        for round in 0..<400 {
            var bytes = base
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            bytes[at] = [0x00, 0xFF, 0x7F, 0x80, bytes[at] ^ 1][Int.random(in: 0..<5, using: &rng)]
            if bytes == base { continue }
            if round % 2 == 0 {
                // Damage the seal does not see (as if it were sealed again): the range checks alone.
                guard at >= header else { continue }
                let seal = bytes[header...].withUnsafeBytes { ContentHash(of: $0) }.lanes
                for (lane, value) in seal.enumerated() {
                    withUnsafeBytes(of: value.littleEndian) {
                        bytes.replaceSubrange((12 + lane * 8)..<(20 + lane * 8), with: $0)
                    }
                }
                if let decks = bytes.withUnsafeBytes({ DeckCache.decode($0, stamps: stamps) }) {
                    #expect(decks.count == expected.count)
                    read += 1
                } else {
                    refused += 1
                }
            } else {
                // Damage the seal sees: always refused.
                #expect(bytes.withUnsafeBytes { DeckCache.decode($0, stamps: stamps) } == nil)
            }
        }
        #expect(refused > 0 && read > 0)
        // Another folder's stamps, or a truncated file: refused, and the files are read instead.
        var other = stamps
        other[0].size += 1
        #expect(base.withUnsafeBytes { DeckCache.decode($0, stamps: other) } == nil)
        try Data(base.prefix(base.count / 2)).write(to: cache)
        #expect(try DeckFile.loadAll(from: decks, cache: cache) == expected)
        #expect(DeckCache.read(cache, stamps: stamps) != nil)
    }
}
