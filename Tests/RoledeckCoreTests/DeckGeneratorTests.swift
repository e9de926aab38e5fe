import Foundation
import RoledeckCore
import Testing

/// The shipped catalog's cards, class by class of what a careful teacher checks.
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

    @Test func oneDeckPerDomain() {
        #expect(
            decks.map(\.fileName) == [
                "data.json", "ml.json", "sw-dev.json", "ai-theory.json", "cloud-infra.json", "mlops.json",
                "automl.json", "prompt.json", "computer-science.json",
            ])
        #expect(decks.allSatisfy { deck in deck.cards.allSatisfy { $0.domain == deck.domain.key } })
        #expect(Set(cards.map(\.id)).count == cards.count)
    }

    // MARK: - Duties split the way Korean reads

    @Test func aDutyIsNeverCutInsideARange() throws {
        let mlops = try card("duties/mlops-엔지니어")
        #expect(mlops.prompt == "MLOps 엔지니어는 어떤 업무를 맡나요? (1가지)")
        #expect(mlops.answers.map(\.text) == ["머신 러닝 모델의 개발부터 배포, 모니터링까지 전체 라이프사이클 관리"])
        let cloze = try card("cloze/mlops-엔지니어/머신-러닝-모델의-개발부터-배포-모니터링까지-전체-라이프사이클-관리")
        #expect(cloze.context == "머신 러닝 모델의 개발부터 배포, 모니터링까지 전체 ＿＿＿ 관리")
        #expect(cloze.answers.map(\.text) == ["라이프사이클"])
    }

    @Test func anElaborationStaysWithTheDutyItExplains() throws {
        let prompt = try card("duties/프롬프트-엔지니어")
        #expect(prompt.prompt.hasSuffix("(2가지)"))
        #expect(prompt.answers.map(\.text) == ["자연어 처리 시스템, 특히 대형 언어 모델을 위한 프롬프트 설계 및 최적화", "사용자 질의에 대한 효과적인 응답 생성"])
        #expect(!cards.contains { card in card.answers.contains { $0.text.hasPrefix("특히") } })
    }

    @Test func topicsAreNeverOfferedAsDuties() throws {
        let scientist = try card("duties/컴퓨터-사이언티스트")
        #expect(scientist.answers.map(\.text) == ["알고리즘, 데이터 구조, 소프트웨어 설계 및 개발", "컴퓨터 시스템과 소프트웨어의 이론적 기초 연구 및 개발"])
        #expect(!cards.contains { $0.kind == .dutyRole && $0.prompt.hasSuffix("'알고리즘'") })
        // A list of topics is no blank (many words would fit); the work they lead to is, by its object.
        #expect(!cards.contains { $0.id.rawValue == "cloze/컴퓨터-사이언티스트/알고리즘" })
        // Not 소프트웨어: the next duty shows it, so the blank takes the next telling word.
        let software = try card("cloze/컴퓨터-사이언티스트/소프트웨어-설계-및-개발")
        #expect(software.context?.hasPrefix("알고리즘, 데이터 구조, 소프트웨어 ＿＿＿ 및 개발") == true)
        #expect(software.answers.map(\.text) == ["설계"])
    }

    @Test func bareActionsAreBlankedWholeAndTheSharedObjectStaysVisible() throws {
        #expect(try card("cloze/데이터-애널리틱스/데이터-수집").context == "데이터 ＿＿＿, 정제, 분석 및 시각화; 비즈니스 인사이트 제공")
        #expect(try card("cloze/데이터-애널리틱스/정제").answers.map(\.text) == ["정제"])
        let pair = try card("cloze/데이터-애널리틱스/분석-및-시각화")
        #expect(pair.context == "데이터 수집, 정제, ＿＿＿ 및 ＿＿＿; 비즈니스 인사이트 제공")
        #expect(pair.answers.map(\.text) == ["분석 및 시각화"])
    }

    @Test func everyCountInAPromptEqualsTheAnswers() {
        for card in cards {
            guard let open = card.prompt.lastIndex(of: "("),
                let count = Int(card.prompt[card.prompt.index(after: open)...].prefix { $0.isNumber })
            else { continue }
            #expect(count == card.answers.count, "\(card.id): \(card.prompt)")
        }
    }

    // MARK: - One fact per card

    @Test func noListOfMoreThanThree() {
        for card in cards where [.typedMany, .flashcard].contains(card.kind.format) {
            #expect(card.answers.count <= 3, "\(card.id)")
        }
        #expect(cards.filter { $0.kind == .stack }.isEmpty)  // every stack here is longer than three
        // One blank an item, but not Python: ten of the fourteen roles list it, so it is a safe guess.
        let analytics = cards.filter { $0.id.rawValue.hasPrefix("stack-cloze/데이터-애널리틱스/") }
        #expect(analytics.count == 5)
        #expect(!cards.contains { $0.kind == .stackCloze && $0.answers.first?.text == "Python" })
    }

    @Test func aLongStackBecomesOneBlankAnItem() throws {
        let tableau = try card("stack-cloze/데이터-애널리틱스/tableau")
        #expect(tableau.context == "SQL, Python, R, ＿＿＿, Power BI, Excel")
        #expect(tableau.answers.first?.accepted.contains("태블로") == true)
        let database = try card("stack-cloze/컴퓨터-사이언티스트/데이터베이스")
        #expect(Set(database.answers[0].accepted).isSuperset(of: ["데이터베이스", "SQL, NoSQL", "SQL", "NoSQL"]))
    }

    @Test func trueFalseStaysUnderFifteenPercentAndSaysItIsAboutTheCatalog() {
        let statements = cards.filter { $0.kind == .trueFalse }
        #expect(!statements.isEmpty)
        #expect(Double(statements.count) <= 0.15 * Double(cards.count))
        #expect(statements.allSatisfy { $0.prompt.hasPrefix("이 카탈로그에서 ") })
    }

    @Test func atLeastHalfTheCardsAreRecall() {
        let recall = cards.count { [.typed, .typedMany, .flashcard].contains($0.kind.format) }
        #expect(Double(recall) >= 0.5 * Double(cards.count), "\(recall) of \(cards.count)")
    }

    // MARK: - Relatedness by meaning

    @Test func aRoleNamedAfterTheItemIsNeverAWrongOption() throws {
        let ml = try card("stack-role/머신-러닝")
        #expect(ml.answers.map(\.text) == ["데이터 리서처"])
        for related in ["머신 러닝 엔지니어", "AI 리서처", "MLOps 엔지니어", "AutoML 전문가", "클라우드 엔지니어 (AI/ML 포커스)"] {
            #expect(ml.distractors?.contains(related) == false, "\(related)")
        }
    }

    @Test func umbrellaTermsKeepRelatedRolesOutOfTheWrongOptions() throws {
        // Keras runs on TensorFlow: roles listing TensorFlow are not wrong for Keras.
        let keras = try card("stack-role/keras")
        for role in ["AI 개발자", "컴퓨터 비전 엔지니어", "자연어 처리(NLP) 엔지니어", "AI 리서처"] {
            #expect(keras.distractors?.contains(role) == false, "\(role)")
        }
        // Neural networks and GANs are what TensorFlow, PyTorch and Keras build.
        for id in ["stack-role/뉴럴-네트워크", "stack-role/gans", "stack-role/강화학습"] {
            #expect(try card(id).distractors?.contains("머신 러닝 엔지니어") == false, "\(id)")
        }
        // Reinforcement learning is a robotics method too.
        #expect(try card("stack-role/강화학습").distractors?.contains("로보틱스 엔지니어") == false)
        // SageMaker is AWS: the roles listing AWS are related, and the explanation says why they are left out.
        let sagemaker = try card("stack-role/aws-sagemaker")
        #expect(
            !(sagemaker.distractors ?? []).contains("클라우드 엔지니어")
                && !(sagemaker.distractors ?? []).contains("컴퓨터 사이언티스트"))
        #expect(sagemaker.explanation.contains("보기에서 뺀 직무: ") && sagemaker.explanation.contains("클라우드 엔지니어"))
    }

    @Test func dutiesAreRelatedByTheTableToo() throws {
        // Preprocessing, feature engineering and hyperparameters are machine-learning work: no ML role is wrong.
        for id in ["duty-role/automl-전문가/피처-엔지니어링", "duty-role/automl-전문가/모델-선택-및-하이퍼파라미터-최적화"] {
            let distractors = try card(id).distractors ?? []
            for role in ["머신 러닝 엔지니어", "AI 리서처", "MLOps 엔지니어", "데이터 리서처"] {
                #expect(!distractors.contains(role), "\(id): \(role)")
            }
        }
        // Infrastructure is Docker and Kubernetes, which MLOps lists.
        #expect(try card("duty-role/클라우드-엔지니어/인프라-설계-및-운영").distractors?.contains("MLOps 엔지니어") == false)
        // A duty that names only what many roles work on is not asked as "who does it".
        for id in ["duty-role/ai-개발자/알고리즘-구현", "duty-role/ai-개발자/시스템-최적화", "duty-role/automl-전문가/데이터-전처리"] {
            #expect(!cards.contains { $0.id.rawValue == id }, "\(id)")
        }
        #expect(cards.filter { $0.kind == .dutyRole }.allSatisfy { ($0.distractors?.count ?? 0) >= 3 })
    }

    @Test func aGroupWhosePartsOthersListIsAskedThroughItsParts() throws {
        // 자연어 처리 도구(NLTK, SpaCy): the NLP engineer lists NLTK and SpaCy, so ask those.
        #expect(!cards.contains { $0.id.rawValue == "stack-role/자연어-처리-도구" })
        #expect(Set(try card("stack-role/nltk").answers.map(\.text)) == ["자연어 처리(NLP) 엔지니어", "프롬프트 엔지니어"])
        let sql = try card("stack-role/sql")
        #expect(sql.answers.map(\.text) == ["데이터 애널리틱스", "데이터 엔지니어", "컴퓨터 사이언티스트"])
        #expect(sql.selection == .all)
        #expect(!cards.contains { $0.id.rawValue == "stack-role/nosql" })  // asked through its group
        #expect(!cards.contains { $0.id.rawValue == "stack-role/데이터베이스" })  // its part SQL is listed elsewhere
    }

    @Test func noStatementDeniesARelatedItem() throws {
        let nlp = try #require(catalog.roles.first { $0.key.rawValue == "자연어-처리-엔지니어" })
        for card in cards where card.kind == .trueFalse && card.role == nlp.key && !card.statementIsTrue {
            #expect(!card.prompt.contains("PyTorch") && !card.prompt.contains("Keras"), "\(card.prompt)")
        }
    }

    @Test func choiceCardsNeverOfferARightAnswerAsWrong() {
        for card in cards where card.kind.format == .choice {
            let accepted = Set(card.answers.flatMap(\.accepted))
            #expect((card.distractors ?? []).allSatisfy { !accepted.contains($0) }, "\(card.id)")
            #expect((card.distractors ?? []).count >= 1, "\(card.id)")
        }
    }

    // MARK: - Nothing the prompt gives away

    @Test func rolesNamedAfterTheirDomainGetNoDomainQuestion() throws {
        for role in ["데이터-엔지니어", "머신-러닝-엔지니어", "mlops-엔지니어", "automl-전문가", "클라우드-엔지니어", "프롬프트-엔지니어"] {
            #expect(!cards.contains { $0.id.rawValue == "role-domain/\(role)" }, "\(role)")
        }
        let researcher = try card("role-domain/ai-리서처")
        #expect(researcher.prompt == "이 카탈로그에서 AI 리서처는 어느 분야에 속하나요?")
        #expect(researcher.answers.first?.text == "머신 러닝")
    }

    @Test func mindmapCardsOnlyWhereTheBranchTeachesSomething() {
        // Every branch of this mindmap holds exactly one domain's roles: its label only translates the domain.
        #expect(!cards.contains { $0.kind == .mindmap })
    }

    @Test func itemsAndDutiesThatNameTheirRoleAreNotAskedByName() {
        #expect(!cards.contains { $0.id.rawValue == "stack-role/google-automl" })  // AutoML 전문가
        #expect(!cards.contains { $0.id.rawValue == "stack-role/ros" })  // Robot → 로보틱스
        #expect(!cards.contains { $0.id.rawValue == "duty-role/클라우드-엔지니어/클라우드-기반의-ai-ml-서비스-관리-및-최적화" })
        // 연구 is what a 리서처 does: the contrast of the two data roles does not ask it.
        #expect(!cards.contains { $0.id.rawValue == "contrast/데이터-리서처/데이터-애널리틱스/데이터-기반의-연구" })
        #expect(!cards.contains { $0.id.rawValue == "true-false/로보틱스-엔지니어/ros" })
    }

    // MARK: - Contrast

    @Test func contrastCardsAskWhichOfTwoCloseRolesHasADistinctFact() throws {
        let contrasts = cards.filter { $0.kind == .contrast }
        #expect(contrasts.count >= 3)
        for card in contrasts {
            #expect(card.answers.count == 1 && card.distractors?.count == 1, "\(card.id)")
            #expect(card.prompt.contains(" 중 "), "\(card.id)")
        }
        // The data roles' duties all echo 데이터, so no "who does it" card can ask them; a contrast can.
        let storage = try card("contrast/데이터-엔지니어/데이터-애널리틱스/대규모-데이터-저장-및-처리")
        #expect(storage.prompt == "이 카탈로그에서 데이터 애널리틱스와 데이터 엔지니어 중 다음 업무를 맡는 직무는 무엇인가요? '대규모 데이터 저장 및 처리'")
        // A contrast never asks a fact another choice card asks.
        let asked = Set(cards.filter { $0.kind == .dutyRole || $0.kind == .stackRole }.map(\.factKey))
        #expect(contrasts.allSatisfy { !asked.contains($0.factKey) })
    }

    // MARK: - Introduction order

    @Test func everyCardHasARankAndDecksListTheirCardsInIt() {
        let ranks = cards.compactMap(\.rank)
        #expect(ranks.count == cards.count)
        #expect(Set(ranks) == Set(0..<cards.count))
        for deck in decks {
            let deckRanks = deck.cards.compactMap(\.rank)
            #expect(deckRanks == deckRanks.sorted(), "\(deck.fileName)")
        }
    }

    @Test func newCardsInterleaveRolesAndDomains() {
        let first = IntroductionOrder.sorted(cards).prefix(20)
        #expect(Set(first.compactMap(\.role)).count >= 5)
        #expect(Set(first.map(\.domain)).count >= 4)
        let longestRun = first.reduce(into: (run: 0, best: 0, last: RoleKey?.none)) { state, card in
            state.run = card.role == state.last ? state.run + 1 : 1
            state.last = card.role
            state.best = max(state.best, state.run)
        }.best
        #expect(longestRun <= 3)
    }

    @Test func aCardNamingRolesComesAfterTheirFirstCards() {
        let ordered = IntroductionOrder.sorted(cards)
        var met: Set<String> = []
        for card in ordered {
            let named = (card.kind.format == .choice ? card.answers.map(\.text) + (card.distractors ?? []) : [])
                .compactMap { name in catalog.roles.first { $0.acceptedNames.contains(name) } }
            if card.kind != .roleDomain {
                for role in named {
                    #expect(met.contains(role.name), "\(card.id) names \(role.name) before meeting it")
                }
            }
            if let key = card.role, let role = catalog.roles.first(where: { $0.key == key }) { met.insert(role.name) }
        }
    }

    // MARK: - Files

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
        let edited = original.replacingOccurrences(of: "센서 통합", with: "센서 캘리브레이션 통합")
        #expect(edited != original)
        let before = try ids(original)
        let after = try ids(edited)
        let gone = Set(before.keys).subtracting(after.keys)
        #expect(gone == ["duty-role/로보틱스-엔지니어/센서-통합", "cloze/로보틱스-엔지니어/센서-통합"])
        #expect(after["cloze/로보틱스-엔지니어/센서-캘리브레이션-통합"] != nil)
    }

    @Test func addingARoleKeepsTheIdsOfTheCardsAboutOtherRoles() throws {
        let original = String(decoding: ShippedCatalog.data, as: UTF8.self)
        let added = original.replacingOccurrences(
            of: "### 2. 머신 러닝\n",
            with: "- **데이터 아키텍트**\n    - 업무: 데이터 모델 설계\n    - 기술 스택: Snowflake, dbt\n\n### 2. 머신 러닝\n")
        #expect(added != original)
        let before = try ids(original)
        let after = try ids(added)
        let roleCards = before.keys.filter {
            $0.hasPrefix("duties/") || $0.hasPrefix("cloze/") || $0.hasPrefix("stack-cloze/")
        }
        #expect(Set(roleCards).isSubset(of: Set(after.keys)))
        #expect(after["stack/데이터-아키텍트"] != nil)
    }
}
