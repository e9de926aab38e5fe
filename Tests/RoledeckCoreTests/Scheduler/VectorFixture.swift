import Foundation
import Testing

@testable import RoledeckCore

/// A py-fsrs test-vector file written by `oracle.py --gen`.
struct VectorFile: Decodable {
    let cards: [VectorCard]

    static func load(_ name: String) throws -> VectorFile {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
            "fixture \(name).json is missing")
        return try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: url))
    }
}

struct VectorCard: Decodable {
    let input: VectorInput
    let expected: VectorExpected
}

/// The replay input of one card, re-encoded as a JSON line to go through `ReplayCodec`.
struct VectorInput: Codable {
    struct Review: Codable {
        let rating: Int
        let time: String
    }

    let cardID: Int64
    let reviews: [Review]
    let parameters: [Double]?
    let desiredRetention: Double?
    let enableFuzzing: Bool?
    let learningSteps: [Double]?
    let relearningSteps: [Double]?
    let maximumInterval: Int?
    let seed: Int64?

    enum CodingKeys: String, CodingKey {
        case cardID = "card_id"
        case reviews, parameters, seed
        case desiredRetention = "desired_retention"
        case enableFuzzing = "enable_fuzzing"
        case learningSteps = "learning_steps"
        case relearningSteps = "relearning_steps"
        case maximumInterval = "maximum_interval"
    }

    func jsonLine() throws -> String {
        String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }
}

struct VectorExpected: Decodable {
    let results: [VectorResult]
}

struct VectorResult: Decodable {
    struct Fuzz: Decodable {
        let enabled: Bool
        let applies: Bool
        let unfuzzedDays: Int
        let minDays: Int
        let maxDays: Int
        let pyfsrsMaxDays: Int

        enum CodingKeys: String, CodingKey {
            case enabled, applies
            case unfuzzedDays = "unfuzzed_days"
            case minDays = "min_days"
            case maxDays = "max_days"
            case pyfsrsMaxDays = "pyfsrs_max_days"
        }
    }

    let i: Int
    let rating: Int
    let time: String
    let elapsedDays: Int?
    let elapsedSeconds: Double?
    let retrievability: Double?
    let state: String
    let step: Int?
    let stability: Double
    let difficulty: Double
    let due: String
    let intervalSeconds: Double
    let intervalDays: Double
    let fuzz: Fuzz?

    enum CodingKeys: String, CodingKey {
        case i, rating, time, retrievability, state, step, stability, difficulty, due, fuzz
        case elapsedDays = "elapsed_days"
        case elapsedSeconds = "elapsed_seconds"
        case intervalSeconds = "interval_seconds"
        case intervalDays = "interval_days"
    }
}

/// Python's `math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)`, the oracle's own comparison.
func isClose(_ a: Double?, _ b: Double?, relative: Double = 1e-9) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= max(relative * max(abs(a), abs(b)), 1e-12)
}

/// Fixed instants for hand-written tests.
enum TestClock {
    static func date(_ text: String) -> Date {
        guard let date = ISOTimestamp.parse(text) else {
            Issue.record("bad test date \(text)")
            return Date(timeIntervalSince1970: 0)
        }
        return date
    }
}
