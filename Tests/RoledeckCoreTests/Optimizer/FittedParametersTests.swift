import Foundation
import Testing

@testable import RoledeckCore

@Suite("Fitted parameters in settings.json")
struct FittedParametersTests {
    static let fitted: [Double] = [
        0.1753, 0.8609, 2.6014, 6.6731, 6.5595, 0.5134, 3.1978, 0.0289, 1.6548, 0.2567, 0.6146, 1.5904, 0.0386,
        0.3876, 1.7973, 0.6014, 1.8729, 0.795, 0.0602, 0.1377, 0.2386,
    ]

    func folder(_ name: String = #function) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "roledeck-fitted-\(getpid())-\(name.filter(\.isLetter))")
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func savingKeepsEveryOtherSettingAndTheReplacedParameters() throws {
        let folder = try folder()
        let url = folder.appendingPathComponent("settings.json")
        try Data(#"{"newCardsPerDay": 7, "timeZone": "Asia/Seoul", "burySiblings": true}"#.utf8).write(to: url)
        let saved = try StudySettings.saveParameters(Self.fitted, in: folder)
        #expect(saved.parameters.weights == Self.fitted)
        #expect(saved.previousWeights == SchedulerParameters.defaultWeights)
        #expect(saved.limits.newPerDay == 7)
        #expect(saved.timeZone?.identifier == "Asia/Seoul")
        #expect(saved.burySiblings)
        #expect(try StudySettings.load(from: folder) == saved)
        // Saving again keeps the weights now replaced.
        let again = try StudySettings.saveParameters(SchedulerParameters.defaultWeights, in: folder)
        #expect(again.previousWeights == Self.fitted)
    }

    @Test func savingWithoutASettingsFileWritesOne() throws {
        let folder = try folder()
        let saved = try StudySettings.saveParameters(Self.fitted, in: folder)
        let text = try String(contentsOf: folder.appendingPathComponent("settings.json"), encoding: .utf8)
        #expect(text.contains("\"previousParameters\""))
        #expect(text.contains("\"schemaVersion\" : 1"))
        #expect(saved.parameters.weights == Self.fitted)
    }

    @Test func aBrokenSettingsFileIsRefusedAndLeftAsItWas() throws {
        let folder = try folder()
        let url = folder.appendingPathComponent("settings.json")
        let broken = Data("{\"newCardsPerDay\": 7,\n \"fuzz\": maybe}\n".utf8)
        try broken.write(to: url)
        #expect(throws: SettingsError.self) { try StudySettings.saveParameters(Self.fitted, in: folder) }
        #expect(try Data(contentsOf: url) == broken)
    }

    @Test func previousParametersAreReadAndRangeChecked() throws {
        let list = Self.fitted.map { "\($0)" }.joined(separator: ", ")
        let settings = try SettingsFile.decode(Data(#"{"previousParameters": [\#(list)]}"#.utf8), path: "s.json")
        #expect(settings.previousWeights == Self.fitted)
        #expect(try SettingsFile.decode(SettingsFile.encode(settings), path: "s.json") == settings)
        var outOfRange = Self.fitted
        outOfRange[20] = 0.9
        let bad = outOfRange.map { "\($0)" }.joined(separator: ", ")
        #expect(
            throws: SettingsError.invalidValue(
                path: "s.json", key: "previousParameters",
                expected: "FSRS-6의 범위 안의 수 (매개변수 w20 = 0.9: 범위 [0.1, 0.8] 밖입니다)")
        ) { try SettingsFile.decode(Data(#"{"previousParameters": [\#(bad)]}"#.utf8), path: "s.json") }
        #expect(throws: SettingsError.self) {
            try SettingsFile.decode(Data(#"{"previousParameters": [1, 2]}"#.utf8), path: "s.json")
        }
    }

    @Test func parameterListsAreReadFromTextOrJSON() throws {
        let text = Self.fitted.map { "\($0)" }.joined(separator: ", ")
        #expect(try ParameterList.parse(text, source: "--parameters") == Self.fitted)
        #expect(try ParameterList.parse("[\(text)]", source: "--parameters") == Self.fitted)
        #expect(try ParameterList.parse(#"{"parameters": [\#(text)], "n": 3}"#, source: "f.json") == Self.fitted)
    }

    @Test func parameterListErrorsSayWhichWeightAndWhy() {
        var values = Self.fitted.map { "\($0)" }
        values[5] = "7"
        #expect(
            throws: OptimizerError.invalidParameters(
                source: "--parameters", reason: "매개변수 w5 = 7.0: 범위 [0.001, 4.0] 밖입니다")
        ) { try ParameterList.parse(values.joined(separator: ","), source: "--parameters") }
        values[5] = "x"
        #expect(throws: OptimizerError.invalidParameters(source: "--parameters", reason: "w5 = 'x': 수가 아닙니다")) {
            try ParameterList.parse(values.joined(separator: ","), source: "--parameters")
        }
        #expect(
            throws: OptimizerError.invalidParameters(
                source: "--parameters", reason: "FSRS 매개변수는 21개(w0…w20)여야 하는데 2개입니다")
        ) { try ParameterList.parse("1, 2", source: "--parameters") }
        #expect(throws: OptimizerError.self) { try ParameterList.parse("{\"parameters\": [1,\n 2,}", source: "p.json") }
    }
}
