import Foundation
import RoledeckCore
import Testing

/// `roledeck stats` run as a user runs it, on the built-in decks.
@Suite("roledeck stats", .serialized)
struct StatsCommandTests {
    @Test func anEmptyProgressFolderGetsAFriendlyMessage() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["stats", "--progress", "P", "--now", "2026-03-10T10:00"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.contains("아직 공부한 카드가 없습니다"))
        let cards = DeckGenerator(catalog: try Catalog.shipped()).decks().reduce(0) { $0 + $1.cards.count }
        #expect(result.stdout.contains("새 카드 \(cards)장"))
        // A progress folder that is not there is named, so a mistyped --progress is seen.
        #expect(result.stderr == "roledeck: 진행 기록 폴더가 아직 없습니다: \(folder.path)/P\n")
        #expect(!result.stdout.contains("\u{1B}["))  // not a terminal: no colour
    }

    @Test func jsonHasTheDocumentedTopLevelKeys() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("P")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let id = CardID(rawValue: "duties/데이터-애널리틱스")
        let now = try #require(ISOTimestamp.parse("2026-03-10T01:00:00Z"))
        let after = FSRSCard(state: .review, stability: 30, difficulty: 5, due: now, lastReview: now)
        var log = ReviewLogFile.encodeLine(.review(cardID: id, at: now, rating: .good, before: nil, after: after))
        log.append(Data("{not json\n".utf8))
        try log.write(to: progress.appendingPathComponent("reviews.jsonl"))
        try CardsFile.encode([id: CardRecord(card: after, reps: 1)]).write(
            to: progress.appendingPathComponent("cards.json"))
        let result = try Binary.run(
            ["stats", "--progress", "P", "--now", "2026-03-10T01:00:00Z", "--json", "--domain", "data"], in: folder)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect((json["scope"] as? [String: Any])?["domain"] as? String == "data")
        #expect((json["day"] as? [String: Any])?["reviews"] as? Int == 1)
        #expect((json["catalog"] as? [String: Any])?["seen"] as? Int == 1)
        // The damaged line is skipped and said on standard error.
        #expect(result.stderr.contains("warning:") && result.stderr.contains("reviews.jsonl:2"))
    }

    @Test func mermaidPrintsTheMindmap() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["stats", "--progress", "P", "--mermaid"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("mindmap\n"))
        #expect(result.stdout.contains("root((AI JOB 0%))"))
    }

    @Test func anUnknownDomainOrRoleIsAClearErrorWithASuggestion() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let domain = try Binary.run(["stats", "--progress", "P", "--domain", "MLOp"], in: folder)
        #expect(domain.status == 1)
        #expect(domain.stderr == "roledeck: error: 'MLOp'이라는 분야가 없습니다. 혹시 'MLOps'?\n")
        let role = try Binary.run(["stats", "--progress", "P", "--role", "데이터 엔지니오"], in: folder)
        #expect(role.status == 1)
        #expect(role.stderr == "roledeck: error: '데이터 엔지니오'라는 직무가 없습니다. 혹시 '데이터 엔지니어'?\n")
        let both = try Binary.run(["stats", "--json", "--mermaid"], in: folder)
        #expect(both.status == 64)
    }
}
