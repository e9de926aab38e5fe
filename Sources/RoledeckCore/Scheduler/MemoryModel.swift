import Foundation

/// The FSRS-6 memory formulas for one weight vector, written in py-fsrs 6.3.2's exact
/// expression order so results agree to the last bit.
///
/// py-fsrs computes `math.e ** x`, which is `pow(e, x)`, not `exp(x)`; the two can differ in
/// the last place, so this type uses `pow` throughout.
public struct MemoryModel: Sendable, Equatable {
    /// Smallest stability (days) the model allows.
    public static let minimumStability = 0.001
    /// Difficulty is clamped to this range.
    public static let difficultyRange: ClosedRange<Double> = 1.0...10.0

    private static let euler = 2.718281828459045  // Python's math.e

    /// The weights w0...w20 (validated by `SchedulerParameters`).
    public let weights: [Double]
    /// The forgetting-curve exponent, -w20.
    public let decay: Double
    /// The forgetting-curve factor, 0.9^(1/decay) - 1, so that R(S, S) = 0.9.
    public let factor: Double
    /// The powers of e the formulas take of weights alone, worked out once per model: `pow` of the same
    /// arguments, so every result is the same to the last bit, without five `pow` calls per review.
    /// e^(w5·(G-1)) for G = 1...4 (the initial difficulty).
    private let difficultyPowers: [Double]
    /// e^(w17·(G-3+w18)) for G = 1...4 (the short-term stability).
    private let shortTermPowers: [Double]
    /// e^(w17·w18) (the short-term bound of a lapse) and e^(w8) (the recall stability).
    private let lapseBoundPower: Double
    private let recallPower: Double

    /// Creates the model for the (validated) weights of `parameters`.
    public init(parameters: SchedulerParameters) {
        self.init(weights: parameters.weights)
    }

    /// `weights` must hold 21 values; `SchedulerParameters` guarantees that.
    init(weights: [Double]) {
        self.weights = weights
        decay = -weights[20]
        factor = pow(0.9, 1 / decay) - 1
        difficultyPowers = Rating.allCases.map { pow(Self.euler, weights[5] * Double($0.rawValue - 1)) }
        shortTermPowers = Rating.allCases.map { pow(Self.euler, weights[17] * (Double($0.rawValue - 3) + weights[18])) }
        lapseBoundPower = pow(Self.euler, weights[17] * weights[18])
        recallPower = pow(Self.euler, weights[8])
    }

    /// Probability of recall after `elapsedDays` whole days at stability `stability`.
    public func retrievability(elapsedDays: Int, stability: Double) -> Double {
        let days = Double(max(0, elapsedDays))
        return pow(1 + factor * days / stability, decay)
    }

    /// The interval in days (unrounded) at which recall probability falls to `desiredRetention`.
    public func rawInterval(stability: Double, desiredRetention: Double) -> Double {
        rawInterval(stability: stability, retentionTerm: retentionTerm(desiredRetention: desiredRetention))
    }

    /// desiredRetention^(1/decay) - 1: the part of `rawInterval` a scheduler works out once.
    func retentionTerm(desiredRetention: Double) -> Double {
        pow(desiredRetention, 1 / decay) - 1
    }

    /// `rawInterval` with its `retentionTerm` given.
    func rawInterval(stability: Double, retentionTerm: Double) -> Double {
        (stability / factor) * retentionTerm
    }

    /// Stability after the very first review: w[G-1], at least `minimumStability`.
    public func initialStability(_ rating: Rating) -> Double {
        clampStability(weights[rating.rawValue - 1])
    }

    /// Difficulty after the very first review, D0(G); clamped unless `clamp` is false.
    public func initialDifficulty(_ rating: Rating, clamp: Bool = true) -> Double {
        let value = weights[4] - difficultyPowers[rating.rawValue - 1] + 1
        return clamp ? clampDifficulty(value) : value
    }

    /// Difficulty after a review: linear damping then mean reversion toward unclamped D0(Easy).
    public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let target = initialDifficulty(.easy, clamp: false)
        let delta = -(weights[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        let reverted = weights[7] * target + (1 - weights[7]) * damped
        return clampDifficulty(reverted)
    }

    /// Stability after a review less than one day after the previous one.
    public func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase =
            shortTermPowers[rating.rawValue - 1] * pow(stability, -weights[19])
        if rating != .again {
            increase = max(increase, 1.0)
        }
        return clampStability(stability * increase)
    }

    /// Stability after a review one day or more after the previous one, given R before it.
    public func nextStability(
        difficulty: Double, stability: Double, retrievability: Double, rating: Rating
    ) -> Double {
        let next: Double
        if rating == .again {
            next = forgetStability(
                difficulty: difficulty, stability: stability, retrievability: retrievability)
        } else {
            next = recallStability(
                difficulty: difficulty, stability: stability, retrievability: retrievability,
                rating: rating)
        }
        return clampStability(next)
    }

    func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let longTerm =
            weights[11] * pow(difficulty, -weights[12]) * (pow(stability + 1, weights[13]) - 1)
            * pow(Self.euler, (1 - retrievability) * weights[14])
        let shortTerm = stability / lapseBoundPower
        return min(longTerm, shortTerm)
    }

    func recallStability(
        difficulty: Double, stability: Double, retrievability: Double, rating: Rating
    ) -> Double {
        let hardPenalty = rating == .hard ? weights[15] : 1
        let easyBonus = rating == .easy ? weights[16] : 1
        return stability
            * (1 + recallPower * (11 - difficulty) * pow(stability, -weights[9])
                * (pow(Self.euler, (1 - retrievability) * weights[10]) - 1) * hardPenalty * easyBonus)
    }

    func clampStability(_ stability: Double) -> Double {
        max(stability, Self.minimumStability)
    }

    func clampDifficulty(_ difficulty: Double) -> Double {
        min(max(difficulty, Self.difficultyRange.lowerBound), Self.difficultyRange.upperBound)
    }
}
