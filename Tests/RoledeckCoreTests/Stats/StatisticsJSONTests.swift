import Foundation
import Testing

@testable import RoledeckCore

@Suite("The statistics' JSON keys")
struct StatisticsJSONTests {
    func object() throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(StatsFixture.statistics())
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyDocumentedKeyIsThereEvenWhenEmpty() throws {
        let json = try object()
        #expect(
            Set(json.keys) == [
                "schemaVersion", "now", "today", "scope", "desiredRetention", "day", "streak", "catalog", "domains",
                "focus", "counts", "retention", "forecast", "calendar", "confusions", "knowledge", "totalReviews",
                "unknownCards", "laterReviews",
            ])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["today"] as? String == "2026-03-10")
        #expect(json["now"] as? String == "2026-03-10T01:00:00+00:00")
        let scope = try #require(json["scope"] as? [String: Any])
        #expect(Set(scope.keys) == ["domain", "role"] && scope["domain"] is NSNull)
        let day = try #require(json["day"] as? [String: Any])
        #expect(
            Set(day.keys) == [
                "reviews", "cards", "correct", "accuracy", "timeMs", "newCards", "dueNow", "newLeft", "heldNew",
                "heldReviews", "newLimit", "reviewLimit", "dueTomorrow", "newTomorrow", "ahead", "cram",
            ])
        let streak = try #require(json["streak"] as? [String: Any])
        #expect(Set(streak.keys) == ["current", "longest", "studiedToday"])
        let figures: Set<String> = [
            "cards", "seen", "mature", "retrievabilitySum", "meanRetrievability", "matureShare", "mastery",
        ]
        let catalog = try #require(json["catalog"] as? [String: Any])
        #expect(Set(catalog.keys) == figures)
        let domain = try #require((json["domains"] as? [[String: Any]])?.first)
        #expect(Set(domain.keys) == figures.union(["key", "number", "name", "branch", "roles", "shared"]))
        let role = try #require((domain["roles"] as? [[String: Any]])?.first)
        #expect(Set(role.keys) == figures.union(["key", "name"]))
        let shared = try #require(domain["shared"] as? [String: Any])
        #expect(shared["meanRetrievability"] is NSNull)
        let focus = try #require(json["focus"] as? [String: Any])
        let focusRole = try #require((focus["roles"] as? [[String: Any]])?.first)
        #expect(Set(focusRole.keys) == ["domain", "key", "name", "meanRetrievability", "mastery"])
        let fact = try #require((focus["facts"] as? [[String: Any]])?.first)
        #expect(
            Set(fact.keys) == ["card", "kind", "prompt", "context", "owner", "answer", "retrievability", "lapses"])
        let counts = try #require(json["counts"] as? [String: Any])
        #expect(
            Set(counts.keys) == ["new", "learning", "review", "relearning", "suspended", "buried", "leeches", "total"])
        let window = try #require((json["retention"] as? [[String: Any]])?.first)
        #expect(Set(window.keys) == ["window", "passed", "total", "rate"])
        let forecast = try #require(json["forecast"] as? [String: Any])
        #expect(forecast["start"] as? String == "2026-03-10" && (forecast["days"] as? [Int])?.count == 30)
        let calendar = try #require(json["calendar"] as? [String: Any])
        #expect(calendar["start"] as? String == "2025-09-15" && (calendar["days"] as? [Int])?.count == 177)
        let confusion = try #require((json["confusions"] as? [[String: Any]])?.first)
        #expect(Set(confusion.keys) == ["card", "prompt", "context", "expected", "chosen", "count"])
    }
}
