import Foundation
import Testing

@testable import RoledeckCore

@Suite("Every setting documented with its default and range")
struct SettingsGuideTests {
    @Test func theGuideListsEveryKeyOfTheFileOnce() {
        let keys = SettingGuide.all.map(\.key)
        #expect(Set(keys).count == keys.count)
        #expect(Set(keys) == Set(SettingsFile.keys).subtracting(["schemaVersion"]))
    }

    @Test func theRangesShownAreTheRangesTheFileAccepts() throws {
        for guide in SettingGuide.all {
            guard let bounds = guide.bounds else { continue }
            let step = bounds.upperBound - bounds.lowerBound < 1 ? 0.01 : 1
            for value in [bounds.lowerBound, bounds.upperBound] {
                let data = Data(#"{"\#(guide.key)": \#(SettingGuide.number(value))}"#.utf8)
                #expect(throws: Never.self, "\(guide.key) = \(value)") {
                    try SettingsFile.decode(data, path: "settings.json")
                }
            }
            for value in [bounds.lowerBound - step, bounds.upperBound + step] {
                let data = Data(#"{"\#(guide.key)": \#(SettingGuide.number(value))}"#.utf8)
                #expect(throws: SettingsError.self, "\(guide.key) = \(value)") {
                    try SettingsFile.decode(data, path: "settings.json")
                }
            }
        }
    }

    @Test func theDefaultsShownAreTheDefaults() {
        let byKey = Dictionary(uniqueKeysWithValues: SettingGuide.all.map { ($0.key, $0.defaultValue) })
        #expect(byKey["newCardsPerDay"] == "20" && byKey["desiredRetention"] == "0.9")
        #expect(byKey["learningSteps"] == #"["1m", "10m"]"# && byKey["learnAheadMinutes"] == "20")
        // A value read from a file is shown as it is, and differs from the default.
        let changed = try? SettingsFile.decode(Data(#"{"newCardsPerDay": 7}"#.utf8), path: "s")
        #expect(changed.map { SettingGuide.all[0].value($0) } == "7")
    }

    @Test func docsSettingsListsEveryKeyWithItsDefault() throws {
        let docs = try String(
            contentsOf: Fixture.repositoryRoot.appendingPathComponent("docs/settings.md"), encoding: .utf8)
        for guide in SettingGuide.all {
            let row = docs.split(separator: "\n").first { $0.hasPrefix("| `\(guide.key)` |") }
            #expect(row != nil, "\(guide.key) has no row")
            // Numbers, booleans, words and lists are written as the table shows them; the Korean ones are described.
            if guide.defaultValue.allSatisfy(\.isASCII) {
                #expect(row?.hasPrefix("| `\(guide.key)` | \(guide.defaultValue) |") == true, "\(guide.key)")
            }
        }
    }
}
