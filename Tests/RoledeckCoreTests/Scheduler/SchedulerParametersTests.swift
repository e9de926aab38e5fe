import Foundation
import Testing

@testable import RoledeckCore

@Suite("Scheduler parameters")
struct SchedulerParametersTests {
    @Test("defaults are py-fsrs's and valid")
    func defaultsAreValid() throws {
        let parameters = try SchedulerParameters()
        #expect(parameters == SchedulerParameters.default.withFuzzing(true))
        #expect(parameters.weights.count == 21)
        #expect(parameters.violations.isEmpty)
        #expect(parameters.learningSteps == [60, 600])
        #expect(parameters.relearningSteps == [600])
        #expect(parameters.maximumInterval == 36_500)
    }

    @Test("every violation is reported at once")
    func reportsEveryViolation() {
        var weights = SchedulerParameters.defaultWeights
        weights[5] = 9.0
        weights[20] = 0.05
        weights[0] = .nan
        #expect {
            _ = try SchedulerParameters(
                weights: weights, desiredRetention: 1.2, learningSteps: [60, -1],
                relearningSteps: [0], maximumInterval: 0)
        } throws: { error in
            guard let error = error as? ParametersError else { return false }
            let problems = error.problems
            let description = error.errorDescription ?? ""
            return problems.count == 7
                && problems.contains(.weightOutOfRange(index: 5, value: 9.0, lower: 0.001, upper: 4.0))
                && problems.contains(.weightOutOfRange(index: 20, value: 0.05, lower: 0.1, upper: 0.8))
                && problems.contains(.desiredRetentionOutOfRange(1.2))
                && problems.contains(.invalidLearningStep(index: 1, seconds: -1))
                && problems.contains(.invalidRelearningStep(index: 0, seconds: 0))
                && problems.contains(.maximumIntervalTooSmall(0))
                && description.contains("문제가 7개 있습니다")
                && description.contains("매개변수 w5 = 9.0: 범위 [0.001, 4.0] 밖입니다")
                && description.contains("매개변수 w0 = nan: 범위 [0.001, 100.0] 밖입니다")
                && description.contains("최대 간격 0일: 1일 이상이어야 합니다")
        }
    }

    @Test("a single violation is thrown on its own")
    func singleViolation() {
        var weights = SchedulerParameters.defaultWeights
        weights[7] = 0.8
        #expect(
            throws: ParametersError.weightOutOfRange(index: 7, value: 0.8, lower: 0.001, upper: 0.75)
        ) {
            try SchedulerParameters(weights: weights)
        }
    }

    @Test("the wrong number of weights is reported")
    func wrongCount() {
        #expect(throws: ParametersError.wrongWeightCount(expected: 21, actual: 19)) {
            try SchedulerParameters(weights: Array(SchedulerParameters.defaultWeights.prefix(19)))
        }
        #expect(
            ParametersError.wrongWeightCount(expected: 21, actual: 19).errorDescription
                == "FSRS 매개변수는 21개(w0…w20)여야 하는데 19개입니다")
    }

    @Test("bounds are inclusive, as in py-fsrs")
    func boundsAreInclusive() throws {
        _ = try SchedulerParameters(weights: SchedulerParameters.lowerBounds)
        _ = try SchedulerParameters(weights: SchedulerParameters.upperBounds)
    }

    @Test("decoding validates and uses camelCase keys")
    func decodingValidates() throws {
        let data = try JSONEncoder().encode(SchedulerParameters.default)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"desiredRetention\""))
        #expect(text.contains("\"maximumInterval\""))
        #expect(try JSONDecoder().decode(SchedulerParameters.self, from: data) == .default)
        let bad = Data(
            text.replacingOccurrences(of: "\"desiredRetention\":0.9", with: "\"desiredRetention\":2").utf8
        )
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SchedulerParameters.self, from: bad)
        }
    }
}

extension SchedulerParameters {
    /// A copy with fuzzing switched; the other values are known valid.
    func withFuzzing(_ enabled: Bool) -> SchedulerParameters {
        (try? SchedulerParameters(
            weights: weights, desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval, enableFuzzing: enabled))
            ?? self
    }
}
