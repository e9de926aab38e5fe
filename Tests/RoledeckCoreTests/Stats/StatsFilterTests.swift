import Foundation
import Testing

@testable import RoledeckCore

@Suite("Narrowing the statistics by name")
struct StatsFilterTests {
    let decks = StatsFixture.decks

    @Test func aDomainAnswersToItsNameKeyNumberAndBranch() throws {
        for name in ["데이터", "data", "1", "Data", "DATA"] {
            let filter = try StatsFilter.resolve(domain: name, role: nil, decks: decks, catalog: nil)
            #expect(filter == StatsFilter(domain: DomainKey(rawValue: "data")))
        }
    }

    @Test func anUnknownDomainSuggestsTheClosestName() {
        #expect(
            throws: NameError.unknown(.domain, name: "데이타", suggestion: "데이터", known: ["data(데이터)", "ml(머신 러닝)"])
        ) {
            try StatsFilter.resolve(domain: "데이타", role: nil, decks: decks, catalog: nil)
        }
        #expect(throws: NameError.unknown(.domain, name: "xyz", suggestion: nil, known: ["data(데이터)", "ml(머신 러닝)"])) {
            try StatsFilter.resolve(domain: "xyz", role: nil, decks: decks, catalog: nil)
        }
    }

    @Test func aDomainNameWithItsSpacesLeftOutIsFound() throws {
        // The issue's example: `stats --domain 머신러닝` failed where `study 머신러닝` worked.
        let filter = try StatsFilter.resolve(domain: "머신러닝", role: nil, decks: decks, catalog: nil)
        #expect(filter == StatsFilter(domain: DomainKey(rawValue: "ml")))
    }

    @Test func aRoleFindsItsDomainAndAnswersToTheCatalogsOtherNames() throws {
        let filter = try StatsFilter.resolve(domain: nil, role: "데이터 애널리틱스", decks: decks, catalog: nil)
        #expect(filter == StatsFilter(domain: DomainKey(rawValue: "data"), role: RoleKey(rawValue: "데이터-애널리틱스")))
        let catalog = try Catalog.shipped()
        let shipped = DeckGenerator(catalog: catalog).decks()
        let nlp = try StatsFilter.resolve(domain: nil, role: "NLP 엔지니어", decks: shipped, catalog: catalog)
        #expect(nlp.role?.rawValue == "자연어-처리-엔지니어")
    }

    @Test func aRoleOutsideTheGivenDomainIsUnknownWithASuggestion() {
        #expect(throws: NameError.self) {
            try StatsFilter.resolve(domain: "ml", role: "데이터 엔지니어", decks: decks, catalog: nil)
        }
        do {
            _ = try StatsFilter.resolve(domain: nil, role: "데이터 엔지니오", decks: decks, catalog: nil)
            Issue.record("expected an error")
        } catch {
            #expect(
                error
                    == .unknown(
                        .role, name: "데이터 엔지니오", suggestion: "데이터 엔지니어",
                        known: decks.flatMap(\.domain.roles).map(\.name)))
        }
    }
}
