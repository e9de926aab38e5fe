import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The decks of a folder in binary, kept in the progress folder as `.deck-cache`, so a large
/// collection starts without decoding tens of megabytes of JSON: derived, never the only copy of
/// anything, rebuilt whenever in doubt.
///
/// It is used only when it provably holds what the deck files hold now: it names each file it was
/// made from with its size and a hash of all its bytes (`ContentHash`, read a megabyte at a time:
/// a fraction of the cost of decoding them), and every one must agree; a hash of the cache's own
/// bytes must agree too, and every value in it is range-checked. Texts the cards repeat are stored
/// once and referred to by number.
enum DeckCache {
    /// The cache file's name inside the progress folder.
    static let fileName = ".deck-cache"

    static let magic: UInt64 = 0x5244_4445_434B_5331  // "RDDECKS1"
    /// Raised whenever what a deck file decodes to changes (new fields, other validation or
    /// normalisation), so a cache made by an older roledeck is never read as this one's.
    static let version: Int32 = 2
    /// The bytes of a card: eight numbers of 4 bytes, three of 1, and the rank's 8.
    private static let cardSize = 9 * 4 + 3 + 8

    /// A deck file as it was when its deck was read: its name, size and the hash of all its bytes.
    struct Stamp: Equatable, Sendable {
        var name: String
        var size: Int
        var hash: ContentHash
    }

    /// The stamp of the file at `url` (named `name` in the folder), read a megabyte at a time; nil
    /// when it cannot be read.
    static func stamp(of url: URL, name: String) -> Stamp? {
        guard let fd = try? DurableFile.open(url.path, flags: O_RDONLY) else { return nil }
        defer { close(fd) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 8)
        defer { buffer.deallocate() }
        var hash = ContentHash()
        var size = 0
        while true {
            let count = pread(fd, buffer.baseAddress, buffer.count, off_t(size))
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            hash.add(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            size += count
        }
        hash.finish()
        return Stamp(name: name, size: size, hash: hash)
    }

    /// The stamp of a file whose bytes are `data`.
    static func stamp(of data: Data, name: String) -> Stamp {
        Stamp(name: name, size: data.count, hash: data.withUnsafeBytes { ContentHash(of: $0) })
    }

    /// The decks (one per stamp, in their order) the cache at `url` holds, if it was made from files
    /// with exactly these stamps and is whole; nil otherwise.
    static func read(_ url: URL, stamps: [Stamp]) -> [Deck]? {
        guard let data = try? Data(contentsOf: url, options: .uncached) else { return nil }
        return data.withUnsafeBytes { decode($0, stamps: stamps) }
    }

    /// Writes the cache of `decks`, read from files with these `stamps`: best effort and without
    /// fsync, since a cache lost in a crash is made again.
    static func write(_ decks: [Deck], stamps: [Stamp], to url: URL) {
        // The pieces go to the file as they are: joining them would hold the cache twice over.
        let pieces = encodedPieces(decks, stamps: stamps)
        let temp = url.deletingLastPathComponent().appendingPathComponent("\(fileName).tmp-\(getpid())")
        guard let fd = try? DurableFile.open(temp.path, flags: O_WRONLY | O_CREAT | O_TRUNC) else { return }
        let written = Result { () throws(StoreError) in
            for piece in pieces { try DurableFile.writeAll(fd, piece, path: temp.path) }
        }
        close(fd)
        guard case .success = written, rename(temp.path, url.path) == 0 else {
            unlink(temp.path)
            return
        }
    }

    // MARK: - The bytes

    /// The cache's bytes.
    static func encode(_ decks: [Deck], stamps: [Stamp]) -> [UInt8] {
        encodedPieces(decks, stamps: stamps).reduce(into: []) { $0 += $1 }
    }

    /// The cache's bytes in the pieces they are made in: the header (with the hash of the rest), the
    /// stamps and tables, and the decks.
    static func encodedPieces(_ decks: [Deck], stamps: [Stamp]) -> [[UInt8]] {
        // Each part is made in a buffer of its final size: grown by doubling, the old and the new
        // buffer of a large collection would be held at once, and its first card is already on screen.
        var table = Table()
        let decksSize = 4 + decks.reduce(0) { $0 + 52 + $1.domain.roles.count * 8 + $1.cards.count * cardSize }
        var decksPart = BinaryWriter(capacity: decksSize)
        decksPart.i32(Int32(decks.count))
        for deck in decks { table.write(deck, to: &decksPart) }
        let stampsSize = stamps.reduce(4) { $0 + 4 + $1.name.utf8.count + 8 + 32 }
        var body = BinaryWriter(capacity: stampsSize + table.byteCount)
        body.i32(Int32(stamps.count))
        for stamp in stamps {
            body.string(stamp.name)
            body.i64(Int64(stamp.size))
            for lane in stamp.hash.lanes { body.u64(lane) }
        }
        table.writeTables(to: &body)
        var hash = ContentHash()
        body.bytes.withUnsafeBytes { hash.add($0) }
        decksPart.bytes.withUnsafeBytes { hash.add($0) }
        hash.finish()
        var out = BinaryWriter(capacity: 64)
        out.u64(magic)
        out.i32(version)
        for lane in hash.lanes { out.u64(lane) }
        return [out.drain(), body.drain(), decksPart.drain()]
    }

    /// The decks in `bytes`, if they are a whole cache of this version made from files with these `stamps`.
    static func decode(_ bytes: UnsafeRawBufferPointer, stamps: [Stamp]) -> [Deck]? {
        var input = BinaryReader(bytes)
        do throws(BinaryReader.Invalid) {
            guard try input.u64() == magic, try input.i32() == version else { return nil }
            var sealed: [UInt64] = []
            for _ in 0..<4 { sealed.append(try input.u64()) }
            let headerSize = 8 + 4 + 32
            guard bytes.count >= headerSize,
                ContentHash(of: UnsafeRawBufferPointer(rebasing: bytes[headerSize...])).lanes == sealed
            else { return nil }
            guard try input.count(minimumSize: 44) == stamps.count else { return nil }
            for stamp in stamps {
                let name = try input.string()
                let size = try input.i64()
                var lanes: [UInt64] = []
                for _ in 0..<4 { lanes.append(try input.u64()) }
                guard name == stamp.name, size == Int64(stamp.size), lanes == stamp.hash.lanes else { return nil }
            }
            let texts = try readTexts(&input)
            func text(_ index: Int32) throws(BinaryReader.Invalid) -> String {
                guard index >= 0, Int(index) < texts.count else { throw BinaryReader.Invalid() }
                return texts[Int(index)]
            }
            func optionalText(_ index: Int32) throws(BinaryReader.Invalid) -> String? {
                index == -1 ? nil : try text(index)
            }
            var lists: [[String]] = []
            for _ in 0..<(try input.count(minimumSize: 4)) {
                var list: [String] = []
                for _ in 0..<(try input.count(minimumSize: 4)) { list.append(try text(try input.i32())) }
                lists.append(list)
            }
            func optionalList(_ index: Int32) throws(BinaryReader.Invalid) -> [String]? {
                guard index != -1 else { return nil }
                guard index >= 0, Int(index) < lists.count else { throw BinaryReader.Invalid() }
                return lists[Int(index)]
            }
            var answerLists: [[Answer]] = []
            for _ in 0..<(try input.count(minimumSize: 4)) {
                var list: [Answer] = []
                for _ in 0..<(try input.count(minimumSize: 8)) {
                    let answer = try text(try input.i32())
                    list.append(Answer(answer, aliases: try optionalList(try input.i32()) ?? []))
                }
                answerLists.append(list)
            }
            guard try input.count(minimumSize: 44) == stamps.count else { return nil }
            var decks: [Deck] = []
            for _ in stamps {
                guard try input.i32() == Int32(Deck.currentSchemaVersion) else { return nil }
                let catalog = CatalogReference(source: try text(try input.i32()), title: try text(try input.i32()))
                let key = DomainKey(rawValue: try text(try input.i32()))
                let number = try input.i64()
                let name = try text(try input.i32())
                let englishName = try optionalText(try input.i32())
                let branch = try optionalText(try input.i32())
                var roles: [DeckRole] = []
                for _ in 0..<(try input.count(minimumSize: 8)) {
                    roles.append(
                        DeckRole(key: RoleKey(rawValue: try text(try input.i32())), name: try text(try input.i32())))
                }
                guard let domainNumber = Int(exactly: number) else { throw BinaryReader.Invalid() }
                let domain = DeckDomain(
                    key: key, number: domainNumber, name: name, englishName: englishName, branch: branch, roles: roles)
                let cardCount = try input.count(minimumSize: cardSize)
                var cards: [Card] = []
                cards.reserveCapacity(cardCount)
                for _ in 0..<cardCount {
                    // Written from card ids, which are NFC, and sealed by the content hash checked above.
                    let id = CardID(normalized: try text(try input.i32()))
                    let kindCode = Int(try input.u8())
                    guard kindCode < CardKind.allCases.count else { throw BinaryReader.Invalid() }
                    let cardDomain = DomainKey(rawValue: try text(try input.i32()))
                    let role = try optionalText(try input.i32()).map { RoleKey(rawValue: $0) }
                    let prompt = try text(try input.i32())
                    let context = try optionalText(try input.i32())
                    let answersIndex = try input.i32()
                    guard answersIndex >= 0, Int(answersIndex) < answerLists.count else { throw BinaryReader.Invalid() }
                    let distractors = try optionalList(try input.i32())
                    let selection: Selection?
                    switch try input.u8() {
                    case 0: selection = nil
                    case 1: selection = .one
                    case 2: selection = .all
                    default: throw BinaryReader.Invalid()
                    }
                    let explanation = try text(try input.i32())
                    let hasRank = try input.u8()
                    let rank = try input.i64()
                    guard hasRank <= 1, let rankValue = Int(exactly: rank) else { throw BinaryReader.Invalid() }
                    let fact = try optionalText(try input.i32())
                    cards.append(
                        Card(
                            id: id, kind: CardKind.allCases[kindCode], domain: cardDomain, role: role, prompt: prompt,
                            context: context, answers: answerLists[Int(answersIndex)], distractors: distractors,
                            selection: selection, explanation: explanation, rank: hasRank == 1 ? rankValue : nil,
                            fact: fact))
                }
                var deck = Deck(catalog: catalog, domain: domain, cards: cards)
                deck.ownFile = try optionalText(try input.i32())
                decks.append(deck)
            }
            guard input.atEnd else { return nil }
            return decks
        } catch {
            return nil
        }
    }

    private static func readTexts(_ input: inout BinaryReader) throws(BinaryReader.Invalid) -> [String] {
        let count = try input.count(minimumSize: 4)
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count { texts.append(try input.string()) }
        return texts
    }

    /// Texts and lists of texts numbered as they are first met, each kept once (told apart by their bytes).
    private struct Table {
        var texts: [String] = []
        var textNumbers: [BytesKey: Int32] = [:]
        var lists: [[Int32]] = []
        var listNumbers: [[Int32]: Int32] = [:]
        var answerLists: [[Int32]] = []
        var answerListNumbers: [[Int32]: Int32] = [:]

        mutating func number(_ text: String) -> Int32 {
            let key = BytesKey(text)
            if let known = textNumbers[key] { return known }
            let assigned = Int32(texts.count)
            texts.append(text)
            textNumbers[key] = assigned
            return assigned
        }

        mutating func number(_ list: [String]?) -> Int32 {
            guard let list else { return -1 }
            let numbers = list.map { number($0) }
            if let known = listNumbers[numbers] { return known }
            let assigned = Int32(lists.count)
            lists.append(numbers)
            listNumbers[numbers] = assigned
            return assigned
        }

        mutating func number(_ answers: [Answer]) -> Int32 {
            var flat: [Int32] = []
            for answer in answers {
                flat.append(number(answer.text))
                flat.append(answer.aliases.isEmpty ? -1 : number(answer.aliases))
            }
            if let known = answerListNumbers[flat] { return known }
            let assigned = Int32(answerLists.count)
            answerLists.append(flat)
            answerListNumbers[flat] = assigned
            return assigned
        }

        mutating func write(_ deck: Deck, to out: inout BinaryWriter) {
            out.i32(Int32(deck.schemaVersion))
            out.i32(number(deck.catalog.source))
            out.i32(number(deck.catalog.title))
            let domain = deck.domain
            out.i32(number(domain.key.rawValue))
            out.i64(Int64(domain.number))
            out.i32(number(domain.name))
            out.i32(domain.englishName.map { number($0) } ?? -1)
            out.i32(domain.branch.map { number($0) } ?? -1)
            out.i32(Int32(domain.roles.count))
            for role in domain.roles {
                out.i32(number(role.key.rawValue))
                out.i32(number(role.name))
            }
            out.i32(Int32(deck.cards.count))
            for card in deck.cards {
                out.i32(number(card.id.rawValue))
                out.u8(UInt8(CardKind.allCases.firstIndex(of: card.kind) ?? 0))
                out.i32(number(card.domain.rawValue))
                out.i32(card.role.map { number($0.rawValue) } ?? -1)
                out.i32(number(card.prompt))
                out.i32(card.context.map { number($0) } ?? -1)
                out.i32(number(card.answers))
                out.i32(number(card.distractors))
                switch card.selection {
                case nil: out.u8(0)
                case .one?: out.u8(1)
                case .all?: out.u8(2)
                }
                out.i32(number(card.explanation))
                out.u8(card.rank == nil ? 0 : 1)
                out.i64(Int64(card.rank ?? 0))
                out.i32(card.fact.map { number($0) } ?? -1)
            }
            out.i32(deck.ownFile.map { number($0) } ?? -1)
        }

        /// How many bytes `writeTables` writes.
        var byteCount: Int {
            12 + texts.reduce(0) { $0 + 4 + $1.utf8.count } + lists.reduce(0) { $0 + 4 + 4 * $1.count }
                + answerLists.reduce(0) { $0 + 4 + 4 * $1.count }
        }

        func writeTables(to out: inout BinaryWriter) {
            out.i32(Int32(texts.count))
            for text in texts { out.string(text) }
            out.i32(Int32(lists.count))
            for list in lists {
                out.i32(Int32(list.count))
                for number in list { out.i32(number) }
            }
            out.i32(Int32(answerLists.count))
            for list in answerLists {
                out.i32(Int32(list.count / 2))
                for number in list { out.i32(number) }
            }
        }
    }

    /// A text as a dictionary key told apart by all its bytes (not by Unicode equivalence).
    private struct BytesKey: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (lhs: BytesKey, rhs: BytesKey) -> Bool { UTF8Key.same(lhs.text, rhs.text) }

        func hash(into hasher: inout Hasher) {
            var text = text
            let hash = text.withUTF8 { ByteHash.of($0) }
            hasher.combine(hash)
        }
    }
}
