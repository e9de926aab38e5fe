import Foundation
import Testing

@testable import RoledeckCore

/// `lint` holds the learner's own cards to the rules that apply to cards written by hand.
@Suite struct OwnDeckLintTests {
    @Test func eachRuleNamesTheFileLineAndCard() throws {
        let text = """
            {"schemaVersion": 1, "kind": "own", "cards": [
              {"id": "ok", "prompt": "RAG는 무엇의 줄임말인가요?", "answer": "Retrieval-Augmented Generation"},
              {"id": "shown", "prompt": "Pinecone은 벡터 DB인가요? 답: Pinecone", "answer": "Pinecone"},
              {"id": "both", "prompt": "벡터 DB는?", "answer": "Pinecone", "options": ["Redis", "pinecone"]},
              {"id": "long", "prompt": "도구 넷은?", "answers": ["MLflow", "Airflow", "Kafka", "Spark"]},
              {"id": "role", "prompt": "요리사의 도구는?", "answer": "칼", "role": "요리사"},
              {"id": "again", "prompt": "RAG는 무엇의 줄임말인가요?", "answer": "검색 증강 생성"},
              {"id": "particle", "prompt": "Spark을 쓰는 직무는?", "answer": "데이터 엔지니어"}
            ]}
            """
        let data = Data(text.utf8)
        let deck = try DeckFile.decode(data, path: "mine.json")
        let catalog = try parse(
            "# T\n\n### 1. 데이터\n- **데이터 엔지니어**\n    - 업무: 데이터 파이프라인 구축\n    - 기술 스택: SQL, Spark\n")
        let problems = OwnDeckLint(catalog: catalog).lint([deck], lines: ["mine.json": OwnDeckFile.cardLines(data)])
        #expect(
            problems.map(\.description) == [
                "mine.json:3: own/mine/shown: 질문에 답이 보입니다: 'Pinecone'.",
                "mine.json:4: own/mine/both: 틀린 보기에 정답이 있습니다: 'pinecone'.",
                "mine.json:5: own/mine/long: 답이 4개입니다; 한 번에 3개까지가 기억하기 좋으니 카드를 나누세요.",
                "mine.json:6: own/mine/role: 카탈로그에 없는 직무입니다: '요리사'.",
                "mine.json:7: own/mine/again: 같은 것을 묻는 카드가 있습니다: own/mine/ok.",
                "mine.json:8: own/mine/particle: 조사가 맞지 않습니다: 'Spark을' → 'Spark를'.",
            ])
    }

    @Test func cardLinesFollowTheCardsList() {
        let data = Data(
            "{\n \"name\": \"[x]\",\n \"cards\": [\n  {\"id\": \"a\",\n \"x\": {\"y\": 1}},\n\n  {\"id\": \"b\"}\n ]\n}"
                .utf8)
        #expect(OwnDeckFile.cardLines(data) == [4, 7])
    }
}
