import Foundation
import Testing

/// A learner's own deck in `Decks/`, used through the binary: studied, counted, linted, never overwritten.
@Suite("Your own decks", .serialized)
struct OwnDeckTests {
    static let deck = """
        {
          "schemaVersion": 1,
          "kind": "own",
          "name": "내 카드",
          "cards": [
            { "id": "rag", "prompt": "RAG는 무엇의 줄임말인가요?", "answer": "Retrieval-Augmented Generation" },
            { "id": "bert", "prompt": "BERT는 인코더만 쓴다.", "answer": "O" }
          ]
        }
        """

    static func folder() throws -> URL {
        let folder = try Binary.temporaryFolder()
        #expect(try Binary.run(["generate", "--out", "Decks"], in: folder).status == 0)
        try Data(deck.utf8).write(to: folder.appendingPathComponent("Decks/mine.json"))
        return folder
    }

    @Test func anOwnDeckIsStudiedCountedAndLeftAloneByGenerate() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decks = try Binary.run(["decks"], in: folder)
        #expect(decks.stdout.contains("10. 내 카드") && decks.stdout.contains("mine.json"))
        let study = try Binary.run(
            ["study", "내 카드", "--now", "2026-03-02T09:00"], in: folder,
            input: Data("Retrieval-Augmented Generation\n\nO\n\n".utf8))
        #expect(study.status == 0, "\(study.stderr)")
        #expect(study.stdout.contains("[1/2] 내 카드 · 내 카드 (입력)\nRAG는 무엇의 줄임말인가요?"))
        #expect(study.stdout.contains("[2/2] 내 카드 · 내 카드 (O/X)"))
        let stats = try Binary.run(["stats", "--domain", "mine", "--json", "--now", "2026-03-02T09:30"], in: folder)
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any]
        let domain = (json?["domains"] as? [[String: Any]])?.first
        #expect(domain?["name"] as? String == "내 카드" && domain?["cards"] as? Int == 2 && domain?["seen"] as? Int == 2)
        let lint = try Binary.run(["lint"], in: folder)
        #expect(lint.status == 0 && lint.stdout.contains("(직접 만든 덱 1개 포함): 문제가 없습니다"))
        let generate = try Binary.run(["generate"], in: folder)
        #expect(generate.status == 0)
        #expect(generate.stdout.contains("참고: \(folder.path)/Decks/mine.json은 직접 만든 덱이라 그대로 둡니다."))
        #expect(try String(contentsOf: folder.appendingPathComponent("Decks/mine.json"), encoding: .utf8) == Self.deck)
    }

    @Test func mistakesAreNamedByFileAndLine() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("Decks/mine.json")
        try Data(
            Self.deck.replacingOccurrences(
                of: "\"answer\": \"O\"", with: "\"answer\": \"맞다\", \"type\": \"true-false\""
            ).utf8
        )
        .write(to: path)
        let broken = try Binary.run(["cards"], in: folder)
        #expect(broken.status == 1)
        #expect(broken.stderr == "roledeck: error: \(path.path):7: O/X 카드의 답은 O 또는 X입니다 (카드 bert).\n")
        let lintBroken = try Binary.run(["lint"], in: folder)
        #expect(lintBroken.status == 1 && lintBroken.stderr.contains("mine.json:7:"))
        try Data(Self.deck.replacingOccurrences(of: "RAG는 무엇의", with: "Retrieval-Augmented Generation은 무엇의").utf8)
            .write(to: path)
        let lint = try Binary.run(["lint"], in: folder)
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("\(path.path):6: own/mine/rag: 질문에 답이 보입니다: 'Retrieval-Augmented Generation'.\n"))
        // A deck of the learner's with a catalog deck's name is never written over.
        try Data(Self.deck.utf8).write(to: folder.appendingPathComponent("Decks/data.json"))
        let generate = try Binary.run(["generate"], in: folder)
        #expect(generate.status == 1)
        #expect(generate.stderr.contains("data.json: 직접 만든 덱(\"kind\": \"own\")이라 덮어쓰지 않습니다"))
        #expect(try String(contentsOf: folder.appendingPathComponent("Decks/data.json"), encoding: .utf8) == Self.deck)
    }
}
