import Foundation
import RoledeckCore
import Testing

@Suite("Deck generator")
struct DeckGeneratorTests {
    let catalog: Catalog
    let decks: [Deck]
    let cards: [Card]

    init() throws {
        catalog = try Fixture.shipped()
        decks = DeckGenerator(catalog: catalog).decks()
        cards = decks.flatMap(\.cards)
    }

    func card(_ id: String) throws -> Card {
        try #require(cards.first { $0.id.rawValue == id }, "no card \(id)")
    }

    @Test func oneDeckPerDomainWithEveryKind() {
        #expect(
            decks.map(\.fileName) == [
                "data.json", "ml.json", "sw-dev.json", "ai-theory.json", "cloud-infra.json", "mlops.json",
                "automl.json",
                "prompt.json", "computer-science.json",
            ])
        #expect(Set(cards.map(\.kind)) == Set(CardKind.allCases))
        #expect(decks.allSatisfy { deck in deck.cards.allSatisfy { $0.domain == deck.domain.key } })
    }

    @Test func roleToDuties() throws {
        let card = try card("duties/데이터-애널리틱스")
        #expect(card.kind.format == .flashcard)
        #expect(card.prompt == "데이터 애널리틱스는 어떤 업무를 맡나요? (4가지)")
        #expect(card.answers.map(\.text) == ["데이터 수집", "정제", "분석 및 시각화", "비즈니스 인사이트 제공"])
        #expect(card.explanation.contains("ai-jobs.md 36행"))
    }

    @Test func roleToStackAcceptsAliases() throws {
        let card = try card("stack/로보틱스-엔지니어")
        #expect(card.kind.format == .typedMany)
        #expect(card.prompt == "로보틱스 엔지니어의 기술 스택을 모두 적어 보세요. (4개, 쉼표로 구분)")
        #expect(card.answers[2] == Answer("ROS(Robot Operating System)", aliases: ["ROS", "Robot Operating System"]))
    }

    @Test func stackItemToRoleIsSingleOnlyWhenOneRoleListsIt() throws {
        let spark = try card("stack-role/apache-spark")
        #expect(spark.selection == .one)
        #expect(spark.prompt == "Apache Spark를 기술 스택으로 쓰는 직무는 무엇인가요?")
        #expect(spark.answers.map(\.text) == ["데이터 엔지니어"])
        // Siblings (the same domain) come first among the wrong options.
        #expect(spark.distractors?.prefix(2) == ["데이터 애널리틱스", "데이터 리서처"])

        let sql = try card("stack-role/sql")
        #expect(sql.selection == .all)
        #expect(sql.prompt == "SQL을 기술 스택으로 쓰는 직무를 모두 고르세요.")
        #expect(sql.answers.map(\.text) == ["데이터 애널리틱스", "데이터 엔지니어", "컴퓨터 사이언티스트"])
        #expect(sql.domain.rawValue == "data")
        #expect(cards.filter { $0.kind == .stackRole && $0.id.rawValue.hasSuffix("/sql") }.count == 1)
    }

    @Test func aDistractorThatWouldAlsoBeRightIsNeverOffered() throws {
        // MLOps 엔지니어 lists TensorFlow Serving: a fair learner could pick it for TensorFlow.
        #expect(try card("stack-role/tensorflow").distractors?.contains("MLOps 엔지니어") == false)
        // 프롬프트 엔지니어 lists GPT-3.
        #expect(try card("stack-role/gpt").distractors?.contains("프롬프트 엔지니어") == false)
        // 컴퓨터 사이언티스트 lists AWS inside 클라우드 서비스(AWS, Azure): it is an answer, not a distractor.
        #expect(try card("stack-role/aws").answers.map(\.text).contains("컴퓨터 사이언티스트"))
        for card in cards where card.kind.format == .choice {
            let accepted = Set(card.answers.flatMap(\.accepted))
            #expect((card.distractors ?? []).allSatisfy { !accepted.contains($0) }, "\(card.id)")
        }
    }

    @Test func dutyToRoleShowsElidedItemsWithTheirNeighbours() throws {
        let card = try card("duty-role/데이터-애널리틱스/데이터-수집")
        #expect(card.prompt == "다음 업무를 맡는 직무는 무엇인가요? '데이터 수집, 정제, 분석 및 시각화'")
        #expect(card.answers.map(\.text) == ["데이터 애널리틱스"])
        #expect(card.distractors?.first == "데이터 리서처")
        #expect(cards.filter { $0.kind == .dutyRole && $0.role?.rawValue == "데이터-애널리틱스" }.count == 2)
    }

    @Test func roleToDomain() throws {
        let card = try card("role-domain/mlops-엔지니어")
        #expect(card.prompt == "MLOps 엔지니어는 어느 분야의 직무인가요?")
        #expect(card.answers.first?.text == "MLOps")
        #expect(card.distractors?.first == "클라우드 및 인프라")
        #expect(card.distractors?.contains("MLOps") == false)
    }

    @Test func oddOneOutStoresOutsidersAndTheRolesStack() throws {
        let card = try card("odd-one-out/데이터-엔지니어")
        let role = try #require(catalog.roles.first { $0.name == "데이터 엔지니어" })
        #expect(card.distractors == role.stack.map(\.text))
        #expect(!card.answers.isEmpty)
        for answer in card.answers {
            #expect(!role.stack.contains { $0.text == answer.text }, "\(answer.text)")
        }
    }

    @Test func clozeBlanksOneItemOfTheWholeLine() throws {
        let card = try card("cloze/데이터-애널리틱스/정제")
        #expect(card.kind.format == .typed)
        #expect(card.context == "데이터 수집, ＿＿＿, 분석 및 시각화; 비즈니스 인사이트 제공")
        #expect(card.answers == [Answer("정제")])
        let clozes = cards.filter { $0.kind == .cloze }
        #expect(clozes.count == catalog.roles.reduce(0) { $0 + $1.duties.count })
    }

    @Test func trueFalseIsBalancedAndTrue() throws {
        let statements = cards.filter { $0.kind == .trueFalse }
        let trues = statements.filter { $0.answers.first?.text == "O" }
        #expect(trues.count * 2 == statements.count)
        let yes = try card("true-false/데이터-엔지니어/apache-spark")
        #expect(yes.prompt == "데이터 엔지니어의 기술 스택에 Apache Spark가 있다.")
        #expect(yes.answers.first?.text == "O")
        let no = try #require(statements.first { $0.role?.rawValue == "데이터-엔지니어" && $0.answers.first?.text == "X" })
        let role = try #require(catalog.roles.first { $0.name == "데이터 엔지니어" })
        #expect(!role.stack.contains { no.prompt.contains($0.text) })
    }

    @Test func mindmapOnlyForRolesInTheMindmap() throws {
        let card = try card("mindmap/데이터-리서처")
        #expect(card.answers.first?.text == "Data")
        #expect(card.prompt == "마인드맵(AI JOB)에서 데이터 리서처는 어느 가지 아래에 있나요?")
        #expect(card.explanation.contains("'Data 리서처'"))
        #expect(cards.filter { $0.kind == .mindmap }.count == 13)
        #expect(!cards.contains { $0.id.rawValue == "mindmap/automl-전문가" })
    }

    @Test func domainToRoles() throws {
        let card = try card("domain-roles/data")
        #expect(card.role == nil)
        #expect(card.answers.map(\.text) == ["데이터 애널리틱스", "데이터 리서처", "데이터 엔지니어"])
        let nlp = try self.card("domain-roles/ai-theory")
        #expect(nlp.answers[1].aliases == ["자연어 처리 엔지니어", "NLP 엔지니어"])
    }

    @Test func newCardsMeetTheRoleBeforeItsDetails() throws {
        let data = try #require(decks.first)
        let first = data.cards.prefix(4).map(\.kind)
        #expect(first == [.roleDomain, .mindmap, .duties, .stack])
        #expect(data.cards.last?.kind == .domainRoles)
    }

    @Test func generationIsByteIdentical() {
        let again = DeckGenerator(catalog: catalog).decks()
        #expect(again.map(DeckFile.encode) == decks.map(DeckFile.encode))
    }

    @Test func shippedDecksAreExactlyWhatGenerateWrites() throws {
        let folder = Fixture.repositoryRoot.appendingPathComponent("Decks")
        for deck in decks {
            let onDisk = try Data(contentsOf: folder.appendingPathComponent(deck.fileName))
            #expect(
                onDisk == DeckFile.encode(deck), "Decks/\(deck.fileName) is stale: run `swift run roledeck generate`")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(Set(files) == Set(decks.map(\.fileName)))
    }

    @Test func deckRoundTripsThroughJSON() throws {
        for deck in decks {
            #expect(try DeckFile.decode(DeckFile.encode(deck), path: deck.fileName) == deck)
        }
    }
}

@Suite("Card ids are stable under catalog edits")
struct CardIDStabilityTests {
    func ids(_ text: String) throws -> [String: Card] {
        let catalog = try CatalogParser.parse(text, source: "ai-jobs.md")
        return Dictionary(
            uniqueKeysWithValues: DeckGenerator(catalog: catalog).decks().flatMap(\.cards).map { ($0.id.rawValue, $0) })
    }

    @Test func editingOneDutyChangesOnlyThatDutysCards() throws {
        let original = String(decoding: ShippedCatalog.data, as: UTF8.self)
        let edited = original.replacingOccurrences(of: "대규모 데이터 저장 및 처리", with: "대용량 데이터 저장과 처리")
        #expect(edited != original)
        let before = try ids(original)
        let after = try ids(edited)
        let gone = Set(before.keys).subtracting(after.keys)
        #expect(gone == ["duty-role/데이터-엔지니어/대규모-데이터-저장-및-처리", "cloze/데이터-엔지니어/대규모-데이터-저장-및-처리"])
        #expect(Set(after.keys).subtracting(before.keys).count == 2)
    }

    @Test func addingARoleKeepsEveryExistingId() throws {
        let original = String(decoding: ShippedCatalog.data, as: UTF8.self)
        let added = original.replacingOccurrences(
            of: "### 2. 머신 러닝\n",
            with: "- **데이터 아키텍트**\n    - 업무: 데이터 모델 설계\n    - 기술 스택: Snowflake, dbt\n\n### 2. 머신 러닝\n")
        #expect(added != original)
        let before = try ids(original)
        let after = try ids(added)
        #expect(Set(before.keys).isSubset(of: Set(after.keys)))
        #expect(after["stack/데이터-아키텍트"] != nil)
    }
}
