import Foundation
import Testing

@testable import RoledeckCore

@Suite("One name matcher and one suggestion rule")
struct NameMatcherTests {
    static let catalog =
        (try? Catalog.shipped())
        ?? Catalog(
            source: "", title: "", mindmap: nil, domains: [], warnings: [])
    static let decks = DeckGenerator(catalog: catalog).decks()
    let domains = NameMatcher.domains(of: decks)
    let roles = NameMatcher.roles(of: decks, catalog: catalog)

    @Test(arguments: [
        "머신 러닝", "머신러닝", "머신  러닝", "ml", "ML", "2", "ml.json", "Machine-Learning",
    ])
    func aDomainAnswersToEveryNameSpacesAndCaseIgnored(name: String) {
        // `Machine-Learning` is no name of the shipped domain: it must find nothing rather than a neighbour.
        let expected: DomainKey? = name == "Machine-Learning" ? nil : DomainKey(rawValue: "ml")
        #expect(domains.match(name)?.domain.key == expected)
    }

    @Test func domainsAnswerToTheirEnglishNameAndMindmapBranch() {
        #expect(domains.match("Machine Learning Operations")?.domain.key.rawValue == "mlops")
        #expect(domains.match("machinelearningoperations")?.domain.key.rawValue == "mlops")
        #expect(domains.match("sw-dev")?.domain.key.rawValue == "sw-dev")
        #expect(domains.match("S/W Dev")?.domain.key.rawValue == "sw-dev")
        #expect(domains.match("3")?.domain.name == "소프트웨어 개발")
        #expect(domains.match("없는 분야") == nil)
    }

    @Test func decomposedHangulIsFoundAsItsComposedForm() {
        let decomposed = "머신 러닝".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "머신 러닝".unicodeScalars.count)
        #expect(domains.match(decomposed)?.domain.key.rawValue == "ml")
    }

    @Test func rolesAnswerToTheirAliasesKeysAndMindmapLeaves() {
        #expect(roles.match("NLP 엔지니어")?.role.key.rawValue == "자연어-처리-엔지니어")
        #expect(roles.match("자연어처리엔지니어")?.role.key.rawValue == "자연어-처리-엔지니어")
        #expect(roles.match("데이터-엔지니어")?.domain.rawValue == "data")
        #expect(roles.match("Data 리서처")?.role.name == "데이터 리서처")
        #expect(roles.match("클라우드 엔지니어")?.role.name == "클라우드 엔지니어 (AI/ML 포커스)")
    }

    @Test func anUnknownNameGetsTheNearestNameOrTheList() {
        #expect(throws: NameError.unknown(.domain, name: "데이타", suggestion: "데이터", known: domains.entries.map(\.label)))
        {
            try domains.find("데이타", kind: .domain)
        }
        let error = NameError.unknown(.domain, name: "요리", suggestion: nil, known: ["data(데이터)", "ml(머신 러닝)"])
        #expect(error.errorDescription == "'요리'라는 분야가 없습니다. 분야: data(데이터), ml(머신 러닝)")
        let deck = NameError.unknown(.deck, name: "덱", suggestion: "data", known: [])
        #expect(deck.errorDescription == "'덱'이라는 덱이 없습니다. 혹시 'data'?")
    }

    @Test func theSuggestionRule() {
        let commands = ["review", "study", "stats", "settings", "suspended", "unsuspend", "통계", "복습"]
        #expect(NameMatcher<String>.nearest(to: "revew", among: commands) == "review")
        #expect(NameMatcher<String>.nearest(to: "stast", among: commands) == "stats")
        #expect(NameMatcher<String>.nearest(to: "통게", among: commands) == "통계")
        #expect(NameMatcher<String>.nearest(to: "sus", among: commands) == "suspended")
        #expect(NameMatcher<String>.nearest(to: "Review", among: commands) == "review")
        #expect(NameMatcher<String>.nearest(to: "xylophone", among: commands) == nil)
        #expect(NameMatcher<String>.nearest(to: "q", among: ["quit"]) == nil)
        #expect(domains.suggestion(for: "머신") == "머신 러닝")
        #expect(domains.suggestion(for: "머싱러닝") == "머신 러닝")
        #expect(roles.suggestion(for: "데이터 엔지니오") == "데이터 엔지니어")
    }

    @Test func quotedNamesTakeTheAgreeingCopula() {
        #expect(NameError.called("요리") == "'요리'라는")
        #expect(NameError.called("덱") == "'덱'이라는")
        #expect(NameError.called("reveiw") == "'reveiw'라는")
        #expect(NameError.called("Spark") == "'Spark'라는")
        #expect(NameError.called("SQL") == "'SQL'이라는")
    }
}
