import Foundation

/// Reads and writes the replay JSON-lines format of `oracle.py` (see the fsrs README).
///
/// Input: one JSON object per line. A line with "reviews" is a card; a line without it is a
/// settings line whose keys become defaults for the cards after it. Output: one JSON line per
/// card with a result per review, field for field like `oracle.py`.
public enum ReplayCodec {
    /// The keys a settings line (or a card line) may set.
    public static let settingKeys = [
        "parameters", "desired_retention", "enable_fuzzing", "learning_steps", "relearning_steps",
        "maximum_interval", "seed",
    ]

    /// Decodes replay input into card inputs and line errors, in input order; blank lines skip.
    public static func decode(_ text: String) -> [Result<ReplayCardInput, ReplayError>] {
        var defaults: [String: JSONValue] = [:]
        var results: [Result<ReplayCardInput, ReplayError>] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, rawLine) in lines.enumerated() {
            let line = offset + 1
            let trimmed = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do throws(ReplayError) {
                let object = try parseObject(trimmed, line: line)
                if object["reviews"] == nil {
                    for key in settingKeys {
                        if let value = object[key] {
                            try checkSetting(key, value, line: line)
                            defaults[key] = value
                        }
                    }
                } else {
                    results.append(.success(try decodeCard(object, defaults: defaults, line: line)))
                }
            } catch {
                results.append(.failure(error))
            }
        }
        return results
    }

    /// Encodes a replayed card as one output line (without a newline).
    public static func encode(_ result: ReplayCardResult) -> String {
        let input = result.input
        let parameters = input.parameters
        let numericID = input.cardID.intValue ?? input.line
        let scheduler: JSONValue = .object([
            .init("parameters", .array(parameters.weights.map(JSONValue.double))),
            .init("desired_retention", .double(parameters.desiredRetention)),
            .init("learning_steps", .array(parameters.learningSteps.map { .int(Int($0)) })),
            .init("relearning_steps", .array(parameters.relearningSteps.map { .int(Int($0)) })),
            .init("maximum_interval", .int(parameters.maximumInterval)),
            .init("enable_fuzzing", .bool(parameters.enableFuzzing)),
        ])
        let results = result.entries.enumerated().map { index, entry in
            encode(entry, index: index, cardID: numericID, maximumInterval: parameters.maximumInterval)
        }
        return JSONValue.object([
            .init("card_id", input.cardID), .init("scheduler", scheduler),
            .init("results", .array(results)),
        ]).serialized
    }

    /// Encodes an input error as one output line, `{"line": n, "error": "..."}`.
    public static func encode(_ error: ReplayError) -> String {
        JSONValue.object([
            .init("line", .int(error.line)),
            .init("error", .string(error.errorDescription ?? "\(error)")),
        ]).serialized
    }

    private static func encode(
        _ entry: ReviewLogEntry, index: Int, cardID: Int, maximumInterval: Int
    ) -> JSONValue {
        let time = ISOTimestamp.format(entry.reviewedAt)
        let due = ISOTimestamp.format(entry.due)
        let fuzz: JSONValue =
            entry.fuzz.map { fuzz in
                // py-fsrs rounds random() * (max - min + 1) + min, so it can land one day past max.
                let pyFSRSMax = fuzz.applies ? min(fuzz.maxDays + 1, maximumInterval) : fuzz.unfuzzedDays
                return .object([
                    .init("enabled", .bool(fuzz.enabled)), .init("applies", .bool(fuzz.applies)),
                    .init("unfuzzed_days", .int(fuzz.unfuzzedDays)), .init("min_days", .int(fuzz.minDays)),
                    .init("max_days", .int(fuzz.maxDays)), .init("pyfsrs_max_days", .int(pyFSRSMax)),
                ])
            } ?? .null
        let card: JSONValue = .object([
            .init("card_id", .int(cardID)), .init("state", .int(entry.state.code)),
            .init("step", .optional(entry.step)), .init("stability", .double(entry.stability)),
            .init("difficulty", .double(entry.difficulty)), .init("due", .string(due)),
            .init("last_review", .string(time)),
        ])
        return .object([
            .init("i", .int(index)), .init("rating", .int(entry.rating.rawValue)),
            .init("time", .string(time)), .init("elapsed_days", .optional(entry.elapsedDays)),
            .init("elapsed_seconds", .optional(entry.elapsedSeconds)),
            .init("retrievability", .optional(entry.retrievability)),
            .init("state", .string(entry.state.name)), .init("state_code", .int(entry.state.code)),
            .init("step", .optional(entry.step)), .init("stability", .double(entry.stability)),
            .init("difficulty", .double(entry.difficulty)), .init("due", .string(due)),
            .init("interval_seconds", .double(entry.intervalSeconds)),
            .init("interval_days", .double(entry.intervalDays)), .init("fuzz", fuzz),
            .init("card", card),
        ])
    }

    // MARK: - Decoding

    private static func parseObject(_ text: String, line: Int) throws(ReplayError) -> JSONValue {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw .invalidJSON(line: line, column: error.column, detail: error.message)
        }
        guard case .object = value else { throw .notAnObject(line: line) }
        return value
    }

    private static let expectedType: [String: String] = [
        "parameters": "an array of 21 numbers or null",
        "desired_retention": "a number or null",
        "enable_fuzzing": "true, false or null",
        "learning_steps": "an array of numbers of seconds or null",
        "relearning_steps": "an array of numbers of seconds or null",
        "maximum_interval": "a whole number of days or null",
        "seed": "a whole number or null",
    ]

    private static func checkSetting(_ key: String, _ value: JSONValue, line: Int)
        throws(ReplayError)
    {
        let valid: Bool
        switch (key, value) {
        case (_, .null): valid = true
        case ("parameters", .array(let items)), ("learning_steps", .array(let items)),
            ("relearning_steps", .array(let items)):
            valid = items.allSatisfy { $0.doubleValue != nil }
        case ("desired_retention", .number): valid = value.doubleValue != nil
        case ("enable_fuzzing", .bool): valid = true
        case ("maximum_interval", .number), ("seed", .number): valid = value.intValue != nil
        default: valid = false
        }
        if !valid {
            throw .invalidSetting(line: line, key: key, expected: expectedType[key] ?? "valid")
        }
    }

    private static func decodeCard(_ object: JSONValue, defaults: [String: JSONValue], line: Int)
        throws(ReplayError) -> ReplayCardInput
    {
        var settings = defaults
        for key in settingKeys {
            if let value = object[key] {
                try checkSetting(key, value, line: line)
                settings[key] = value
            }
        }
        func numbers(_ key: String) -> [Double]? {
            guard case .array(let items)? = settings[key] else { return nil }
            return items.compactMap(\.doubleValue)
        }
        let parameters: SchedulerParameters
        do {
            parameters = try SchedulerParameters(
                weights: numbers("parameters") ?? SchedulerParameters.defaultWeights,
                desiredRetention: settings["desired_retention"]?.doubleValue ?? 0.9,
                learningSteps: numbers("learning_steps") ?? [60, 600],
                relearningSteps: numbers("relearning_steps") ?? [600],
                maximumInterval: settings["maximum_interval"]?.intValue ?? 36_500,
                // oracle.py replays without fuzz unless asked, unlike py-fsrs's own default.
                enableFuzzing: settings["enable_fuzzing"] == .bool(true))
        } catch {
            throw .invalidParameters(line: line, error)
        }
        let seed = settings["seed"]?.intValue.map { UInt64(bitPattern: Int64($0)) }

        guard case .array(let rawReviews)? = object["reviews"], !rawReviews.isEmpty else {
            throw .invalidReviews(line: line)
        }
        var reviews: [ReplayCardInput.Review] = []
        for (index, raw) in rawReviews.enumerated() {
            guard case .object = raw else { throw .invalidReview(line: line, review: index) }
            guard let ratingValue = raw["rating"]?.intValue, let rating = Rating(rawValue: ratingValue)
            else {
                throw .invalidRating(
                    line: line, review: index, found: raw["rating"]?.serialized ?? "missing")
            }
            guard case .string(let timeText)? = raw["time"], let time = ISOTimestamp.parse(timeText)
            else {
                throw .invalidTime(line: line, review: index, found: raw["time"]?.serialized ?? "missing")
            }
            if let previous = reviews.last, time < previous.time {
                throw .reviewsOutOfOrder(line: line, review: index)
            }
            reviews.append(ReplayCardInput.Review(rating: rating, time: time))
        }
        return ReplayCardInput(
            line: line, cardID: object["card_id"] ?? .int(line), parameters: parameters, seed: seed,
            reviews: reviews)
    }
}
