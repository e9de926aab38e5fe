import Foundation

/// The settings JSON format: decoding with an error per key, and encoding every setting with its value.
public enum SettingsFile {
    /// The keys a settings file may hold.
    public static let keys = [
        "schemaVersion", "desiredRetention", "newCardsPerDay", "reviewsPerDay", "rolloverHour", "timeZone",
        "learningSteps", "relearningSteps", "maximumIntervalDays", "fuzz", "parameters", "learnAheadMinutes",
        "burySiblings", "leechThreshold", "leechAction", "previousParameters", "checkpointAnswers",
        "checkpointSeconds", "extraDay", "extraNewCards", "extraReviews",
    ]

    /// Decodes settings; keys left out keep their defaults. `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws(SettingsError) -> StudySettings {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let (line, column, reason) = JSONErrorLocation.locate(error, in: data)
            throw .malformed(path: path, line: line, column: column, reason: reason)
        }
        guard let json = object as? [String: Any] else { throw .notAnObject(path: path) }
        let reader = Reader(json: json, path: path)
        try reader.checkKeys()
        if let version = try reader.int("schemaVersion", in: 0...Int.max), version > StudySettings.currentSchemaVersion
        {
            throw .newerSchema(path: path, found: version, supported: StudySettings.currentSchemaVersion)
        }
        let defaults = StudySettings()
        let base = defaults.parameters
        let retention = try reader.double("desiredRetention", expected: "0.7에서 0.99 사이의 수") {
            (0.7...0.99).contains($0)
        }
        let learning = try reader.steps("learningSteps") ?? base.learningSteps
        let relearning = try reader.steps("relearningSteps") ?? base.relearningSteps
        let maximum = try reader.int("maximumIntervalDays", in: 1...36_500) ?? base.maximumInterval
        let fuzz = try reader.bool("fuzz") ?? base.enableFuzzing
        let weights = try reader.weights("parameters") ?? base.weights
        let previous = try reader.weights("previousParameters")
        if let previous, case let problems = SchedulerParameters.weightViolations(previous), !problems.isEmpty {
            throw .invalidValue(
                path: path, key: "previousParameters",
                expected: "FSRS-6의 범위 안의 수 (\(problems.compactMap(\.errorDescription).joined(separator: "; ")))")
        }
        let parameters: SchedulerParameters
        do {
            parameters = try SchedulerParameters(
                weights: weights, desiredRetention: retention ?? base.desiredRetention, learningSteps: learning,
                relearningSteps: relearning, maximumInterval: maximum, enableFuzzing: fuzz)
        } catch {
            throw .invalidValue(
                path: path, key: "parameters",
                expected:
                    "FSRS-6의 범위 안의 수 (\(error.problems.compactMap(\.errorDescription).joined(separator: "; ")))")
        }
        let limits = QueueLimits(
            newPerDay: try reader.int("newCardsPerDay", in: 0...9999) ?? defaults.limits.newPerDay,
            reviewsPerDay: try reader.int("reviewsPerDay", in: 0...99_999) ?? defaults.limits.reviewsPerDay,
            learnAheadSeconds: (try reader.double("learnAheadMinutes", expected: "0부터 1440까지의 분") {
                (0...1440).contains($0)
            }).map { $0 * 60 } ?? defaults.limits.learnAheadSeconds)
        var timeZone: TimeZone?
        if let name = try reader.string("timeZone") {
            guard let zone = TimeZone(identifier: name) else {
                throw .invalidValue(path: path, key: "timeZone", expected: "\"Asia/Seoul\" 같은 시간대 이름")
            }
            timeZone = zone
        }
        var action = defaults.leechAction
        if let name = try reader.string("leechAction") {
            guard let parsed = StudySettings.LeechAction(rawValue: name) else {
                throw .invalidValue(path: path, key: "leechAction", expected: "\"tag\"나 \"suspend\" 중 하나")
            }
            action = parsed
        }
        var extra: StudySettings.ExtraLimits?
        if let label = try reader.string("extraDay") {
            guard let day = DayCounter.day(ofLabel: label) else {
                throw .invalidValue(path: path, key: "extraDay", expected: "\"2026-12-01\" 같은 날짜")
            }
            extra = StudySettings.ExtraLimits(
                day: day, newCards: try reader.int("extraNewCards", in: 0...9999) ?? 0,
                reviews: try reader.int("extraReviews", in: 0...99_999) ?? 0)
        }
        var settings = StudySettings(
            parameters: parameters, limits: limits,
            rolloverHour: try reader.int("rolloverHour", in: 0...23) ?? defaults.rolloverHour, timeZone: timeZone,
            burySiblings: try reader.bool("burySiblings") ?? defaults.burySiblings,
            leechThreshold: try reader.int("leechThreshold", in: 1...99) ?? defaults.leechThreshold,
            leechAction: action, previousWeights: previous,
            checkpoint: CheckpointPolicy(
                everyAnswers: try reader.int("checkpointAnswers", in: 1...100_000) ?? defaults.checkpoint.everyAnswers,
                everySeconds: try reader.double(
                    "checkpointSeconds", expected: "1부터 86400까지의 초",
                    valid: { (1...86_400).contains($0) })
                    ?? defaults.checkpoint.everySeconds))
        settings.extra = extra
        return settings
    }

    /// Every setting with its value, pretty-printed with sorted keys.
    public static func encode(_ settings: StudySettings) -> Data {
        var json: [String: Any] = [
            "schemaVersion": StudySettings.currentSchemaVersion,
            "desiredRetention": settings.parameters.desiredRetention,
            "newCardsPerDay": settings.limits.newPerDay,
            "reviewsPerDay": settings.limits.reviewsPerDay,
            "rolloverHour": settings.rolloverHour,
            "learningSteps": settings.parameters.learningSteps.map(StepDuration.format),
            "relearningSteps": settings.parameters.relearningSteps.map(StepDuration.format),
            "maximumIntervalDays": settings.parameters.maximumInterval,
            "fuzz": settings.parameters.enableFuzzing,
            "parameters": settings.parameters.weights,
            "learnAheadMinutes": settings.limits.learnAheadSeconds / 60,
            "burySiblings": settings.burySiblings,
            "leechThreshold": settings.leechThreshold,
            "leechAction": settings.leechAction.rawValue,
            "checkpointAnswers": settings.checkpoint.everyAnswers,
            "checkpointSeconds": settings.checkpoint.everySeconds,
        ]
        if let zone = settings.timeZone { json["timeZone"] = zone.identifier }
        if let previous = settings.previousWeights { json["previousParameters"] = previous }
        if let extra = settings.extra {
            json["extraDay"] = DayCounter.label(ofDay: extra.day)
            json["extraNewCards"] = extra.newCards
            json["extraReviews"] = extra.reviews
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return data + Data("\n".utf8)
    }

    /// Reads typed values out of the decoded object, naming the key in every error.
    struct Reader {
        let json: [String: Any]
        let path: String

        func checkKeys() throws(SettingsError) {
            for key in json.keys.sorted() where !SettingsFile.keys.contains(key) {
                throw .unknownKey(
                    path: path, key: key, suggestion: NameMatcher<String>.nearest(to: key, among: SettingsFile.keys))
            }
        }

        func int(_ key: String, in range: ClosedRange<Int>) throws(SettingsError) -> Int? {
            guard let value = json[key] else { return nil }
            guard let number = value as? NSNumber, !isBool(number), let int = Int(exactly: number.doubleValue),
                range.contains(int)
            else {
                let upper = range.upperBound == Int.max ? "이상" : "부터 \(range.upperBound)까지"
                throw .invalidValue(path: path, key: key, expected: "\(range.lowerBound)\(upper)의 정수")
            }
            return int
        }

        func double(_ key: String, expected: String, valid: (Double) -> Bool) throws(SettingsError) -> Double? {
            guard let value = json[key] else { return nil }
            guard let number = value as? NSNumber, !isBool(number), valid(number.doubleValue) else {
                throw .invalidValue(path: path, key: key, expected: expected)
            }
            return number.doubleValue
        }

        func bool(_ key: String) throws(SettingsError) -> Bool? {
            guard let value = json[key] else { return nil }
            guard let number = value as? NSNumber, isBool(number) else {
                throw .invalidValue(path: path, key: key, expected: "true나 false 중 하나")
            }
            return number.boolValue
        }

        func string(_ key: String) throws(SettingsError) -> String? {
            guard let value = json[key] else { return nil }
            guard let text = value as? String else { throw .invalidValue(path: path, key: key, expected: "문자열") }
            return text.nfc
        }

        func steps(_ key: String) throws(SettingsError) -> [TimeInterval]? {
            guard let value = json[key] else { return nil }
            let expected = "[\"1m\", \"10m\"] 같은 시간의 목록 (s·m·h·d, 36500d까지)"
            guard let list = value as? [Any] else { throw .invalidValue(path: path, key: key, expected: expected) }
            var steps: [TimeInterval] = []
            for item in list {
                guard let text = item as? String, let seconds = StepDuration.parse(text) else {
                    throw .invalidValue(path: path, key: key, expected: expected)
                }
                steps.append(seconds)
            }
            return steps
        }

        func weights(_ key: String) throws(SettingsError) -> [Double]? {
            guard let value = json[key] else { return nil }
            guard let list = value as? [Any], list.count == 21,
                let numbers = list as? [NSNumber], !numbers.contains(where: isBool)
            else {
                throw .invalidValue(path: path, key: key, expected: "수 21개의 목록 (FSRS-6 매개변수 w0…w20)")
            }
            return numbers.map(\.doubleValue)
        }

        func isBool(_ number: NSNumber) -> Bool {
            // JSONSerialization gives booleans as NSNumber too; tell them apart by their Objective-C type.
            String(cString: number.objCType) == "c" || type(of: number) == type(of: NSNumber(value: true))
        }
    }
}

/// Durations of learning steps as Anki writes them: `30s`, `1m`, `10m`, `1h`, `1d`.
public enum StepDuration {
    /// Seconds for a duration such as `10m`; nil when it is not one, not positive or longer than
    /// `SchedulerParameters.longestStep`.
    public static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingSpaces.lowercased()
        guard let unit = trimmed.last, let number = Double(trimmed.dropLast()), number > 0, number.isFinite else {
            return nil
        }
        let seconds: TimeInterval
        switch unit {
        case "s": seconds = number
        case "m": seconds = number * 60
        case "h": seconds = number * 3600
        case "d": seconds = number * 86_400
        default: return nil
        }
        return seconds <= SchedulerParameters.longestStep ? seconds : nil
    }

    /// The shortest way to write the duration (`600` seconds is `10m`).
    public static func format(_ seconds: TimeInterval) -> String {
        for (unit, size) in [("d", 86_400.0), ("h", 3600.0), ("m", 60.0)] where seconds >= size {
            let value = seconds / size
            if value == value.rounded() { return "\(Int(value))\(unit)" }
        }
        return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }
}
