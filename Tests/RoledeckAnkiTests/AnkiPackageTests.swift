import Foundation
import GRDB
import Testing
import ZIPFoundation

@testable import RoledeckAnki
@testable import RoledeckCore

/// The package as files: a zip with the collection and an empty media map; the collection's tables
/// read back through SQLite hold what the core laid out.
@Suite struct AnkiPackageTests {
    static let now = Date(timeIntervalSince1970: 1_773_284_400)

    static func collection() throws -> AnkiCollection {
        let catalog = try CatalogParser.parse(
            """
            # T

            ### 1. 데이터
            - **데이터 엔지니어**
                - 업무: 데이터 파이프라인 구축 및 관리, 대규모 데이터 저장 및 처리
                - 기술 스택: SQL, Python, Apache Spark, Hadoop
            """, source: "t.md")
        let decks = DeckGenerator(catalog: catalog).decks()
        let id = IntroductionOrder.sorted(decks.flatMap(\.cards))[0].id
        var rng = SeededGenerator(seed: 1)
        let after = Scheduler().review(.new(due: now), rating: .good, at: now, rng: &rng).card
        let review = CardReview(at: now, rating: .good, before: .new, stateBefore: nil, after: after, durationMs: 2_500)
        return try AnkiExport.collection(
            decks: decks,
            progress: AnkiExport.Progress(records: [id: CardRecord(card: after, reps: 1)], reviews: [id: [review]]),
            settings: StudySettings(), days: .anki(rolloverHour: 4, timeZone: TimeZone(identifier: "Asia/Seoul")!),
            now: now)
    }

    @Test func theZipHoldsTheCollectionAndAnEmptyMediaMap() throws {
        let collection = try Self.collection()
        let data = try AnkiPackage.data(collection, now: Self.now)
        let archive = try Archive(data: data, accessMode: .read)
        #expect(archive.map(\.path).sorted() == ["collection.anki21", "media"])
        var media = Data()
        _ = try archive.extract(try #require(archive["media"])) { media.append($0) }
        #expect(media == Data("{}".utf8))
        var database = Data()
        _ = try archive.extract(try #require(archive["collection.anki21"])) { database.append($0) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "roledeck-apkg-test-\(UUID().uuidString)")
        try database.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let queue = try DatabaseQueue(path: file.path)
        try queue.read { db in
            let col = try #require(try Row.fetchOne(db, sql: "SELECT ver, crt, conf, models, decks, dconf FROM col"))
            #expect(col["ver"] as Int == 11 && col["crt"] as Int64 == collection.creation)
            let models = try JSONSerialization.jsonObject(with: Data((col["models"] as String).utf8)) as? [String: Any]
            let notetype = models?[String(collection.notetype.id)] as? [String: Any]
            let fields = (notetype?["flds"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(fields == ExportedNote.fieldNames)
            let decks = try JSONSerialization.jsonObject(with: Data((col["decks"] as String).utf8)) as? [String: Any]
            let names = decks?.values.compactMap { ($0 as? [String: Any])?["name"] as? String }.sorted()
            #expect(names == ["AI 직무", "AI 직무::데이터", "Default"])
            let configs = try JSONSerialization.jsonObject(with: Data((col["dconf"] as String).utf8)) as? [String: Any]
            let preset = configs?[String(collection.deckConfig.id)] as? [String: Any]
            #expect((preset?["fsrsParams6"] as? [Double]) == SchedulerParameters.defaultWeights)
            let conf = try JSONSerialization.jsonObject(with: Data((col["conf"] as String).utf8)) as? [String: Any]
            #expect(conf?["rollover"] as? Int == 4 && conf?["creationOffset"] as? Int == -540)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM notes") == collection.notes.count)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM cards") == collection.cards.count)
            let revlog = try Row.fetchAll(db, sql: "SELECT id, ease, time, type FROM revlog")
            #expect(revlog.count == 1 && revlog[0]["time"] as Int == 2_500 && revlog[0]["ease"] as Int == 3)
            let note = try #require(try Row.fetchOne(db, sql: "SELECT flds, sfld, csum, tags FROM notes ORDER BY id"))
            let first = collection.notes[0]
            #expect(note["flds"] as String == first.fields.joined(separator: "\u{1F}"))
            #expect(note["sfld"] as String == first.fields[0])
            #expect(note["tags"] as String == " " + first.tags.joined(separator: " ") + " ")
            #expect(note["csum"] as Int64 == AnkiPackage.checksum(first.fields[0]))
            let card = try #require(try Row.fetchOne(db, sql: "SELECT type, queue, data FROM cards ORDER BY id"))
            #expect(card["type"] as Int == 1 && card["queue"] as Int == 1)
            #expect((card["data"] as String).hasPrefix("{\"pos\":1,\"s\":"))
        }
    }

    @Test func checksumsAreSHA1AsAnkiTakesThem() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(hex(SHA1.digest(long)) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        // Anki's own value for the field 질문 (a note it wrote): the first 32 bits of the SHA-1.
        #expect(AnkiPackage.checksum("질문") == 716_216_039)
        #expect(AnkiPackage.plainText("R&amp;D <b>팀</b>") == "R&D 팀")
    }

    @Test func aPackageIsWrittenWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-apkg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("cards.apkg")
        let collection = try Self.collection()
        try AnkiPackage.write(collection, to: url, replacing: false, now: Self.now)
        #expect(try Data(contentsOf: url) == (try AnkiPackage.data(collection, now: Self.now)))
        #expect(throws: ExportError.fileExists(path: url.path)) {
            try AnkiPackage.write(collection, to: url, replacing: false, now: Self.now)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["cards.apkg"])
    }
}
