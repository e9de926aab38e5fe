import Foundation
import Testing

@testable import RoledeckCore

/// Editing the catalog keeps the learner's history where the fact is the same: exactly which cards
/// keep their ids through a reworded duty, a renamed item, a renamed role, a removed role and an added one.
@Suite struct CatalogEditTests {
    static let before = """
        # 테스트

        ### 1. 데이터
        - **데이터 애널리틱스**
            - 업무: 데이터 수집, 정제, 분석 및 시각화; 비즈니스 인사이트 제공
            - 기술 스택: SQL, Python, R, Tableau, Power BI, Excel
        - **데이터 리서처**
            - 업무: 데이터 기반의 연구, 통계적 분석, 실험 설계 및 평가
            - 기술 스택: Python, R, 통계적 분석 방법, 실험 디자인
        - **데이터 엔지니어**
            - 업무: 데이터 파이프라인 구축 및 관리, 대규모 데이터 저장 및 처리
            - 기술 스택: SQL, Python, Java, Apache Spark, Hadoop, ETL 툴

        ### 2. 머신 러닝
        - **머신 러닝 엔지니어**
            - 업무: 머신 러닝 모델 개발, 훈련, 평가 및 배포
            - 기술 스택: Python, TensorFlow, PyTorch, Scikit-learn, Keras, AWS
        - **AI 리서처**
            - 업무: 새로운 AI 알고리즘 개발, 실험 및 연구
            - 기술 스택: Python, PyTorch, 수학, 통계
        """

    /// A reworded duty (구축 → 설계), a renamed item (ETL 툴 → ETL 도구), a removed role (데이터 리서처),
    /// an added role (LLM 엔지니어) and a renamed role (AI 리서처 → AI 리서쳐).
    static let after =
        before
        .replacingOccurrences(of: "데이터 파이프라인 구축 및 관리", with: "데이터 파이프라인 설계 및 관리")
        .replacingOccurrences(of: "ETL 툴", with: "ETL 도구")
        .replacingOccurrences(
            of: """
                - **데이터 리서처**
                    - 업무: 데이터 기반의 연구, 통계적 분석, 실험 설계 및 평가
                    - 기술 스택: Python, R, 통계적 분석 방법, 실험 디자인

                """, with: ""
        )
        .replacingOccurrences(
            of: "### 2. 머신 러닝\n",
            with: """
                ### 2. 머신 러닝
                - **LLM 엔지니어**
                    - 업무: 대규모 언어 모델 파인튜닝 및 서빙, 프롬프트 평가
                    - 기술 스택: Hugging Face, vLLM, LangChain

                """
        )
        .replacingOccurrences(of: "**AI 리서처**", with: "**AI 리서쳐**")

    static func decks(_ text: String) throws -> [Deck] {
        DeckGenerator(catalog: try parse(text)).decks()
    }

    @Test func exactlyTheHistoriesOfUnchangedRewordedAndRenamedFactsAreKept() throws {
        let old = try Self.decks(Self.before)
        let oldIDs = Set(old.flatMap(\.cards).map(\.id))
        let edit = CatalogEdit(inPlace: old, generated: try Self.decks(Self.after))
        let newIDs = Set(edit.decks.flatMap(\.cards).map(\.id))
        let kept = oldIDs.intersection(newIDs)

        // The reworded duty's and the renamed item's cards keep their ids, with a note saying why.
        let rewordedDuty = "cloze/데이터-엔지니어/데이터-파이프라인-구축-및-관리"
        let renamedItem = "stack-cloze/데이터-엔지니어/etl-툴"
        #expect(kept.contains(CardID(rawValue: rewordedDuty)) && kept.contains(CardID(rawValue: renamedItem)))
        let notes = Dictionary(uniqueKeysWithValues: edit.carried.map { ($0.card.id.rawValue, $0.reasons) })
        #expect(notes[rewordedDuty] == [.reworded(from: "데이터 파이프라인 구축 및 관리", to: "데이터 파이프라인 설계 및 관리")])
        #expect(notes[renamedItem] == [.reworded(from: "ETL 툴", to: "ETL 도구")])
        #expect(
            edit.carried.first { $0.card.id.rawValue == renamedItem }?.wordingID.rawValue
                == "stack-cloze/데이터-엔지니어/etl-도구")
        // The renamed role's cards keep theirs.
        let renamedRole = old.flatMap(\.cards).filter { $0.id.rawValue.contains("ai-리서처") }
        #expect(!renamedRole.isEmpty)
        #expect(renamedRole.allSatisfy { kept.contains($0.id) })
        #expect(notes["duties/ai-리서처"] == [.roleRenamed(from: "AI 리서처", to: "AI 리서쳐")])
        // The removed role's cards leave the decks (their history stays in the log); nothing else does
        // but the cards a catalog edit makes or takes away as a whole (options, true/false by share).
        let removed = Set(edit.removed.map(\.id))
        #expect(removed == oldIDs.subtracting(newIDs))
        let researcher = old.flatMap(\.cards).filter { $0.role?.rawValue == "데이터-리서처" }.map(\.id)
        #expect(!researcher.isEmpty && researcher.allSatisfy(removed.contains))
        // The added role's cards are new, with ids of their own.
        let llm = edit.decks.flatMap(\.cards).filter { $0.role?.rawValue == "llm-엔지니어" }
        #expect(!llm.isEmpty && llm.allSatisfy { card in edit.added.contains { $0.id == card.id } })
        #expect(llm.allSatisfy { !oldIDs.contains($0.id) })
        // Everything the learner could have studied is kept, added or removed: nothing lost unsaid.
        #expect(kept.count + removed.count == oldIDs.count)
        #expect(edit.unchanged + edit.changed.count + edit.carried.count == kept.count)
    }

    @Test func aStatementWhoseFactStandsKeepsItsCardWhenRolesComeAndGo() throws {
        let old = try Self.decks(Self.before)
        var generator = DeckGenerator(catalog: try parse(Self.after))
        generator.earlier = Set(old.flatMap(\.cards).map(\.id))
        let regenerated = Set(generator.decks().flatMap(\.cards).map(\.id))
        // The roles the edit leaves as they were: their statements were picked by the role's place and
        // by how many roles list an item, which the added and removed roles change.
        let untouched = ["데이터-애널리틱스", "데이터-엔지니어", "머신-러닝-엔지니어"]
        let statements = old.flatMap(\.cards).filter { card in
            card.kind == .trueFalse && untouched.contains(card.role?.rawValue ?? "")
        }
        #expect(!statements.isEmpty)
        #expect(statements.allSatisfy { regenerated.contains($0.id) }, "\(statements.map(\.id))")
        // Each kept statement is still true (or still false) of the edited catalog.
        let roles = try parse(Self.after).domains.flatMap(\.roles)
        for statement in statements {
            let role = try #require(roles.first { $0.key == statement.role })
            let item = try #require(statement.id.rawValue.split(separator: "/").last.map(String.init))
            let listed = role.stack.contains { $0.key == item }
            #expect(listed == (statement.answers.first?.text == "O"), "\(statement.id)")
        }
    }

    @Test func onTheShippedCatalogAnAddedAndARemovedRoleTakeNoOtherRolesStatementOrContrast() throws {
        var text = String(decoding: ShippedCatalog.data, as: UTF8.self)
        let start = try #require(text.range(of: "- **데이터 리서처**"))
        let end = try #require(text.range(of: "- **", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<end.lowerBound)
        text = text.replacingOccurrences(
            of: "### 2. 머신 러닝\n",
            with: "### 2. 머신 러닝\n- **LLM 엔지니어**\n    - 업무: 대규모 언어 모델 파인튜닝 및 서빙, 프롬프트 평가\n"
                + "    - 기술 스택: Hugging Face, vLLM, LangChain\n")
        let old = Set(DeckGenerator(catalog: try Fixture.shipped()).decks().flatMap(\.cards).map(\.id))
        var generator = DeckGenerator(catalog: try parse(text, source: "ai-jobs.md"))
        let fresh = Set(generator.decks().flatMap(\.cards).map(\.id))
        generator.earlier = old
        let kept = Set(generator.decks().flatMap(\.cards).map(\.id))
        let others = [
            "true-false/데이터-애널리틱스/tableau", "true-false/데이터-엔지니어/apache-spark",
            "true-false/머신-러닝-엔지니어/sql", "contrast/자연어-처리-엔지니어/컴퓨터-비전-엔지니어/bert",
        ].map { CardID(rawValue: $0) }
        #expect(others.allSatisfy(old.contains))
        // Generated afresh, the edit would take these away although their facts stand; over the decks in place it does not.
        #expect(!others.allSatisfy(fresh.contains))
        #expect(others.allSatisfy(kept.contains))
    }

    @Test func generatingAgainChangesNothing() throws {
        let first = CatalogEdit(inPlace: try Self.decks(Self.before), generated: try Self.decks(Self.after))
        let second = CatalogEdit(inPlace: first.decks, generated: try Self.decks(Self.after))
        #expect(second.isEmpty)
        #expect(second.decks == first.decks)
        #expect(CatalogEdit(inPlace: [], generated: first.decks).added.count == first.decks.flatMap(\.cards).count)
    }

    @Test func aFactThatIsNotTheSameGetsAnIdOfItsOwn() throws {
        // The duty is replaced by another at the same place: not a small edit, so a new card.
        let replaced = Self.before.replacingOccurrences(of: "데이터 파이프라인 구축 및 관리", with: "클라우드 비용 최적화")
        let edit = CatalogEdit(inPlace: try Self.decks(Self.before), generated: try Self.decks(replaced))
        #expect(edit.removed.contains { $0.id.rawValue == "cloze/데이터-엔지니어/데이터-파이프라인-구축-및-관리" })
        #expect(edit.carried.isEmpty)
        // A card in place whose id the new wording gives to another fact keeps its id for its own fact
        // (when it is there), and the other fact gets `~2`: an id never names two facts.
        func card(_ id: String, _ fact: String) -> Card {
            Card(
                id: CardID(rawValue: id), kind: .cloze, domain: DomainKey(rawValue: "d"), role: RoleKey(rawValue: "r"),
                prompt: fact, answers: [Answer("x")], explanation: "e", fact: "r/\(fact)")
        }
        let deck = Deck(
            catalog: CatalogReference(source: "t", title: "t"),
            domain: DeckDomain(key: DomainKey(rawValue: "d"), number: 1, name: "d", roles: []), cards: [])
        var inPlace = deck
        inPlace.cards = [card("cloze/r/a", "d1.1: 완전히 다른 일")]
        var generated = deck
        generated.cards = [card("cloze/r/b", "d1.1: 완전히 다른 일들"), card("cloze/r/a", "d2.1: a")]
        let clash = CatalogEdit(inPlace: [inPlace], generated: [generated])
        #expect(clash.decks[0].cards.map(\.id.rawValue) == ["cloze/r/a", "cloze/r/a~2"])
        #expect(clash.carried.map(\.wordingID.rawValue) == ["cloze/r/b"])
        #expect(clash.added.map(\.id.rawValue) == ["cloze/r/a~2"] && clash.removed.isEmpty)
    }

    @Test func smallEditsAreCountedLikeTypos() {
        #expect(CatalogEdit.isSmallEdit("ETL 툴", "ETL 도구"))
        #expect(CatalogEdit.isSmallEdit("데이터 파이프라인 구축 및 관리", "데이터 파이프라인 설계 및 관리"))
        #expect(CatalogEdit.isSmallEdit("데이터 애널리틱스", "데이터 애널리스트"))
        #expect(!CatalogEdit.isSmallEdit("데이터 시각화", "데이터 정제"))
        #expect(!CatalogEdit.isSmallEdit("PyTorch", "Keras"))
    }

    @Test func factsNameTheRolePlaceAndText() throws {
        let cards = try Self.decks(Self.before).flatMap(\.cards)
        func fact(_ id: String) -> String? { cards.first { $0.id.rawValue == id }?.fact }
        #expect(fact("cloze/데이터-애널리틱스/정제") == "데이터-애널리틱스/d1.2: 정제")
        #expect(fact("stack-cloze/데이터-엔지니어/etl-툴") == "데이터-엔지니어/s6: ETL 툴")
        #expect(fact("duties/데이터-엔지니어") == nil)
        #expect(
            CardFact("데이터-엔지니어/s6: ETL 툴") == CardFact(role: RoleKey(rawValue: "데이터-엔지니어"), place: "s6", text: "ETL 툴"))
    }
}
