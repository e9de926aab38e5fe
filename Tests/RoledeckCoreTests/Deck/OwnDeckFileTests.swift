import Foundation
import Testing

@testable import RoledeckCore

/// A learner's own deck (`"kind": "own"`): read into cards of the own kinds, errors at the card's line.
@Suite struct OwnDeckFileTests {
    static let text = """
        {
          "schemaVersion": 1,
          "kind": "own",
          "name": "내 카드",
          "cards": [
            { "id": "RAG", "prompt": "RAG는 무엇의 줄임말인가요?", "answer": "Retrieval-Augmented Generation",
              "aliases": ["검색 증강 생성"] },
            { "id": "vector-db", "prompt": "벡터 검색에 특화된 데이터베이스는?", "answer": "Pinecone",
              "options": ["PostgreSQL", "Redis", "Kafka"] },
            { "id": "bert", "prompt": "BERT는 인코더만 쓴다.", "answer": "o" },
            { "id": "mlops-tools", "prompt": "실험 추적 도구 두 가지는?", "answers": ["MLflow", "Weights & Biases"],
              "role": "MLOps 엔지니어" },
            { "id": "attention", "type": "flashcard", "prompt": "어텐션을 설명해 보세요.", "answer": "가중치로 집중하기",
              "explanation": "논문 Attention Is All You Need" }
          ]
        }
        """

    static func decode(_ text: String, file: String = "mine.json") throws(DeckError) -> Deck {
        try DeckFile.decode(Data(text.utf8), path: "/decks/\(file)")
    }

    @Test func cardsTakeTheirKindFromWhatTheyGive() throws {
        let deck = try Self.decode(Self.text)
        #expect(deck.isOwn && deck.fileName == "mine.json" && deck.domain.key.rawValue == "mine")
        #expect(deck.domain.name == "내 카드")
        #expect(deck.domain.roles == [DeckRole(key: RoleKey(rawValue: "mlops-엔지니어"), name: "MLOps 엔지니어")])
        #expect(
            deck.cards.map(\.id.rawValue) == [
                "own/mine/rag", "own/mine/vector-db", "own/mine/bert", "own/mine/mlops-tools", "own/mine/attention",
            ])
        #expect(deck.cards.map(\.kind) == [.ownTyped, .ownChoice, .ownTrueFalse, .ownList, .ownFlashcard])
        #expect(deck.cards[0].answers == [Answer("Retrieval-Augmented Generation", aliases: ["검색 증강 생성"])])
        #expect(deck.cards[0].explanation == "mine.json 6행 (직접 만든 카드)")
        #expect(deck.cards[1].distractors == ["PostgreSQL", "Redis", "Kafka"] && deck.cards[1].selection == .one)
        #expect(deck.cards[2].answers == [TrueFalse.true.answer])
        #expect(deck.cards[3].role == RoleKey(rawValue: "mlops-엔지니어"))
        #expect(deck.cards[4].explanation == "논문 Attention Is All You Need")
        #expect(deck.cards.allSatisfy { $0.rank == nil && $0.fact == nil })
        // A key of its own keeps the ids when the file is renamed.
        let renamed = try Self.decode(
            Self.text.replacingOccurrences(of: "\"kind\": \"own\",", with: "\"kind\": \"own\", \"key\": \"mine\","),
            file: "cards-2027.json")
        #expect(renamed.cards.map(\.id) == deck.cards.map(\.id))
    }

    @Test func textIsNFC() throws {
        let decomposed = "데이터".decomposedStringWithCanonicalMapping
        let deck = try Self.decode(
            """
            {"schemaVersion": 1, "kind": "own", "cards": [{"id": "x", "prompt": "\(decomposed)?", "answer": "\(decomposed)"}]}
            """)
        #expect(deck.cards[0].prompt.unicodeScalars.elementsEqual("데이터?".unicodeScalars))
        #expect(deck.cards[0].answers[0].text.unicodeScalars.elementsEqual("데이터".unicodeScalars))
    }

    @Test(arguments: [
        (#"{"id": "a", "prompt": "p"}"#, "\"answer\"(또는 \"answers\")가 없습니다 (카드 a)."),
        (#"{"prompt": "p", "answer": "x"}"#, "카드에 \"id\"가 없습니다 (복습 기록이 id에 묶입니다)."),
        (
            #"{"id": "a", "prompt": "p", "answer": "x", "type": "essay"}"#,
            "없는 type입니다: 'essay' (type: choice, flashcard, list, true-false, typed)."
        ),
        (
            #"{"id": "a", "prompt": "p", "answer": "x", "options": ["y"], "type": "typed"}"#,
            "\"options\"는 객관식(\"type\": \"choice\") 카드에만 씁니다."
        ),
        (#"{"id": "a", "prompt": "p", "answer": "yes", "type": "true-false"}"#, "O/X 카드의 답은 O 또는 X입니다 (카드 a)."),
        (
            #"{"id": "a", "prompt": "p", "answer": "x", "hint": "y"}"#,
            "카드에 없는 필드입니다: 'hint' (필드: aliases, answer, answers, context, explanation, id, options, prompt, role, selection, type)."
        ),
        (#"{"id": "a", "prompt": "", "answer": "x"}"#, "\"prompt\": 비어 있습니다."),
        (#"{"id": "a", "prompt": "p", "answers": "x"}"#, "\"answers\": 문자열 목록이어야 합니다."),
    ])
    func aBadCardIsAnErrorAtItsLine(card: String, reason: String) {
        let text = "{\n  \"schemaVersion\": 1, \"kind\": \"own\",\n  \"cards\": [\n    \(card)\n  ]\n}"
        #expect(throws: DeckError.ownDeck(path: "/decks/mine.json", line: 4, reason: reason)) {
            try Self.decode(text)
        }
    }

    @Test func aRepeatedIdNamesTheFirstCard() {
        let text = """
            {"schemaVersion": 1, "kind": "own", "cards": [
              {"id": "rag", "prompt": "a", "answer": "b"},
              {"id": "RAG", "prompt": "c", "answer": "d"}
            ]}
            """
        #expect(
            throws: DeckError.ownDeck(path: "/decks/mine.json", line: 3, reason: "2행의 카드가 같은 id를 씁니다: 'own/mine/rag'.")
        ) {
            try Self.decode(text)
        }
    }

    @Test func brokenJSONGivesTheLineAndColumn() {
        do {
            _ = try Self.decode("{\"schemaVersion\": 1, \"kind\": \"own\",\n \"cards\": [ {\"id\": \"a\" ")
            Issue.record("broken JSON was read")
        } catch {
            guard case .malformed(let path, let line, _, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(path == "/decks/mine.json" && line == 2)
        }
    }

    @Test func ownDecksComeAfterTheCatalogsAndAreNeverOverwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-own-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = try parse(
            "# T\n\n### 1. 데이터\n- **데이터 엔지니어**\n    - 업무: 데이터 파이프라인 구축\n    - 기술 스택: SQL, Python\n")
        let generated = DeckGenerator(catalog: catalog).decks()
        for deck in generated { try DeckFile.write(deck, to: folder) }
        try Data(Self.text.utf8).write(to: folder.appendingPathComponent("a-mine.json"))
        let decks = try DeckFile.loadAll(from: folder)
        #expect(decks.map(\.fileName) == [generated[0].fileName, "a-mine.json"])
        #expect(decks.map(\.domain.number) == [1, 2])
        // A generated deck never replaces a deck the learner wrote.
        let ownPath = folder.appendingPathComponent(generated[0].fileName)
        try Data(Self.text.utf8).write(to: ownPath)
        #expect(throws: DeckError.wouldOverwriteOwnDeck(path: ownPath.path)) {
            try DeckFile.write(generated[0], to: folder)
        }
        #expect(try Data(contentsOf: ownPath) == Data(Self.text.utf8))
        // Two decks with one key cannot both be studied.
        try DeckFile.write(generated[0], to: folder.appendingPathComponent("again"))
        let keyed = Self.text.replacingOccurrences(
            of: "\"kind\": \"own\",", with: "\"kind\": \"own\", \"key\": \"\(generated[0].domain.key.rawValue)\",")
        try Data(keyed.utf8).write(to: folder.appendingPathComponent("again/z.json"))
        #expect(
            throws: DeckError.duplicateDeck(
                path: folder.appendingPathComponent("again/z.json").path, key: generated[0].domain.key.rawValue)
        ) { try DeckFile.loadAll(from: folder.appendingPathComponent("again")) }
    }
}
