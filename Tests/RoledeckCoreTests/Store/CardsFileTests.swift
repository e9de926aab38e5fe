import Foundation
import Testing

@testable import RoledeckCore

@Suite struct CardsFileTests {
    @Test func roundTripKeepsEveryField() throws {
        var record = StoreFixtures.record(reps: 3, lapses: 1)
        record.suspended = true
        record.buriedUntil = StoreFixtures.now.addingTimeInterval(86_400)
        record.leech = true
        let cards: [CardID: CardRecord] = ["role-domain/백엔드": record, "duties/sre": StoreFixtures.record()]
        let data = CardsFile.encode(cards)
        #expect(try CardsFile.decode(data) == cards)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"schemaVersion\" : 1"))
        #expect(text.contains("\"buriedUntil\" : \"2023-11-15T22:13:20+00:00\""))
        // Sorted keys: "cards" before "schemaVersion", and card ids in order.
        let cardsIndex = try #require(text.range(of: "\"cards\""))
        let versionIndex = try #require(text.range(of: "\"schemaVersion\""))
        #expect(cardsIndex.lowerBound < versionIndex.lowerBound)
        let duties = try #require(text.range(of: "duties/sre"))
        let roleDomain = try #require(text.range(of: "role-domain/백엔드"))
        #expect(duties.lowerBound < roleDomain.lowerBound)
        #expect(text.hasSuffix("}\n"))
    }

    @Test func versionZeroMigrates() throws {
        let old = """
            {
              "cards": [
                {"id": "stack/ml", "lapses": 2, "reps": 5, "suspended": true,
                 "card": {"state": "review", "stability": 3.5, "difficulty": 6.25,
                          "due": "2023-11-20T00:00:00+00:00", "lastReview": "2023-11-14T00:00:00+00:00"}}
              ]
            }
            """
        let cards = try CardsFile.decode(Data(old.utf8))
        let record = try #require(cards["stack/ml"])
        #expect(record.lapses == 2 && record.reps == 5 && record.suspended && !record.leech)
        #expect(record.buriedUntil == nil)
        #expect(record.card.state == .review && record.card.stability == 3.5)
    }

    @Test func versionZeroFileIsRewrittenAsVersionOneOnSave() throws {
        let folder = StoreFixtures.folder()
        let old = CardsFile.DocumentV0(cards: [
            .init(id: "x", card: StoreFixtures.record().card, lapses: 0, reps: 1, suspended: false, buriedUntil: nil)
        ])
        try StoreJSON.encode(old, pretty: true).write(to: folder.appendingPathComponent("cards.json"))
        let store = try ProgressStore.open(folder: folder)
        let cards = try store.loadCards()
        #expect(cards.keys.sorted() == ["x"])
        try store.saveCards(cards)
        let data = try #require(StoreFixtures.bytes(store.cardsURL))
        #expect(try CardsFile.schemaVersion(of: data) == 1)
        #expect(try store.loadCards() == cards)
    }

    @Test func newerVersionIsRefusedAndLeftUntouched() throws {
        let folder = StoreFixtures.folder()
        let url = folder.appendingPathComponent("cards.json")
        try StoreFixtures.write("{\"schemaVersion\": 2, \"cards\": {}, \"decks\": []}\n", to: url)
        let before = StoreFixtures.bytes(url)
        #expect(throws: StoreError.newerSchema(file: url.path, found: 2, supported: 1)) {
            try ProgressStore.open(folder: folder)
        }
        let readOnly = ProgressStore.openReadOnly(folder: folder)
        #expect(throws: StoreError.newerSchema(file: url.path, found: 2, supported: 1)) {
            try readOnly.loadCards()
        }
        #expect(StoreFixtures.bytes(url) == before)
    }

    @Test func notJSONNamesFileLineAndColumn() throws {
        let text = "{\n  \"schemaVersion\": 1,\n  \"cards\": x\n}\n"
        let error = try #require(throws: StoreError.self) {
            try CardsFile.decode(Data(text.utf8), source: "P/cards.json")
        }
        guard case .damaged(let file, let position, _, _) = error else {
            Issue.record("expected damaged, got \(error)")
            return
        }
        #expect(file == "P/cards.json")
        #expect(position == FilePosition(line: 3, column: 12))
        #expect(
            error.localizedDescription.hasPrefix(
                "P/cards.json:3:12: 읽을 수 없습니다 (올바른 JSON이 아님). 파일은 그대로 두었고, `roledeck doctor`"))
    }

    @Test func truncatedFileNamesFileAndEndPosition() throws {
        let full = CardsFile.encode(["x": StoreFixtures.record()])
        let cut = full.prefix(full.count / 2)
        let error = try #require(throws: StoreError.self) { try CardsFile.decode(Data(cut), source: "cards.json") }
        guard case .damaged(let file, let position, _, _) = error else {
            Issue.record("expected damaged, got \(error)")
            return
        }
        #expect(file == "cards.json")
        let lines = String(decoding: cut, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(position?.line == lines.count)
    }

    @Test func wrongTypeNamesFieldPath() throws {
        let text = """
            {"schemaVersion": 1, "cards": {"x": {"card": {"state": "review", "due": "2023-11-20T00:00:00+00:00"},
             "lapses": "two", "reps": 1, "suspended": false, "leech": false}}}
            """
        let error = try #require(throws: StoreError.self) {
            try CardsFile.decode(Data(text.utf8), source: "cards.json")
        }
        guard case .damaged(let file, _, let field, let reason) = error else {
            Issue.record("expected damaged, got \(error)")
            return
        }
        #expect(file == "cards.json")
        #expect(field == "cards.x.lapses")
        #expect(reason == "수이어야 함")
    }

    @Test func badDateNamesFieldPath() throws {
        let text = """
            {"schemaVersion": 1, "cards": {"x": {"card": {"state": "review", "due": "soon"},
             "lapses": 0, "reps": 1, "suspended": false, "leech": false}}}
            """
        let error = try #require(throws: StoreError.self) {
            try CardsFile.decode(Data(text.utf8), source: "cards.json")
        }
        guard case .damaged(_, _, let field, _) = error else {
            Issue.record("expected damaged, got \(error)")
            return
        }
        #expect(field == "cards.x.card.due")
    }

    @Test func aFileOfANewerVersionIsNeverReplaced() throws {
        let folder = StoreFixtures.folder()
        let url = folder.appendingPathComponent("cards.json")
        try StoreFixtures.write("{\"schemaVersion\": 9, \"cards\": {}}", to: url)
        #expect(throws: StoreError.newerSchema(file: url.path, found: 9, supported: 1)) {
            try ProgressStore.open(folder: folder)
        }
        #expect(StoreFixtures.bytes(url) == Data("{\"schemaVersion\": 9, \"cards\": {}}".utf8))
    }

    @Test func filePositionCountsCharactersNotBytes() {
        let bytes = Array("ab\n가나x".utf8)
        #expect(FilePosition(offset: bytes.count - 1, in: bytes) == FilePosition(line: 2, column: 3))
        #expect(FilePosition(offset: 0, in: bytes) == FilePosition(line: 1, column: 1))
    }
}
