import Foundation

/// Validated FSRS-6 settings: 21 weights, retention target, steps, interval cap and fuzz switch.
///
/// Values can only be made through the throwing initialiser (or decoding, which validates too),
/// so a `Scheduler` never sees out-of-range parameters.
public struct SchedulerParameters: Codable, Equatable, Hashable, Sendable {
    /// The FSRS-6 default weights w0...w20 (py-fsrs 6.3.2 `DEFAULT_PARAMETERS`).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// Lower bound of each weight (py-fsrs `LOWER_BOUNDS_PARAMETERS`).
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001,
        0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// Upper bound of each weight (py-fsrs `UPPER_BOUNDS_PARAMETERS`).
    public static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0,
        1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// The longest learning or relearning step, in seconds: 36,500 days, the longest interval settings allow.
    public static let longestStep: TimeInterval = 36_500 * 86_400
    /// The longest maximum interval, in days (about 2,700 years): longer ones overflow the scheduler's clock.
    public static let longestMaximumInterval = 1_000_000

    /// py-fsrs defaults: retention 0.9, steps 1 min and 10 min, relearning 10 min, 36,500 days.
    public static let `default` = SchedulerParameters(
        unchecked: defaultWeights, desiredRetention: 0.9, learningSteps: [60, 600],
        relearningSteps: [600], maximumInterval: 36_500, enableFuzzing: true)

    /// The model weights w0...w20.
    public let weights: [Double]
    /// The probability of recall at which reviews are scheduled, in (0, 1).
    public let desiredRetention: Double
    /// Learning steps in seconds.
    public let learningSteps: [TimeInterval]
    /// Relearning steps in seconds.
    public let relearningSteps: [TimeInterval]
    /// The longest interval in days a review may be scheduled.
    public let maximumInterval: Int
    /// Whether review intervals of three days or more get random fuzz.
    public let enableFuzzing: Bool

    /// Creates validated parameters; throws every violation at once (`ParametersError.several`).
    public init(
        weights: [Double] = SchedulerParameters.defaultWeights,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500,
        enableFuzzing: Bool = true
    ) throws(ParametersError) {
        self.init(
            unchecked: weights, desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval,
            enableFuzzing: enableFuzzing)
        try validate()
    }

    private init(
        unchecked weights: [Double], desiredRetention: Double, learningSteps: [TimeInterval],
        relearningSteps: [TimeInterval], maximumInterval: Int, enableFuzzing: Bool
    ) {
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    /// Every rule these values break, in field order; empty when valid.
    public var violations: [ParametersError] {
        var found = Self.weightViolations(weights)
        if !(desiredRetention > 0 && desiredRetention < 1) {
            found.append(.desiredRetentionOutOfRange(desiredRetention))
        }
        for (index, seconds) in learningSteps.enumerated() where !(seconds > 0 && seconds <= Self.longestStep) {
            found.append(.invalidLearningStep(index: index, seconds: seconds))
        }
        for (index, seconds) in relearningSteps.enumerated() where !(seconds > 0 && seconds <= Self.longestStep) {
            found.append(.invalidRelearningStep(index: index, seconds: seconds))
        }
        if maximumInterval < 1 {
            found.append(.maximumIntervalTooSmall(maximumInterval))
        }
        if maximumInterval > Self.longestMaximumInterval {
            found.append(.maximumIntervalTooLarge(maximumInterval))
        }
        return found
    }

    /// Every rule `weights` break: their count, then each weight outside its bounds.
    public static func weightViolations(_ weights: [Double]) -> [ParametersError] {
        var found: [ParametersError] = []
        let expected = lowerBounds.count
        if weights.count != expected {
            found.append(.wrongWeightCount(expected: expected, actual: weights.count))
        }
        for (index, weight) in weights.prefix(expected).enumerated() {
            let lower = lowerBounds[index]
            let upper = upperBounds[index]
            // Written so that NaN fails, as in py-fsrs's `lower <= value <= upper`.
            if !(lower <= weight && weight <= upper) {
                found.append(.weightOutOfRange(index: index, value: weight, lower: lower, upper: upper))
            }
        }
        return found
    }

    /// Throws the single violation, or `.several` with all of them, when the values are invalid.
    public func validate() throws(ParametersError) {
        let found = violations
        if found.count == 1, let only = found.first { throw only }
        if found.count > 1 { throw .several(found) }
    }

    private enum CodingKeys: String, CodingKey {
        case weights, desiredRetention, learningSteps, relearningSteps, maximumInterval
        case enableFuzzing
    }

    /// Decodes and validates; invalid values become `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            unchecked: try container.decode([Double].self, forKey: .weights),
            desiredRetention: try container.decode(Double.self, forKey: .desiredRetention),
            learningSteps: try container.decode([TimeInterval].self, forKey: .learningSteps),
            relearningSteps: try container.decode([TimeInterval].self, forKey: .relearningSteps),
            maximumInterval: try container.decode(Int.self, forKey: .maximumInterval),
            enableFuzzing: try container.decode(Bool.self, forKey: .enableFuzzing))
        do {
            try validate()
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: error.errorDescription ?? "스케줄러 매개변수가 잘못되었습니다",
                    underlyingError: error))
        }
    }
}
