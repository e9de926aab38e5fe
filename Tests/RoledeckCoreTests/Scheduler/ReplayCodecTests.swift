import Foundation
import Testing

@testable import RoledeckCore

@Suite("Replay codec")
struct ReplayCodecTests {
    let review = #"{"rating": 3, "time": "2024-01-01T08:00:00Z"}"#

    func firstError(_ text: String) -> ReplayError? {
        for item in ReplayCodec.decode(text) {
            if case .failure(let error) = item { return error }
        }
        return nil
    }

    @Test("invalid JSON names the line and column")
    func invalidJSON() {
        let error = firstError("{\"desired_retention\": 0.9}\n\n{\"card_id\": 1, \"reviews\": [}")
        #expect(error == .invalidJSON(line: 3, column: 28, detail: "뜻밖의 문자"))
        #expect(error?.errorDescription == "3번째 줄 28번째 열: 올바른 JSON이 아닙니다: 뜻밖의 문자")
    }

    @Test("a line that is not an object")
    func notAnObject() {
        #expect(firstError("[1, 2]") == .notAnObject(line: 1))
    }

    @Test("a settings value of the wrong type names the key")
    func invalidSetting() {
        let error = firstError("{\"learning_steps\": \"1m\"}")
        #expect(
            error
                == .invalidSetting(
                    line: 1, key: "learning_steps", expected: "초 단위 수의 배열이나 null"))
        #expect(error?.errorDescription == "1번째 줄: \"learning_steps\"의 값은 초 단위 수의 배열이나 null이어야 합니다")
    }

    @Test("empty or missing reviews")
    func invalidReviews() {
        #expect(firstError("\n{\"card_id\": 1, \"reviews\": []}") == .invalidReviews(line: 2))
        #expect(firstError("{\"card_id\": 1, \"reviews\": 3}") == .invalidReviews(line: 1))
    }

    @Test("a review that is not an object")
    func invalidReview() {
        #expect(firstError("{\"reviews\": [\(review), 4]}") == .invalidReview(line: 1, review: 1))
    }

    @Test("a bad rating names the review and the value")
    func invalidRating() {
        let text = "{\"reviews\": [\(review), {\"rating\": 5, \"time\": \"2024-01-02T08:00:00Z\"}]}"
        let error = firstError(text)
        #expect(error == .invalidRating(line: 1, review: 1, found: "5"))
        #expect(
            error?.errorDescription
                == "1번째 줄: 2번째 복습의 rating이 5입니다. 1 다시, 2 어려움, 3 좋음, 4 쉬움 중 하나여야 합니다")
        #expect(
            firstError("{\"reviews\": [{\"time\": \"2024-01-02T08:00:00Z\"}]}")
                == .invalidRating(line: 1, review: 0, found: "missing"))
    }

    @Test("a bad time names the review and the value")
    func invalidTime() {
        let text = "{\"reviews\": [{\"rating\": 3, \"time\": \"2024-02-30T08:00:00Z\"}]}"
        #expect(firstError(text) == .invalidTime(line: 1, review: 0, found: "\"2024-02-30T08:00:00Z\""))
    }

    @Test("reviews out of order")
    func outOfOrder() {
        let text = "{\"reviews\": [{\"rating\": 3, \"time\": \"2024-01-02T08:00:00Z\"}, \(review)]}"
        #expect(firstError(text) == .reviewsOutOfOrder(line: 1, review: 1))
    }

    @Test("invalid parameters from a settings line are reported on the card line, all at once")
    func invalidParameters() {
        var weights = SchedulerParameters.defaultWeights.map { "\($0)" }
        weights[5] = "9.0"
        let text =
            "{\"parameters\": [\(weights.joined(separator: ", "))]}\n{\"desired_retention\": 1.5, \"reviews\": [\(review)]}"
        let error = firstError(text)
        #expect(error?.line == 2)
        guard case .invalidParameters(_, let parameters)? = error else {
            Issue.record("expected invalidParameters, got \(String(describing: error))")
            return
        }
        #expect(parameters.problems.count == 2)
        #expect(error?.errorDescription?.contains("매개변수 w5 = 9.0: 범위 [0.001, 4.0] 밖입니다") == true)
    }

    @Test("settings lines set defaults; a card's own keys win; blank lines are skipped")
    func settingsDefaults() throws {
        let text = """
            {"desired_retention": 0.85, "learning_steps": [120], "enable_fuzzing": true, "seed": 3}

            {"card_id": "a", "reviews": [\(review)]}
            {"card_id": 2, "desired_retention": 0.95, "enable_fuzzing": null, "reviews": [\(review)]}
            {"reviews": [{"rating": 1, "time": "2024-01-01T08:00:00"}]}
            """
        let inputs = try ReplayCodec.decode(text).map { try $0.get() }
        #expect(inputs.count == 3)
        #expect(inputs[0].cardID == .string("a") && inputs[0].line == 3)
        #expect(inputs[0].parameters.desiredRetention == 0.85)
        #expect(inputs[0].parameters.learningSteps == [120])
        #expect(inputs[0].parameters.enableFuzzing && inputs[0].seed == 3)
        #expect(inputs[1].parameters.desiredRetention == 0.95 && !inputs[1].parameters.enableFuzzing)
        #expect(inputs[2].cardID == .int(5))
        #expect(inputs[2].reviews[0].time == TestClock.date("2024-01-01T08:00:00Z"))
    }

    @Test("run() keeps going after an error and reports every bad line")
    func runReportsErrors() throws {
        let text = "{\"reviews\": []}\n{\"card_id\": 7, \"reviews\": [\(review)]}\nnot json"
        let (lines, errors) = Replay.run(text)
        #expect(errors.map(\.line) == [1, 3])
        #expect(lines.count == 3)
        #expect(try JSONValue.parse(lines[0])["error"] == .string("1번째 줄: \"reviews\"는 비어 있지 않은 배열이어야 합니다"))
        let card = try JSONValue.parse(lines[1])
        #expect(card["card_id"] == .int(7))
    }

    @Test("a line of roledeck's own review log is named, not taken for a settings line")
    func aProgressLogLineIsNoReplayInput() throws {
        let line = LogRecord.event(.suspend, cardID: "cloze/데이터-엔지니어/정제", at: TestClock.date("2024-01-01T08:00:00Z"))
        let text = String(decoding: ReviewLogFile.encodeLine(line), as: UTF8.self) + #"{"desired_retention": 0.9}"#
        let (lines, errors) = Replay.run(text)
        #expect(errors == [.progressLogLine(line: 1)])
        #expect(errors[0].isProgressLogLine)
        // Nothing from that line on is replayed or written, line by line or a batch at a time.
        #expect(lines.isEmpty)
        let card = Array(#"{"card_id": 1, "reviews": [{"rating": 3, "time": "2024-01-01T08:00:00Z"}]}"#.utf8)
        var stream = Replay.Stream()
        stream.process(
            [card, Array(ReviewLogFile.encodeLine(line).dropLast()), Array("{}".utf8), card], firstNumber: 1)
        let output = String(decoding: stream.drain(), as: UTF8.self)
        #expect(stream.errors == [.progressLogLine(line: 2)] && stream.readsProgressLog)
        #expect(output.split(separator: "\n").count == 1 && output.contains("\"card_id\": 1"))
        stream.process([card], firstNumber: 5)
        #expect(stream.drain().isEmpty)
    }

    /// The one-pass reading of card lines (and of each review in the usual spelling) gives what reading
    /// every line key by key gives, for seeded lines: the usual spelling, keys in the other order, other
    /// spacing, escapes, ratings out of range, times out of order or malformed, extra keys, settings lines.
    @Test("card lines read in one pass read as key by key")
    func onePassReadsAsKeyByKey() {
        var rng = SeededGenerator(seed: 31)
        let times = [
            "2025-03-08T18:00:00+00:00", "2025-03-08T18:50:01.369000+00:00", "2025-03-10T18:00:00Z",
            "2025-03-20T18:00:00.5+00:00", "2025-04-31T18:00:00+00:00", "2025-05-01 18:00:00",
            "2025-05-02T18:00:00+09:00",
            "2025-05-03T18:00:00\\u002B00:00", "yesterday", "",
        ]
        func review() -> String {
            // Mostly well formed, so that many lines are cards.
            let rating =
                Int.random(in: 0..<20, using: &rng) == 0
                ? [0, 5, 33][Int.random(in: 0..<3, using: &rng)] : Int.random(in: 1...4, using: &rng)
            let time =
                Int.random(in: 0..<20, using: &rng) == 0
                ? times[Int.random(in: 4..<times.count, using: &rng)] : times[Int.random(in: 0..<4, using: &rng)]
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: return #"{"time": "\#(time)", "rating": \#(rating)}"#
            case 1: return #"{ "rating" : \#(rating) , "time" : "\#(time)" }"#
            case 2: return #"{"rating": \#(rating), "time": "\#(time)", "note": 1}"#
            case 3: return #"{"rating": "\#(rating)", "time": "\#(time)"}"#
            default: return #"{"rating": \#(rating), "time": "\#(time)"}"#
            }
        }
        var lines: [String] = []
        for number in 0..<3000 {
            let reviews = (0..<Int.random(in: 0...6, using: &rng)).map { _ in review() }.joined(
                separator: [", ", ",", " , "][Int.random(in: 0..<3, using: &rng)])
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: lines.append(#"{"desired_retention": 0.8\#(number % 2 == 0 ? ", \"enable_fuzzing\": true" : "")}"#)
            case 1: lines.append(#"{"reviews": [\#(reviews)], "card_id": "c\#(number)"}"#)
            case 2: lines.append(#"{"card_id": \#(number), "reviews": [\#(reviews)], "maximum_interval": 100}"#)
            default: lines.append(#"{"card_id": \#(number), "reviews": [\#(reviews)]}"#)
            }
        }
        var onePass = ReplayCodec.LineDecoder()
        var keyByKey = ReplayCodec.LineDecoder()
        var cards = 0
        for (index, line) in lines.enumerated() {
            var bytes = Array(line.utf8)
            bytes.withUnsafeMutableBufferPointer { buffer in
                let read = onePass.decode(UnsafeBufferPointer(buffer), line: index + 1)
                #expect(read == keyByKey.decodeThoroughly(UnsafeBufferPointer(buffer), line: index + 1), "\(line)")
                if case .success = read { cards += 1 }
            }
        }
        #expect(cards > 500)
    }
}
