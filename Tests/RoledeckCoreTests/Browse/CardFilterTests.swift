import Foundation
import Testing

@testable import RoledeckCore

/// `roledeck cards` narrows by domain, role, kind, state and text, names as the learner types them.
@Suite struct CardFilterTests {
    static let now = Date(timeIntervalSince1970: 1_772_409_600)
    static let catalogText = """
        # 테스트

        ### 1. 데이터
        - **데이터 엔지니어**
            - 업무: 데이터 파이프라인 구축 및 관리, 대규모 데이터 저장 및 처리
            - 기술 스택: SQL, Python, Apache Spark, Hadoop
        - **데이터 애널리틱스**
            - 업무: 데이터 수집, 정제, 분석 및 시각화; 비즈니스 인사이트 제공
            - 기술 스택: SQL, Tableau, Power BI, Excel

        ### 2. 머신 러닝
        - **머신 러닝 엔지니어**
            - 업무: 머신 러닝 모델 개발, 훈련, 평가 및 배포
            - 기술 스택: Python, TensorFlow, PyTorch, Keras
        """

    static func decks() throws -> [Deck] {
        DeckGenerator(catalog: try parse(catalogText)).decks()
    }

    /// Summaries with one card of each state: learning, review (a leech), relearning, suspended, buried.
    static func summaries(_ decks: [Deck]) -> (all: [CardSummary], ids: [CardID]) {
        var rng = SeededGenerator(seed: 5)
        let scheduler = Scheduler()
        let cards = IntroductionOrder.sorted(decks.flatMap(\.cards)).map(\.id)
        let learning = scheduler.review(.new(due: now), rating: .good, at: now, rng: &rng).card
        let review = scheduler.review(learning, rating: .easy, at: now, rng: &rng).card
        let relearning = scheduler.review(review, rating: .again, at: now.addingTimeInterval(9 * 86_400), rng: &rng)
            .card
        let records: [CardID: CardRecord] = [
            cards[0]: CardRecord(card: learning, reps: 1),
            cards[1]: CardRecord(card: review, reps: 2, leech: true),
            cards[2]: CardRecord(card: relearning, lapses: 1, reps: 3),
            cards[3]: CardRecord(card: .new(due: now), suspended: true),
            cards[4]: CardRecord(card: review, reps: 2, buriedUntil: now.addingTimeInterval(10 * 86_400)),
        ]
        let later = now.addingTimeInterval(9 * 86_400 + 60)
        return (CardSummary.all(decks: decks, records: records, scheduler: scheduler, now: later), cards)
    }

    @Test func statesFollowTheRecords() throws {
        let decks = try Self.decks()
        let (all, ids) = Self.summaries(decks)
        func shown(_ state: String) throws -> [CardID] {
            let filter = try CardFilter.resolve(
                domain: nil, role: nil, kind: nil, state: state, search: nil, decks: decks, catalog: nil)
            return all.filter(filter.includes).map(\.card.id)
        }
        #expect(try shown("learning") == [ids[0], ids[2]])
        #expect(try shown("학습") == [ids[0], ids[2]])
        #expect(try shown("review") == [ids[1], ids[4]])
        #expect(try shown("leech") == [ids[1]])
        #expect(try shown("보류") == [ids[3]])
        #expect(try shown("buried") == [ids[4]])
        #expect(try shown("new").count == all.count - 4)
        #expect(all[2].phase == .relearning && all[2].lapses == 1 && all[2].due != nil)
        #expect(all[3].due == nil && all[3].retrievability == nil)
        let retrievability = try #require(all[1].retrievability)
        #expect(retrievability > 0 && retrievability < 1)
        #expect(
            throws: BrowseError.unknownState(
                name: "done",
                known: ["new(새 카드)", "learning(학습 중)", "review(복습)", "suspended(보류)", "leech(거머리)", "buried(묻힘)"])
        ) { try shown("done") }
    }

    @Test func domainRoleKindAndSearchNarrow() throws {
        let decks = try Self.decks()
        let all = Self.summaries(decks).all
        func shown(domain: String? = nil, role: String? = nil, kind: String? = nil, search: String? = nil) throws
            -> [Card]
        {
            let filter = try CardFilter.resolve(
                domain: domain, role: role, kind: kind, state: nil, search: search, decks: decks, catalog: nil)
            return all.filter(filter.includes).map(\.card)
        }
        let ml = try shown(domain: "머신 러닝")
        #expect(!ml.isEmpty)
        let key = try #require(decks.first { $0.domain.name == "머신 러닝" }?.domain.key)
        #expect(ml.count == decks.first { $0.domain.key == key }?.cards.count)
        #expect(ml.allSatisfy { $0.domain == key })
        let analytics = try shown(role: "데이터 애널리틱스")
        #expect(!analytics.isEmpty && analytics.allSatisfy { $0.role?.rawValue == "데이터-애널리틱스" })
        let clozes = try shown(kind: "업무 빈칸")
        #expect(!clozes.isEmpty && clozes.allSatisfy { $0.kind == .cloze })
        #expect(try shown(kind: "cloze") == clozes)
        // Words match anywhere in the card, spacing and case aside, each of them.
        let spark = try shown(search: "apachespark")
        #expect(!spark.isEmpty)
        #expect(
            spark.allSatisfy { card in
                ([card.prompt, card.context ?? ""] + card.answers.flatMap(\.accepted) + (card.distractors ?? []))
                    .contains { $0.contains("Apache Spark") }
            })
        let both = try shown(search: "파이프라인 관리")
        #expect(!both.isEmpty)
        #expect(
            both.allSatisfy { card in
                let text = ([card.prompt, card.context ?? "", card.explanation] + card.answers.map(\.text)).joined()
                return text.contains("파이프라인") && text.contains("관리")
            })
        #expect(try shown(search: "파이프라인 요리").isEmpty)
        #expect(
            throws: BrowseError.unknownKind(
                name: "clozee", suggestion: "cloze", known: CardKind.allCases.map(\.rawValue))
        ) {
            try shown(kind: "clozee")
        }
        #expect(throws: BrowseError.self) { try shown(domain: "요리") }
    }

    @Test func cardsAreFoundByTheirIdOrItsEnd() throws {
        let cards = try Self.decks().flatMap(\.cards)
        let full = try #require(cards.first { $0.kind == .stackCloze })
        #expect(try CardLookup.find(full.id.rawValue, in: cards) == full)
        #expect(try CardLookup.find("duties/데이터-엔지니어", in: cards).kind == .duties)
        #expect(try CardLookup.find("데이터-엔지니어/hadoop", in: cards).kind == .stackCloze)
        #expect(
            throws: BrowseError.ambiguousCard(
                id: "데이터-엔지니어/apache-spark",
                matches: ["stack-cloze/데이터-엔지니어/apache-spark", "true-false/데이터-엔지니어/apache-spark"])
        ) { try CardLookup.find("데이터-엔지니어/apache-spark", in: cards) }
        do {
            _ = try CardLookup.find("stack-cloze/데이터-엔지니어/hadop", in: cards)
            Issue.record("a typo found a card")
        } catch {
            #expect(error == .unknownCard(id: "stack-cloze/데이터-엔지니어/hadop", suggestion: "stack-cloze/데이터-엔지니어/hadoop"))
        }
    }
}
