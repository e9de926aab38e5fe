import Foundation
import Testing

/// `roledeck cards` and `cards show`, run as a learner runs them, after a short review.
@Suite("roledeck cards", .serialized)
struct CardsCommandTests {
    static let now = "2026-03-02T09:00"
    static let later = "2026-03-02T09:30"

    /// A folder with the generated decks and two cards answered (Good, then Again).
    static func studied() throws -> URL {
        let folder = try Binary.temporaryFolder()
        let generated = try Binary.run(["generate", "--out", "Decks"], in: folder)
        #expect(generated.status == 0)
        let review = try Binary.run(["review", "--now", now], in: folder, input: Data("?\n3\n?\n1\n".utf8))
        #expect(review.status == 0, "\(review.stderr)")
        return folder
    }

    @Test func listingFiltersAndShowsOneCardWithItsHistory() throws {
        let folder = try Self.studied()
        defer { try? FileManager.default.removeItem(at: folder) }
        let learning = try Binary.run(["cards", "--state", "learning", "--now", Self.later], in: folder)
        #expect(learning.status == 0, "\(learning.stderr)")
        let lines = learning.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "카드 2장 (전체 214장 중)")
        #expect(lines.count == 4 && lines.dropFirst(2).allSatisfy { $0.hasPrefix("학습 중  지금 ") })
        let id = try #require(lines.last?.split(separator: " ").first { $0.contains("/") }.map(String.init))
        let shown = try Binary.run(["cards", "show", id, "--now", Self.later], in: folder)
        #expect(shown.status == 0)
        #expect(shown.stdout.hasPrefix(id + "\n"))
        #expect(shown.stdout.contains("복습 기록 1번:\n  2026-03-02 09:00 · 새 카드 · 1 다시 · "))
        let json = try Binary.run(["cards", "show", id, "--json", "--now", Self.later], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["state"] as? String == "learning")
        #expect((object?["reviews"] as? [[String: Any]])?.first?["rating"] as? Int == 1)
        let search = try Binary.run(
            ["cards", "--role", "데이터 엔지니어", "--kind", "cloze", "--search", "파이프라인", "--json"], in: folder)
        let found = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]]
        #expect(!(found ?? []).isEmpty)
        #expect(
            (found ?? []).allSatisfy {
                $0["kind"] as? String == "cloze" && $0["roleName"] as? String == "데이터 엔지니어"
                    && (($0["context"] as? String ?? "") + "\(($0["answers"] as? [String]) ?? [])").contains("파이프라인")
            })
    }

    @Test func badNamesAreErrorsThatSayWhatExists() throws {
        let folder = try Binary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try Binary.run(["cards", "--state", "finished"], in: folder)
        #expect(state.status == 1)
        #expect(state.stderr.hasPrefix("roledeck: error: --state 'finished': 그런 상태는 없습니다; 상태: new(새 카드), "))
        let kind = try Binary.run(["cards", "--kind", "clozes"], in: folder)
        #expect(kind.stderr == "roledeck: error: --kind 'clozes': 그런 카드 종류는 없습니다; 혹시 'cloze'?\n")
        let domain = try Binary.run(["cards", "--domain", "요리"], in: folder)
        #expect(domain.status == 1 && domain.stderr.hasPrefix("roledeck: error: --domain: '요리'라는 분야가 없습니다."))
        let role = try Binary.run(["cards", "--role", "데이터 엔지니아"], in: folder)
        #expect(role.stderr == "roledeck: error: --role: '데이터 엔지니아'라는 직무가 없습니다. 혹시 '데이터 엔지니어'?\n")
        let card = try Binary.run(["cards", "show", "no/such/card"], in: folder)
        #expect(card.status == 1 && card.stderr.hasPrefix("roledeck: error: 'no/such/card': 그런 id의 카드가 덱에 없습니다"))
    }
}
