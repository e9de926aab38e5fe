import Foundation
import RoledeckCore
import Testing

/// Two catalogs a Korean reviewer wrote after the generator was done (a hospital's AI and data jobs, a
/// web company's), and the problems reading every card of them found, each held fixed.
@Suite("Catalogs the generator was not written for")
struct UnseenCatalogsTests {
    let health: OtherCatalogsTests.Generated
    let web: OtherCatalogsTests.Generated

    init() throws {
        health = try OtherCatalogsTests.Generated("health-jobs.md")
        web = try OtherCatalogsTests.Generated("web-jobs.md")
    }

    @Test func rolesThatDifferOnlyByTheirQualifiersAreTwoRolesNamedInFull() throws {
        let backends = web.catalog.roles.filter { $0.name.hasPrefix("백엔드 개발자") }
        #expect(backends.map(\.key.rawValue) == ["백엔드-개발자-java-spring", "백엔드-개발자-node-js"])
        #expect(backends.map(\.shortName) == ["백엔드 개발자 (Java/Spring)", "백엔드 개발자 (Node.js)"])
        // Neither answers to the name they share.
        #expect(backends.allSatisfy { !$0.aliases.contains("백엔드 개발자") })
        // The same job with other tools does the same work: never a wrong option of a duty.
        for card in web.cards where card.kind == .dutyRole && card.role.map({ $0.rawValue.hasPrefix("백엔드") }) == true {
            #expect(!(card.distractors ?? []).contains { $0.hasPrefix("백엔드 개발자") }, "\(card.id)")
        }
        // A tool one of them lists still tells them apart.
        let nest = try web.card("stack-role/nestjs")
        #expect(nest.answers.map(\.text) == ["백엔드 개발자 (Node.js)"])
    }

    @Test func eachOfTwoQualifiedRolesAnswersToItsQualifierPutFirstAndOnlyToItsOwnLeaf() throws {
        let java = try web.role("백엔드 개발자 (Java/Spring)")
        let node = try web.role("백엔드 개발자 (Node.js)")
        #expect(java.aliases.contains("Java 백엔드 개발자") && java.aliases.contains("Spring 백엔드 개발자"))
        #expect(node.aliases.contains("Node.js 백엔드 개발자"))
        // The leaf `Backend 개발자 (Node.js)` names the Node.js role alone, not both roles of the base name.
        #expect(node.aliases.contains("Backend 개발자 (Node.js)"))
        #expect(!java.aliases.contains("Backend 개발자 (Node.js)"))
        let judge = ReplyJudge(decks: DeckGenerator(catalog: web.catalog).decks())
        let backend = try web.card("domain-roles/backend")
        #expect(judge.check("Java 백엔드 개발자, Node.js 백엔드 개발자, API 플랫폼 엔지니어", card: backend).isCorrect)
        #expect(!judge.check("Node.js 백엔드 개발자, Node.js 백엔드 개발자, API 플랫폼 엔지니어", card: backend).isCorrect)
    }

    @Test func aMindmapLeafThatEndsOneRolesNameNamesThatRole() throws {
        // `인허가 담당자` and `라벨링 매니저` are the end of one role's name each: no warning, one more name.
        #expect(!health.catalog.warnings.contains { $0.message.contains("인허가 담당자") })
        #expect(!health.catalog.warnings.contains { $0.message.contains("라벨링 매니저") })
        #expect(try health.role("의료 AI 인허가 담당자 (RA)").aliases.contains("인허가 담당자"))
        #expect(try health.role("의료 영상 라벨링 매니저").aliases.contains("라벨링 매니저"))
        let judge = ReplyJudge(decks: DeckGenerator(catalog: health.catalog).decks())
        let product = try health.card("domain-roles/product")
        #expect(judge.check("디지털 헬스케어 PM, 인허가 담당자, 웨어러블 데이터 사이언티스트", card: product).isCorrect)
        // A generic end (`담당자`) is two roles' end and no name.
        #expect(!judge.check("디지털 헬스케어 PM, 담당자, 웨어러블 데이터 사이언티스트", card: product).isCorrect)
    }

    @Test func anAcronymOrAKoreanNameInParenthesesIsOneMoreName() throws {
        let sre = try #require(web.catalog.roles.first { $0.name == "SRE (사이트 신뢰성 엔지니어)" })
        #expect(sre.aliases.contains("사이트 신뢰성 엔지니어"))
        let cdm = try #require(health.catalog.roles.first { $0.name == "임상 데이터 매니저 (CDM)" })
        #expect(cdm.aliases.contains("CDM"))
        let judge = ReplyJudge(decks: DeckGenerator(catalog: web.catalog).decks())
        let ops = try #require(web.cards.first { $0.kind == .domainRoles && $0.answers.contains { $0.text == "SRE" } })
        let others = ops.answers.filter { $0.text != "SRE" }.map(\.text)
        #expect(judge.check((["사이트 신뢰성 엔지니어"] + others).joined(separator: ", "), card: ops).isCorrect)
    }

    @Test func dutiesEndingInWorkOutsideTheOldListAreDuties() throws {
        #expect(
            try web.role("웹 퍼블리셔").duties.map(\.text) == [
                "디자인 시안의 HTML/CSS 마크업", "웹 표준 및 웹 접근성 준수", "크로스 브라우징 대응",
            ])
        // An example binds to the duty it follows, which stays a duty of its own.
        #expect(
            try web.role("백엔드 개발자 (Node.js)").duties.map(\.text) == [
                "서버 API 개발부터 테스트, 배포까지 서비스 전반 담당", "실시간 기능 구현, 예를 들어 WebSocket 기반 채팅과 알림", "외부 결제 연동",
            ])
        for generated in [health, web] {
            for card in generated.cards where card.kind == .duties {
                let stated = card.prompt.firstMatch(of: /\((\d+)가지\)/).flatMap { Int($0.1) }
                #expect(stated == card.answers.count, "\(card.id)")
            }
        }
    }

    @Test func aLoanwordIsNeverCutAtALookalikeParticle() throws {
        let flow = try health.card("cloze/유전체-데이터-엔지니어/워크플로-최적화")
        #expect(flow.answers.map(\.text) == ["워크플로"])
        #expect(flow.context?.hasSuffix("; ＿＿＿ 최적화") == true)
    }

    @Test func aWordGlossedInParenthesesIsNotBlanked() throws {
        for card in health.cards + web.cards where card.kind == .cloze {
            let blanked = card.context?.split(separator: " ").first { $0.contains("＿＿＿") }
            #expect(blanked?.contains("(") != true, "\(card.id): \(card.context ?? "")")
        }
        // Nor half of a stack item the line names (`SNOMED` of `SNOMED CT`).
        #expect(!health.cards.contains { $0.kind == .cloze && $0.answers.contains { $0.text == "SNOMED" } })
    }

    @Test func aTypoThatIsAnotherItemOfTheCatalogIsNotForgiven() throws {
        let judge = ReplyJudge(decks: DeckGenerator(catalog: web.catalog).decks())
        let nest = try web.card("stack-cloze/백엔드-개발자-node-js/nestjs")
        #expect(!judge.check("Next.js", card: nest).isCorrect)
        #expect(!judge.check("NextJS", card: nest).isCorrect)
        #expect(judge.check("NestJs", card: nest).isCorrect)
        let healthJudge = ReplyJudge(decks: DeckGenerator(catalog: health.catalog).decks())
        let isms = try health.card("stack-cloze/의료-데이터-보안-담당자/isms-p")
        #expect(!healthJudge.check("ISMS", card: isms).isCorrect)  // a word of the name left out: another standard
        let cdisc = try health.card("stack-cloze/임상-데이터-매니저/cdisc")
        #expect(!healthJudge.check("CDSIC", card: cdisc).isCorrect)  // an acronym with two letters swapped
    }
}
