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
        var decoder = LineDecoder()
        var results: [Result<ReplayCardInput, ReplayError>] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var bytes = Array(line.utf8)
            let result = bytes.withUnsafeMutableBufferPointer {
                decoder.decode(UnsafeBufferPointer($0), line: offset + 1)
            }
            if let result { results.append(result) }
        }
        return results
    }

    /// Reads replay input a line at a time, keeping the settings lines' defaults for the cards after them.
    ///
    /// The usual card line (`card_id` and well-formed `reviews`, no settings of its own) is read in one
    /// pass over its bytes with `JSONCursor`; anything else — settings, errors, unusual spellings — is
    /// parsed into a `JSONValue` and checked key by key, which names what is wrong.
    public struct LineDecoder: Sendable {
        private var defaults: [String: JSONValue] = [:]
        /// The parameters and seed the current defaults give, once worked out.
        private var resolved: Result<(SchedulerParameters, UInt64?), ParametersError>?
        /// How many settings lines were read (whether or not their settings held): the cards after a
        /// settings line depend on it, which is what a stream replaying pieces side by side checks.
        public private(set) var settingsLines = 0

        /// A decoder with no settings yet.
        public init() {}

        /// The card on line `line`, or its error; nil for a blank or settings line (whose keys become defaults).
        public mutating func decode(
            _ bytes: UnsafeBufferPointer<UInt8>, line: Int
        ) -> Result<ReplayCardInput, ReplayError>? {
            // A blank line is no card for the one-pass reading either; the thorough one skips it.
            quickCard(bytes, line: line) ?? decodeThoroughly(bytes, line: line)
        }

        /// `decode` without the one-pass reading of the usual card line: every line parsed and checked key
        /// by key (what the one-pass reading must agree with wherever it answers).
        mutating func decodeThoroughly(
            _ bytes: UnsafeBufferPointer<UInt8>, line: Int
        ) -> Result<ReplayCardInput, ReplayError>? {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) { return nil }
            do throws(ReplayError) {
                let object = try parseObject(bytes, line: line)
                if object["reviews"] == nil {
                    // A line of roledeck's own review log would otherwise pass for a settings line with no settings.
                    if object["kind"] != nil, object["card"] != nil, !settingKeys.contains(where: { object[$0] != nil })
                    {
                        throw .progressLogLine(line: line)
                    }
                    settingsLines += 1
                    for key in settingKeys {
                        if let value = object[key] {
                            try checkSetting(key, value, line: line)
                            defaults[key] = value
                            resolved = nil
                        }
                    }
                    return nil
                }
                return .success(try decodeCard(object, defaults: defaults, line: line))
            } catch {
                return .failure(error)
            }
        }

        /// A well-formed card line without settings of its own, read straight from its bytes; nil
        /// for anything else, which the thorough path reads (and reports).
        private mutating func quickCard(
            _ bytes: UnsafeBufferPointer<UInt8>, line: Int
        ) -> Result<ReplayCardInput, ReplayError>? {
            var cursor = JSONCursor(bytes)
            var cardID: JSONValue?
            var reviews: [ReplayCardInput.Review] = []
            var sawReviews = false
            do throws(JSONCursor.Mismatch) {
                try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
                    if key.is("reviews") {
                        sawReviews = true
                        reviews.removeAll()
                        try cursor.array { cursor throws(JSONCursor.Mismatch) in
                            reviews.append(try Self.quickReview(&cursor, after: reviews.last?.time))
                        }
                        // No reviews at all is an error the thorough path names.
                        guard !reviews.isEmpty else { throw JSONCursor.Mismatch() }
                    } else if key.is("card_id") {
                        do throws(JSONSyntaxError) {
                            cardID = try cursor.value()
                        } catch {
                            throw JSONCursor.Mismatch()
                        }
                    } else {
                        // A setting of the card's own, or a key to skip: the thorough path decides.
                        throw JSONCursor.Mismatch()
                    }
                }
                guard cursor.atEnd, sawReviews else { return nil }
            } catch {
                return nil
            }
            let parameters: (SchedulerParameters, UInt64?)
            switch currentParameters(line: line) {
            case .success(let value): parameters = value
            case .failure: return nil
            }
            return .success(
                ReplayCardInput(
                    line: line, cardID: cardID ?? .int(line), parameters: parameters.0, seed: parameters.1,
                    reviews: reviews))
        }

        /// `{"rating": 1…4, "time": "…"}` in either order, no earlier than `after`; anything else is a mismatch.
        private static func quickReview(
            _ cursor: inout JSONCursor, after previous: Date?
        ) throws(JSONCursor.Mismatch) -> ReplayCardInput.Review {
            if let review = usualReview(&cursor) {
                guard previous.map({ review.time >= $0 }) ?? true else { throw JSONCursor.Mismatch() }
                return review
            }
            var rating: Rating?
            var time: Date?
            try cursor.object { cursor, key throws(JSONCursor.Mismatch) in
                if key.is("rating") {
                    guard let value = Rating(rawValue: try cursor.int()) else { throw JSONCursor.Mismatch() }
                    rating = value
                } else if key.is("time") {
                    let range = try cursor.stringBytes()
                    guard let date = ISOTimestamp.parse(bytes: UnsafeBufferPointer(rebasing: cursor.bytes[range]))
                    else {
                        throw JSONCursor.Mismatch()
                    }
                    time = date
                } else {
                    try cursor.skipValue()
                }
            }
            guard let rating, let time, previous.map({ time >= $0 }) ?? true else { throw JSONCursor.Mismatch() }
            return ReplayCardInput.Review(rating: rating, time: time)
        }

        /// A review written exactly as py-fsrs users' files and `json.dumps` write it,
        /// `{"rating": 3, "time": "…"}`, read at fixed places; nil (the cursor where it was) for any other
        /// spelling, which `quickReview` reads key by key.
        private static func usualReview(_ cursor: inout JSONCursor) -> ReplayCardInput.Review? {
            let head: StaticString = #"{"rating": "#
            let middle: StaticString = #", "time": ""#
            cursor.skipSpace()
            guard let base = cursor.bytes.baseAddress else { return nil }
            let count = cursor.bytes.count
            let start = cursor.index
            let ratingAt = start + head.utf8CodeUnitCount
            let timeAt = ratingAt + 1 + middle.utf8CodeUnitCount
            /// Whether the bytes from `offset` (within the line) are `text`'s.
            func spells(_ text: StaticString, at offset: Int) -> Bool {
                let expected = text.utf8Start
                for index in 0..<text.utf8CodeUnitCount where base[offset + index] != expected[index] { return false }
                return true
            }
            guard timeAt < count, spells(head, at: start), spells(middle, at: ratingAt + 1),
                let rating = Rating(rawValue: Int(base[ratingAt]) &- 0x30)
            else { return nil }
            // The time runs to the next quote; one with a backslash is left to the key-by-key reading.
            var end = timeAt
            while end < count, base[end] != UInt8(ascii: "\""), base[end] != UInt8(ascii: "\\") { end += 1 }
            guard end + 1 < count, base[end] == UInt8(ascii: "\""), base[end + 1] == UInt8(ascii: "}"),
                let time = ISOTimestamp.parse(bytes: UnsafeBufferPointer(start: base + timeAt, count: end - timeAt))
            else { return nil }
            cursor.index = end + 2
            return ReplayCardInput.Review(rating: rating, time: time)
        }

        /// The parameters and seed of a card without settings of its own, worked out once per set of defaults.
        private mutating func currentParameters(line: Int) -> Result<(SchedulerParameters, UInt64?), ParametersError> {
            if let resolved { return resolved }
            let result = Result { () throws(ParametersError) in try ReplayCodec.parameters(defaults) }
            resolved = result
            return result
        }
    }

    /// Encodes a replayed card as one output line (without a newline).
    public static func encode(_ result: ReplayCardResult) -> String {
        var writer = JSONWriter(pythonStyleCapacity: 1024)
        encode(result, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Encodes an input error as one output line, `{"line": n, "error": "..."}`.
    public static func encode(_ error: ReplayError) -> String {
        var writer = JSONWriter(pythonStyleCapacity: 128)
        encode(error, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Appends a replayed card's line to `writer`, field for field as `oracle.py` writes it.
    static func encode(_ result: ReplayCardResult, into writer: inout JSONWriter) {
        var scheduler = SchedulerText()
        encode(result, into: &writer, scheduler: &scheduler)
    }

    /// The `"scheduler"` object of the last parameters written, kept as bytes: every card of a file
    /// usually shares it, and its 22 numbers are the slowest part of a line to write.
    struct SchedulerText: Sendable {
        var parameters: SchedulerParameters?
        var bytes: [UInt8] = []
    }

    static func encode(_ result: ReplayCardResult, into writer: inout JSONWriter, scheduler: inout SchedulerText) {
        let input = result.input
        let parameters = input.parameters
        let numericID = input.cardID.intValue ?? input.line
        if scheduler.parameters != parameters {
            var text = JSONWriter(pythonStyleCapacity: 512)
            text.openObject()
            text.key("parameters")
            text.openArray()
            for weight in parameters.weights {
                text.element()
                text.pythonDouble(weight)
            }
            text.closeArray()
            text.key("desired_retention")
            text.pythonDouble(parameters.desiredRetention)
            for (key, steps) in [
                ("learning_steps", parameters.learningSteps), ("relearning_steps", parameters.relearningSteps),
            ] {
                text.key(text: key)
                text.openArray()
                for step in steps {
                    text.element()
                    text.int(Int(step))
                }
                text.closeArray()
            }
            text.key("maximum_interval")
            text.int(parameters.maximumInterval)
            text.key("enable_fuzzing")
            text.bool(parameters.enableFuzzing)
            text.closeObject()
            scheduler = SchedulerText(parameters: parameters, bytes: text.bytes)
        }
        writer.openObject()
        writer.key("card_id")
        writer.value(input.cardID)
        writer.key("scheduler")
        writer.raw(scheduler.bytes)
        writer.key("results")
        writer.openArray()
        for (index, entry) in result.entries.enumerated() {
            writer.element()
            encode(entry, index: index, cardID: numericID, maximumInterval: parameters.maximumInterval, into: &writer)
        }
        writer.closeArray()
        writer.closeObject()
    }

    /// Appends an input error's line, `{"line": n, "error": "..."}`.
    static func encode(_ error: ReplayError, into writer: inout JSONWriter) {
        writer.openObject()
        writer.key("line")
        writer.int(error.line)
        writer.key("error")
        writer.string(error.errorDescription ?? "\(error)")
        writer.closeObject()
    }

    /// One review's result. Its layout never varies, so the punctuation and keys between two values
    /// go out as one fragment each.
    private static func encode(
        _ entry: ReviewLogEntry, index: Int, cardID: Int, maximumInterval: Int, into writer: inout JSONWriter
    ) {
        writer.fragment("{\"i\": ")
        writer.int(index)
        writer.fragment(", \"rating\": ")
        writer.int(entry.rating.rawValue)
        writer.fragment(", \"time\": ")
        let time = writer.count
        writer.date(entry.reviewedAt)
        let timeEnd = writer.count
        writer.fragment(", \"elapsed_days\": ")
        writer.int(entry.elapsedDays)
        writer.fragment(", \"elapsed_seconds\": ")
        writer.pythonSeconds(entry.elapsedSeconds)
        writer.fragment(", \"retrievability\": ")
        writer.pythonDouble(entry.retrievability)
        writer.fragment(", \"state\": ")
        writer.plainString(entry.state.staticName)
        writer.fragment(", \"state_code\": ")
        writer.int(entry.state.code)
        writer.fragment(", \"step\": ")
        writer.int(entry.step)
        writer.fragment(", \"stability\": ")
        let stability = writer.count
        writer.pythonDouble(entry.stability)
        let difficulty = writer.count
        writer.fragment(", \"difficulty\": ")
        writer.pythonDouble(entry.difficulty)
        let difficultyEnd = writer.count
        writer.fragment(", \"due\": ")
        let due = writer.count
        writer.date(entry.due)
        let dueEnd = writer.count
        writer.fragment(", \"interval_seconds\": ")
        writer.pythonDouble(entry.intervalSeconds)
        writer.fragment(", \"interval_days\": ")
        writer.pythonDouble(entry.intervalDays)
        writer.fragment(", \"fuzz\": ")
        if let fuzz = entry.fuzz {
            // py-fsrs rounds random() * (max - min + 1) + min, so it can land one day past max.
            let pyFSRSMax = fuzz.applies ? min(fuzz.maxDays + 1, maximumInterval) : fuzz.unfuzzedDays
            writer.fragment("{\"enabled\": ")
            writer.bool(fuzz.enabled)
            writer.fragment(", \"applies\": ")
            writer.bool(fuzz.applies)
            writer.fragment(", \"unfuzzed_days\": ")
            writer.int(fuzz.unfuzzedDays)
            writer.fragment(", \"min_days\": ")
            writer.int(fuzz.minDays)
            writer.fragment(", \"max_days\": ")
            writer.int(fuzz.maxDays)
            writer.fragment(", \"pyfsrs_max_days\": ")
            writer.int(pyFSRSMax)
            writer.fragment("}")
        } else {
            writer.null()
        }
        writer.fragment(", \"card\": {\"card_id\": ")
        writer.int(cardID)
        writer.fragment(", \"state\": ")
        writer.int(entry.state.code)
        writer.fragment(", \"step\": ")
        writer.int(entry.step)
        // The same stability and difficulty as above, and the text written for them then.
        writer.fragment(", \"stability\": ")
        writer.repeatBytes(from: stability, to: difficulty)
        writer.repeatBytes(from: difficulty, to: difficultyEnd)
        writer.fragment(", \"due\": ")
        writer.repeatBytes(from: due, to: dueEnd)
        writer.fragment(", \"last_review\": ")
        writer.repeatBytes(from: time, to: timeEnd)
        writer.fragment("}}")
    }

    // MARK: - Decoding

    private static func parseObject(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws(ReplayError) -> JSONValue {
        // Surrounding spaces are not part of the value (columns count from the line's first byte).
        var start = 0
        while start < bytes.count, [0x20, 0x09].contains(bytes[start]) { start += 1 }
        var end = bytes.count
        while end > start, [0x20, 0x09, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        let value: JSONValue
        do {
            value = try JSONCursor.document(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        } catch {
            throw .invalidJSON(line: line, column: error.column, detail: error.message)
        }
        guard case .object = value else { throw .notAnObject(line: line) }
        return value
    }

    private static let expectedType: [String: String] = [
        "parameters": "수 21개의 배열이나 null",
        "desired_retention": "수나 null",
        "enable_fuzzing": "true, false, null 중 하나",
        "learning_steps": "초 단위 수의 배열이나 null",
        "relearning_steps": "초 단위 수의 배열이나 null",
        "maximum_interval": "정수 일수나 null",
        "seed": "정수나 null",
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
            throw .invalidSetting(line: line, key: key, expected: expectedType[key] ?? "올바른 값")
        }
    }

    /// The scheduler parameters and fuzz seed that checked settings give; oracle.py's defaults fill the gaps.
    static func parameters(_ settings: [String: JSONValue]) throws(ParametersError) -> (SchedulerParameters, UInt64?) {
        func numbers(_ key: String) -> [Double]? {
            guard case .array(let items)? = settings[key] else { return nil }
            return items.compactMap(\.doubleValue)
        }
        let parameters = try SchedulerParameters(
            weights: numbers("parameters") ?? SchedulerParameters.defaultWeights,
            desiredRetention: settings["desired_retention"]?.doubleValue ?? 0.9,
            learningSteps: numbers("learning_steps") ?? [60, 600],
            relearningSteps: numbers("relearning_steps") ?? [600],
            maximumInterval: settings["maximum_interval"]?.intValue ?? 36_500,
            // oracle.py replays without fuzz unless asked, unlike py-fsrs's own default.
            enableFuzzing: settings["enable_fuzzing"] == .bool(true))
        let seed = settings["seed"]?.intValue.map { UInt64(bitPattern: Int64($0)) }
        return (parameters, seed)
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
        let resolved: (parameters: SchedulerParameters, seed: UInt64?)
        do {
            resolved = try parameters(settings)
        } catch {
            throw .invalidParameters(line: line, error)
        }
        let parameters = resolved.parameters
        let seed = resolved.seed

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
