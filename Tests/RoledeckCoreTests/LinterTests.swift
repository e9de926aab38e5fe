import Foundation
import RoledeckCore
import Testing

@Suite("Lint")
struct LinterTests {
    @Test func shippedCatalogIsClean() throws {
        let catalog = try Fixture.shipped()
        #expect(Linter(catalog: catalog).lint(DeckGenerator(catalog: catalog).decks()) == [])
    }

    @Test func secondCatalogWithOtherDomainsAndRolesIsClean() throws {
        let catalog = try Catalog.load(from: Fixture.url("game-jobs.md"))
        #expect(catalog.warnings.isEmpty, "\(catalog.warnings)")
        #expect(catalog.domains.map(\.key.rawValue) == ["game-design", "engineering", "pumjil-bojeung"])
        #expect(catalog.roles.count == 5)
        let decks = DeckGenerator(catalog: catalog).decks()
        #expect(Linter(catalog: catalog).lint(decks) == [])
        let cards = decks.flatMap(\.cards)
        #expect(Set(cards.map(\.kind)) == Set(CardKind.allCases))
        let unity = try #require(cards.first { $0.id.rawValue == "stack-role/unity" })
        #expect(unity.selection == .all)
        #expect(unity.answers.map(\.text) == ["레벨 디자이너", "클라이언트 프로그래머"])
        #expect(!cards.contains { $0.kind == .mindmap && $0.role?.rawValue == "qa-엔지니어" })
    }

    @Test func findsACorrectDistractorAndNamesTheCard() throws {
        let catalog = try Fixture.shipped()
        var decks = DeckGenerator(catalog: catalog).decks()
        let index = try #require(decks[0].cards.firstIndex { $0.id.rawValue == "stack-role/apache-spark" })
        decks[0].cards[index].distractors?.append("데이터 엔지니어")
        let sql = try #require(decks[0].cards.firstIndex { $0.id.rawValue == "stack-role/sql" })
        decks[0].cards[sql].distractors?.append("컴퓨터 사이언티스트")
        let problems = Linter(catalog: catalog).lint(decks)
        #expect(problems.contains { $0.card?.rawValue == "stack-role/apache-spark" && $0.message.contains("both") })
        #expect(problems.contains { $0.card?.rawValue == "stack-role/sql" && $0.message.contains("also lists") })
    }

    @Test func findsDuplicateIdsAndMissingCoverage() throws {
        let catalog = try Fixture.shipped()
        var decks = DeckGenerator(catalog: catalog).decks()
        decks[0].cards.append(decks[0].cards[0])
        decks[1].cards.removeAll { $0.role?.rawValue == "ai-리서처" && $0.kind == .cloze }
        decks[1].cards.removeAll { $0.role?.rawValue == "ai-리서처" && $0.kind == .duties }
        let problems = Linter(catalog: catalog).lint(decks)
        #expect(problems.contains { $0.card == decks[0].cards[0].id && $0.message.contains("more than one") })
        #expect(problems.contains { $0.card == nil && $0.message.contains("'실험 및 연구' of 'AI 리서처'") })
    }

    @Test func findsAWrongTrueFalseAndAWrongOddOneOut() throws {
        let catalog = try Fixture.shipped()
        var decks = DeckGenerator(catalog: catalog).decks()
        let tf = try #require(decks[0].cards.firstIndex { $0.kind == .trueFalse && $0.answers.first?.text == "X" })
        decks[0].cards[tf].answers = [Answer("O")]
        let odd = try #require(decks[0].cards.firstIndex { $0.kind == .oddOneOut })
        decks[0].cards[odd].answers.append(Answer("SQL"))
        let problems = Linter(catalog: catalog).lint(decks)
        #expect(problems.contains { $0.card == decks[0].cards[tf].id && $0.message.contains("marked true") })
        #expect(problems.contains { $0.card == decks[0].cards[odd].id && $0.message.contains("'SQL'") })
    }
}

@Suite("Deck files")
struct DeckFileTests {
    @Test func malformedJSONNamesLineAndColumn() {
        let data = Data("{\n  \"schemaVersion\": 1,\n  oops\n}".utf8)
        #expect {
            try DeckFile.decode(data, path: "Decks/x.json")
        } throws: { error in
            guard case .malformed(let path, let line, _, _) = error as? DeckError else { return false }
            return path == "Decks/x.json" && line == 3
        }
    }

    @Test func newerSchemaIsRefused() {
        let data = Data("{\"schemaVersion\": 99}".utf8)
        #expect(throws: DeckError.newerSchema(path: "x.json", found: 99, supported: Deck.currentSchemaVersion)) {
            try DeckFile.decode(data, path: "x.json")
        }
    }

    @Test func wrongTypeNamesTheField() throws {
        let deck = DeckGenerator(catalog: try Fixture.shipped()).decks()[0]
        var text = String(decoding: DeckFile.encode(deck), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"kind\" : \"role-domain\"", with: "\"kind\" : 7")
        #expect {
            try DeckFile.decode(Data(text.utf8), path: "x.json")
        } throws: { error in
            guard case .wrongShape(_, let field, _) = error as? DeckError else { return false }
            return field == "cards[0].kind"
        }
    }

    @Test func writeLoadAndSkipUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let decks = DeckGenerator(catalog: try Fixture.shipped()).decks()
        for deck in decks { #expect(try DeckFile.write(deck, to: folder)) }
        for deck in decks { #expect(try DeckFile.write(deck, to: folder) == false) }
        #expect(try DeckFile.loadAll(from: folder) == decks)
    }

    @Test func emptyFolderSaysToGenerate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: DeckError.noDecks(path: folder.path)) { try DeckFile.loadAll(from: folder) }
    }
}
