import Foundation
import RoledeckCore
import Testing

/// Catalogs of other fields, written for these tests with the shapes a generator can get wrong:
/// group items, items several roles share, parenthesised names, ranges, elaborations, long duty lists.
@Suite("Catalogs of other fields")
struct OtherCatalogsTests {
    struct Generated {
        var catalog: Catalog
        var cards: [Card]

        init(_ name: String) throws {
            catalog = try Catalog.load(from: Fixture.url(name))
            cards = DeckGenerator(catalog: catalog).decks().flatMap(\.cards)
        }

        func card(_ id: String) throws -> Card {
            try #require(cards.first { $0.id.rawValue == id }, "no card \(id)")
        }

        func role(_ name: String) throws -> Role {
            try #require(catalog.roles.first { $0.name == name })
        }
    }

    @Test(arguments: ["game-jobs.md", "finance-jobs.md"])
    func lintFindsNothingAndTheRulesHold(name: String) throws {
        let generated = try Generated(name)
        #expect(generated.catalog.warnings.isEmpty, "\(generated.catalog.warnings)")
        let decks = DeckGenerator(catalog: generated.catalog).decks()
        #expect(Linter(catalog: generated.catalog).lint(decks) == [])
        let cards = generated.cards
        #expect(
            cards.filter { [.typedMany, .flashcard].contains($0.kind.format) }.allSatisfy { $0.answers.count <= 3 })
        #expect(Double(cards.count { $0.kind == .trueFalse }) <= 0.15 * Double(cards.count))
        #expect(
            Double(cards.count { $0.kind.format != .choice && $0.kind.format != .trueFalse }) >= 0.5
                * Double(cards.count))
        #expect(Set(cards.compactMap(\.rank)) == Set(0..<cards.count))
    }

    @Test func gameDutiesKeepTheirRangesElaborationsAndExamples() throws {
        let game = try Generated("game-jobs.md")
        #expect(
            try game.role("서버 프로그래머").duties.map(\.text) == [
                "게임 서버 설계부터 구축, 운영까지 백엔드 전반 담당", "매치메이킹 및 동기화 구현", "데이터베이스 설계",
            ])
        #expect(try game.role("엔진 프로그래머").duties[0].text == "게임 엔진 핵심 모듈 개발, 특히 렌더링 파이프라인과 물리 시스템 구현")
        #expect(
            try game.role("시스템 기획자").duties.map(\.text) == [
                "성장, 경제, 전투 시스템 설계", "밸런스 데이터 테이블 작성 및 관리, 예를 들어 아이템 확률과 보상 구조 같은 수치 설계",
            ])
        // Five duties: no list card, one blank a duty.
        #expect(!game.cards.contains { $0.id.rawValue == "duties/라이브-운영-pm" })
        #expect(game.cards.filter { $0.id.rawValue.hasPrefix("cloze/라이브-운영-pm/") }.count == 5)
    }

    @Test func gameMindmapCardsOnlyWhereBranchesCrossDomains() throws {
        let game = try Generated("game-jobs.md")
        // Tech holds the engine programmer (프로그래밍) and the technical artist (아트); Live holds the data
        // analyst beside the live-service roles. The explanation says where the catalog's body puts them.
        let engine = try game.card("mindmap/엔진-프로그래머")
        #expect(engine.answers.first?.text == "Tech")
        #expect(engine.explanation.contains("카탈로그 본문에서는 '1. 게임 프로그래밍' 분야"))
        #expect(try game.card("mindmap/게임-데이터-분석가").answers.first?.text == "Live")
        // Design is exactly the 게임 기획 domain; Live only translates 라이브 서비스 for the QA engineer;
        // Programming gives itself away to a 프로그래머.
        for id in ["mindmap/레벨-디자이너", "mindmap/qa-엔지니어", "mindmap/클라이언트-프로그래머", "mindmap/3d-모델러"] {
            #expect(!game.cards.contains { $0.id.rawValue == id }, "\(id)")
        }
    }

    @Test func gameRelatedItemsAndParticles() throws {
        let game = try Generated("game-jobs.md")
        let csharp = try game.card("stack-role/c#")
        #expect(csharp.prompt == "이 카탈로그에서 기술 스택에 C#이 있는 직무를 모두 고르세요.")
        // Unity is scripted in C#, and any programmer may write it: neither is a wrong option.
        #expect(csharp.distractors?.contains("레벨 디자이너") == false)
        #expect(csharp.distractors?.contains("엔진 프로그래머") == false)
        // Git is every programmer's tool: no card says a programmer lacks it.
        for card in game.cards where card.kind == .trueFalse || card.kind == .oddOneOut {
            #expect(!(card.kind == .trueFalse && !card.statementIsTrue && card.prompt.contains("Git")), "\(card.id)")
        }
        #expect(try game.card("stack-role/playfab").prompt.contains("PlayFab이 있는"))
        // 협업 도구(Confluence, Jira): others list Jira and Confluence, so the group is asked through them.
        #expect(!game.cards.contains { $0.id.rawValue == "stack-role/협업-도구" })
        // 3D 모델러: rigging is a duty of its own, not a part of UV work.
        #expect(try game.role("3D 모델러").duties.map(\.text) == ["캐릭터 및 배경 모델링", "UV 작업 및 텍스처링", "리깅"])
        let hlsl = try game.card("stack-role/hlsl")
        #expect(hlsl.prompt == "이 카탈로그에서 기술 스택에 HLSL이 있는 직무를 모두 고르세요.")
        #expect(hlsl.answers.map(\.text) == ["엔진 프로그래머", "테크니컬 아티스트(TA)"])
    }

    @Test func financeAsksAGroupThroughThePartOthersList() throws {
        let finance = try Generated("finance-jobs.md")
        // SIEM(Splunk, QRadar): two other roles list Splunk, so the group itself is not asked; Splunk is,
        // keyed to all three.
        #expect(!finance.cards.contains { $0.id.rawValue == "stack-role/siem" })
        let splunk = try finance.card("stack-role/splunk")
        #expect(Set(splunk.answers.map(\.text)) == ["보안 관제 분석가", "IT 감사인", "준법감시인"])
        #expect(splunk.selection == .all)
        #expect(!finance.cards.contains { $0.id.rawValue == "stack-role/qradar" })
    }

    @Test func financeDutiesAndParticles() throws {
        let finance = try Generated("finance-jobs.md")
        #expect(
            try finance.role("코어뱅킹 개발자").duties.map(\.text) == [
                "계정계 시스템 개발 및 유지보수", "대외 연계 인터페이스 구축, 즉 타 기관과의 전문 송수신 처리", "대량 배치 작업 설계",
            ])
        #expect(try finance.role("시장 리스크 매니저").duties[0].text == "포트폴리오의 시장 위험 측정부터 한도 관리, 보고까지 전 과정 총괄")
        #expect(try finance.card("stack-role/net").prompt == "이 카탈로그에서 기술 스택에 .NET이 있는 직무는 무엇인가요?")
        // pandas and NumPy are Python libraries: no statement says a role listing them lacks Python.
        for card in finance.cards where card.kind == .trueFalse && !card.statementIsTrue {
            #expect(!card.prompt.contains("Python"), "\(card.prompt)")
        }
        // The keyword blank never takes half of a term: `머신 러닝` stays whole.
        let research = try finance.card("cloze/퀀트-리서처/머신-러닝-기반-예측-모형-개발")
        #expect(research.context?.hasSuffix("머신 러닝 기반 ＿＿＿ 모형 개발") == true)
    }
}
