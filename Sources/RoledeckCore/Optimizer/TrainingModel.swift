import Foundation

/// FSRS-6's memory formulas as the optimizer trains them: in single precision, in fsrs-rs's order of
/// operations, with the derivative of the loss with respect to all 21 weights.
///
/// The scheduler's `MemoryModel` computes the same formulas in double precision, as py-fsrs does;
/// this copy exists because training needs the derivatives and fsrs-rs's single-precision steps (its
/// results are what the fitted weights are compared with). Differences from `MemoryModel`: stability
/// is also capped at 36,500 days, and the state is clamped before each step, as fsrs-rs does.
///
/// The loss of one prediction is −weight·(y·ln R + (1−y)·ln(1−R)) with R clamped to [1e-7, 1−1e-7].
/// Derivatives follow the branch each step took (same-day, lapse floor or formula, recall) and stop
/// at a clamp that is active, as automatic differentiation through `clamp` and `min` would.
struct TrainingModel {
    static let minimumStability: Float = 0.001
    static let maximumStability: Float = 36_500
    static let minimumProbability: Float = 1e-7
    static let maximumProbability: Float = 1 - 1e-7

    /// The weights w0…w20.
    let w: [Float]
    private let decay: Float
    private let factor: Float
    private let expW8: Float
    private let failureDivisor: Float
    private let easyDifficulty: Float
    private let factorDerivative: Double
    private let exp3w5: Double

    init(weights: [Float]) {
        w = weights
        decay = -weights[20]
        factor = exp(log(Float(0.9)) / decay) - 1
        expW8 = exp(weights[8])
        failureDivisor = exp(weights[17] * weights[18])
        easyDifficulty = weights[4] - exp(weights[5] * 3) + 1
        let c = log(0.9)
        let d = Double(decay)
        factorDerivative = exp(c / d) * (-c / (d * d))
        exp3w5 = exp(3 * Double(weights[5]))
    }

    /// What the backward pass needs from one step of the forward pass.
    struct Step {
        enum Branch: UInt8 {
            case initial, sameDay, lapseFloor, lapse, recall
        }
        var branch: Branch = .initial
        var rating: Float = 0
        var elapsed: Float = 0
        /// Stability and difficulty before the step (after the entry clamp).
        var stability: Float = 0
        var difficulty: Float = 0
        var retrievability: Float = 0
        var base: Float = 0
        /// Stability and difficulty computed by the step, before their clamps.
        var newStability: Float = 0
        var newDifficulty: Float = 0
        /// Branch values: same-day multiplier, lapse stability, or recall increment, and its parts.
        var value: Float = 0
        var partA: Float = 0
        var partB: Float = 0
        var partC: Float = 0
        var floorActive = false
    }

    /// The loss of predicting review `count − 1` of a card from the `count − 1` before it, whose ratings
    /// and elapsed days start at `ratings` and `elapsed`. When `gradient` is given, the loss's derivative
    /// is added to its 21 entries; `steps` is scratch space for `count − 1` steps.
    func loss(
        ratings: UnsafePointer<UInt8>, elapsed: UnsafePointer<Int32>, count: Int, weight: Float,
        gradient: UnsafeMutablePointer<Double>?, steps: UnsafeMutablePointer<Step>
    ) -> Double {
        var stability: Float = 0
        var difficulty: Float = 0
        for index in 0..<(count - 1) {
            step(
                &stability, &difficulty, rating: Float(ratings[index]), elapsed: Float(elapsed[index]),
                first: index == 0, record: &steps[index])
        }
        let t = max(Float(elapsed[count - 1]), 0)
        let base = t / stability * factor + 1
        let raw = pow(base, decay)
        let loss = Self.loss(raw, recalled: ratings[count - 1] > 1, weight: weight)
        guard let gradient, weight != 0, raw > Self.minimumProbability, raw < Self.maximumProbability else {
            return Double(loss)
        }
        let y: Double = ratings[count - 1] > 1 ? 1 : 0
        let p = Double(raw)
        let gR = -Double(weight) * (y / p - (1 - y) / (1 - p))
        var gS = curveBackward(gR, t: t, stability: stability, base: base, retrievability: raw, gradient: gradient)
        var gD = 0.0
        var index = count - 2
        while index >= 0 {
            (gS, gD) = stepBackward(steps[index], gS, gD, gradient: gradient)
            index -= 1
        }
        return Double(loss)
    }

    /// The weighted log loss of predicting `raw` (clamped to [1e-7, 1−1e-7]) for a review.
    static func loss(_ raw: Float, recalled: Bool, weight: Float) -> Float {
        let label: Float = recalled ? 1 : 0
        let r = min(max(raw, minimumProbability), maximumProbability)
        return -((label * log(r)) + ((1 - label) * log(1 - r))) * weight
    }

    // MARK: - Forward

    private func step(
        _ stability: inout Float, _ difficulty: inout Float, rating: Float, elapsed: Float, first: Bool,
        record: inout Step
    ) {
        let lastS = min(max(stability, Self.minimumStability), Self.maximumStability)
        let lastD = min(max(difficulty, 1), 10)
        record.rating = rating
        record.elapsed = elapsed
        record.stability = lastS
        record.difficulty = lastD
        if first {
            let index = Int(min(max(rating, 1), 4)) - 1
            let rawD = w[4] - exp(w[5] * Float(index)) + 1
            record.branch = .initial
            record.newStability = w[index]
            record.newDifficulty = rawD
            stability = min(max(w[index], Self.minimumStability), Self.maximumStability)
            difficulty = min(max(rawD, 1), 10)
            return
        }
        let t = max(elapsed, 0)
        let base = t / lastS * factor + 1
        // The curve is exactly 1 at 0 days: the same value without the power.
        let r = t == 0 ? 1 : pow(base, decay)
        record.base = base
        record.retrievability = r
        let newS: Float
        if elapsed == 0 {
            let raw = exp(w[17] * (rating - 3 + w[18])) * pow(lastS, -w[19])
            let value = rating >= 2 ? max(raw, 1) : raw
            record.branch = .sameDay
            record.partA = raw
            record.value = value
            record.floorActive = rating >= 2 && raw < 1
            newS = lastS * value
        } else if rating == 1 {
            let dPower = pow(lastD, -w[12])
            let sPower = pow(lastS + 1, w[13])
            let recallTerm = exp((1 - r) * w[14])
            let raw = w[11] * dPower * (sPower - 1) * recallTerm
            let floor = lastS / failureDivisor
            record.partA = dPower
            record.partB = sPower
            record.partC = recallTerm
            if floor < raw {
                record.branch = .lapseFloor
                record.value = floor
                newS = floor
            } else {
                record.branch = .lapse
                record.value = raw
                newS = raw
            }
        } else {
            let hard = rating == 2 ? w[15] : 1
            let easy = rating == 4 ? w[16] : 1
            let sPower = pow(lastS, -w[9])
            let recallTerm = exp((1 - r) * w[10])
            let increment = expW8 * (11 - lastD) * sPower * (recallTerm - 1) * hard * easy
            record.branch = .recall
            record.partA = sPower
            record.partB = recallTerm
            record.value = increment
            newS = lastS * (increment + 1)
        }
        let deltaD = -w[6] * (rating - 3)
        let nextD = lastD + (10 - lastD) * deltaD / 9
        let meanD = w[7] * (easyDifficulty - nextD) + nextD
        record.newStability = newS
        record.newDifficulty = meanD
        stability = min(max(newS, Self.minimumStability), Self.maximumStability)
        difficulty = min(max(meanD, 1), 10)
    }

    // MARK: - Backward

    /// Adds dL/dw20 for the forgetting curve and returns dL/dS.
    private func curveBackward(
        _ gR: Double, t: Float, stability: Float, base: Float, retrievability: Float,
        gradient: UnsafeMutablePointer<Double>
    ) -> Double {
        guard gR != 0 else { return 0 }
        let r = Double(retrievability)
        let b = Double(base)
        let d = Double(decay)
        let time = Double(t)
        let s = Double(stability)
        let f = Double(factor)
        let dBase = -time * f / (s * s)
        let dDecay = r * (log(b) + d / b * (time / s * factorDerivative))
        gradient[20] -= gR * dDecay
        return gR * r * d / b * dBase
    }

    /// Takes the derivatives with respect to a step's output state back to its input state.
    private func stepBackward(
        _ record: Step, _ gOutS: Double, _ gOutD: Double, gradient: UnsafeMutablePointer<Double>
    ) -> (Double, Double) {
        let gS = Self.inside(record.newStability, Self.minimumStability, Self.maximumStability) ? gOutS : 0
        let rating = Double(record.rating)
        if record.branch == .initial {
            let index = Int(min(max(record.rating, 1), 4)) - 1
            gradient[index] += gS
            if gOutD != 0, Self.inside(record.newDifficulty, 1, 10) {
                let offset = Double(index)
                gradient[4] += gOutD
                gradient[5] += gOutD * -offset * exp(offset * Double(w[5]))
            }
            return (0, 0)
        }
        let s = Double(record.stability)
        let d = Double(record.difficulty)
        let r = Double(record.retrievability)
        var gLastS = 0.0
        var gLastD = 0.0
        var gR = 0.0
        if gS != 0 {
            switch record.branch {
            case .sameDay:
                let value = Double(record.value)
                gLastS += gS * value
                if !record.floorActive {
                    let raw = Double(record.partA)
                    let q = Double(record.rating - 3 + w[18])
                    gradient[17] += gS * s * raw * q
                    gradient[18] += gS * s * raw * Double(w[17])
                    gradient[19] += gS * s * raw * -log(s)
                    gLastS -= gS * raw * Double(w[19])
                }
            case .lapseFloor:
                let floor = Double(record.value)
                gLastS += gS * floor / s
                gradient[17] += gS * floor * -Double(w[18])
                gradient[18] += gS * floor * -Double(w[17])
            case .lapse:
                let raw = Double(record.value)
                let dPower = Double(record.partA)
                let sPower = Double(record.partB)
                let recallTerm = Double(record.partC)
                let w11 = Double(w[11])
                gradient[11] += gS * dPower * (sPower - 1) * recallTerm
                gradient[12] += gS * raw * -log(d)
                gradient[13] += gS * w11 * dPower * recallTerm * sPower * log(s + 1)
                gradient[14] += gS * raw * (1 - r)
                gLastS += gS * w11 * dPower * recallTerm * Double(w[13]) * sPower / (s + 1)
                gLastD += gS * raw * -Double(w[12]) / d
                gR += gS * raw * -Double(w[14])
            case .recall:
                let hard = record.rating == 2 ? Double(w[15]) : 1
                let easy = record.rating == 4 ? Double(w[16]) : 1
                let a = exp(Double(w[8]))
                let sPower = Double(record.partA)
                let recallTerm = Double(record.partB)
                let increment = a * (11 - d) * sPower * (recallTerm - 1) * hard * easy
                let gIncrement = gS * s
                gLastS += gS * (increment + 1) + gIncrement * increment * -Double(w[9]) / s
                gLastD -= gIncrement * a * sPower * (recallTerm - 1) * hard * easy
                gR += gIncrement * a * (11 - d) * sPower * hard * easy * -Double(w[10]) * recallTerm
                gradient[8] += gIncrement * increment
                gradient[9] += gIncrement * increment * -log(s)
                gradient[10] += gIncrement * a * (11 - d) * sPower * hard * easy * (1 - r) * recallTerm
                if record.rating == 2 { gradient[15] += gIncrement * a * (11 - d) * sPower * (recallTerm - 1) * easy }
                if record.rating == 4 { gradient[16] += gIncrement * a * (11 - d) * sPower * (recallTerm - 1) * hard }
            case .initial:
                break
            }
        }
        if gOutD != 0, Self.inside(record.newDifficulty, 1, 10) {
            let w7 = Double(w[7])
            let deltaD = -Double(w[6]) * (rating - 3)
            let nextD = d + (10 - d) * deltaD / 9
            gradient[7] += gOutD * (Double(easyDifficulty) - nextD)
            gradient[4] += gOutD * w7
            gradient[5] += gOutD * w7 * -3 * exp3w5
            let gNext = gOutD * (1 - w7)
            gradient[6] += gNext * (10 - d) * -(rating - 3) / 9
            gLastD += gNext * (1 - deltaD / 9)
        }
        if gR != 0 {
            gLastS += curveBackward(
                gR, t: max(record.elapsed, 0), stability: record.stability, base: record.base,
                retrievability: record.retrievability, gradient: gradient)
        }
        return (gLastS, gLastD)
    }

    private static func inside(_ value: Float, _ lower: Float, _ upper: Float) -> Bool {
        value >= lower && value <= upper
    }
}
