import Foundation
import RoledeckCore
import Testing

@Suite("Settings")
struct SettingsTests {
    func decode(_ text: String) throws(SettingsError) -> StudySettings {
        try SettingsFile.decode(Data(text.utf8), path: "Progress/settings.json")
    }

    @Test func emptyObjectGivesAnkiDefaults() throws {
        let settings = try decode("{}")
        #expect(settings == StudySettings())
        #expect(settings.limits.newPerDay == 20 && settings.limits.reviewsPerDay == 200)
        #expect(settings.rolloverHour == 4)
        #expect(settings.parameters.learningSteps == [60, 600])
        #expect(settings.parameters.desiredRetention == 0.9)
    }

    @Test func missingFileGivesDefaults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roledeck-\(UUID().uuidString)")
        #expect(try StudySettings.load(from: folder) == StudySettings())
    }

    @Test func everyKeyIsRead() throws {
        let settings = try decode(
            """
            {"schemaVersion": 1, "desiredRetention": 0.85, "newCardsPerDay": 5, "reviewsPerDay": 50,
             "rolloverHour": 2, "timeZone": "Asia/Seoul", "learningSteps": ["30s", "5m", "1h"],
             "relearningSteps": [], "maximumIntervalDays": 365, "fuzz": false, "learnAheadMinutes": 5,
             "burySiblings": true, "leechThreshold": 4, "leechAction": "suspend"}
            """)
        #expect(settings.parameters.desiredRetention == 0.85)
        #expect(settings.limits == QueueLimits(newPerDay: 5, reviewsPerDay: 50, learnAheadSeconds: 300))
        #expect(settings.rolloverHour == 2 && settings.timeZone?.identifier == "Asia/Seoul")
        #expect(settings.parameters.learningSteps == [30, 300, 3600])
        #expect(settings.parameters.relearningSteps == [])
        #expect(settings.parameters.maximumInterval == 365 && !settings.parameters.enableFuzzing)
        #expect(settings.burySiblings && settings.leechThreshold == 4 && settings.leechAction == .suspend)
    }

    @Test func encodeThenDecodeRoundTrips() throws {
        let settings = try decode(
            "{\"newCardsPerDay\": 7, \"timeZone\": \"Europe/Berlin\", \"learningSteps\": [\"2m\"]}")
        #expect(try SettingsFile.decode(SettingsFile.encode(settings), path: "x") == settings)
        #expect(try SettingsFile.decode(SettingsFile.encode(StudySettings()), path: "x") == StudySettings())
    }

    @Test(arguments: [
        ("{\"newCardsPerDay\": -1}", "newCardsPerDay"), ("{\"newCardsPerDay\": \"20\"}", "newCardsPerDay"),
        ("{\"newCardsPerDay\": 2.5}", "newCardsPerDay"), ("{\"desiredRetention\": 1.2}", "desiredRetention"),
        ("{\"rolloverHour\": 24}", "rolloverHour"), ("{\"fuzz\": 1}", "fuzz"),
        ("{\"learningSteps\": [\"10x\"]}", "learningSteps"),
        ("{\"learningSteps\": \"1m\"}", "learningSteps"), ("{\"timeZone\": \"Mars/Olympus\"}", "timeZone"),
        ("{\"leechAction\": \"delete\"}", "leechAction"), ("{\"parameters\": [1, 2]}", "parameters"),
        ("{\"burySiblings\": \"yes\"}", "burySiblings"),
    ])
    func invalidValueNamesTheKey(text: String, key: String) {
        #expect {
            try decode(text)
        } throws: { error in
            guard case .invalidValue(let path, let named, _) = error as? SettingsError else { return false }
            return path == "Progress/settings.json" && named == key
        }
    }

    @Test func parametersOutOfBoundsListEveryViolation() throws {
        var weights = SchedulerParameters.defaultWeights
        weights[4] = 50
        weights[20] = 0.9
        let text = "{\"parameters\": [\(weights.map { "\($0)" }.joined(separator: ", "))]}"
        #expect {
            try decode(text)
        } throws: { error in
            guard case .invalidValue(_, "parameters", let expected) = error as? SettingsError else { return false }
            return expected.contains("w4") && expected.contains("w20")
        }
    }

    @Test func unknownKeySuggestsTheNearestOne() {
        #expect(
            throws: SettingsError.unknownKey(
                path: "Progress/settings.json", key: "newCardPerDay", suggestion: "newCardsPerDay")
        ) {
            try decode("{\"newCardPerDay\": 10}")
        }
        #expect(throws: SettingsError.unknownKey(path: "Progress/settings.json", key: "colour", suggestion: nil)) {
            try decode("{\"colour\": 1}")
        }
    }

    @Test func brokenJSONNamesLineAndColumn() {
        #expect {
            try decode("{\n  \"newCardsPerDay\": 20,\n  \"reviewsPerDay\" 200\n}")
        } throws: { error in
            guard case .malformed(_, let line, _, _) = error as? SettingsError else { return false }
            return line == 3
        }
        #expect(throws: SettingsError.notAnObject(path: "Progress/settings.json")) { try decode("[1, 2]") }
    }

    @Test func newerSchemaIsRefused() {
        #expect(throws: SettingsError.newerSchema(path: "Progress/settings.json", found: 2, supported: 1)) {
            try decode("{\"schemaVersion\": 2}")
        }
    }

    @Test func stepDurations() {
        #expect(StepDuration.parse("10m") == 600)
        #expect(StepDuration.parse("1.5h") == 5400)
        #expect(StepDuration.parse("0m") == nil)
        #expect(StepDuration.parse("m") == nil)
        #expect(StepDuration.format(600) == "10m")
        #expect(StepDuration.format(86_400) == "1d")
        #expect(StepDuration.format(90) == "90s")
    }
}
