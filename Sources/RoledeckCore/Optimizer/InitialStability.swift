import Foundation

/// The pre-fit of w0…w3, the stability after a card's first rating, from how often cards were
/// remembered at their first review on a later day (fsrs-rs's parameter initialisation).
///
/// For each first rating, the reviews are grouped by elapsed days; each group's recall share is
/// smoothed toward the learner's average (one pseudo-review), and the stability that best explains
/// the groups under the default forgetting curve is found by ternary search on [0.001, 100], with a
/// small pull toward the default value. Ratings without data are filled in from the others so that
/// the four values grow with the rating.
enum InitialStability {
    static let minimum: Float = 0.001
    static let maximum: Float = 100

    /// One card's first review on a later day, with the rating the card started with.
    struct FirstInterval: Equatable {
        var firstRating: Int
        var elapsedDays: Int
        var recalled: Bool
    }

    /// The four pre-fitted stabilities and how many reviews each first rating had; nil when
    /// `intervals` is empty.
    static func fit(_ intervals: [FirstInterval], averageRecall: Float) -> (stabilities: [Float], counts: [Int: Int])? {
        var groups: [Int: [Int: (recalled: Int, count: Int)]] = [:]
        for interval in intervals {
            let old = groups[interval.firstRating, default: [:]][interval.elapsedDays, default: (0, 0)]
            groups[interval.firstRating, default: [:]][interval.elapsedDays] = (
                old.recalled + (interval.recalled ? 1 : 0), old.count + 1
            )
        }
        var counts: [Int: Int] = [:]
        var stabilities: [Int: Float] = [:]
        for (rating, byDays) in groups {
            let points = byDays.keys.sorted().map { days -> (days: Double, recall: Double, count: Double) in
                let group = byDays[days] ?? (0, 0)
                let count = Double(group.count)
                let recall = Double(group.recalled) / count
                return (Double(days), (recall * count + Double(averageRecall)) / (count + 1), count)
            }
            counts[rating] = byDays.values.reduce(0) { $0 + $1.count }
            stabilities[rating] = search(points, default: Double(FSRSOptimizer.defaultWeights[rating - 1]))
        }
        return smoothAndFill(stabilities, counts: counts).map { ($0, counts) }
    }

    /// The stability minimising the smoothed log loss plus |S − default| / 16.
    static func search(_ points: [(days: Double, recall: Double, count: Double)], default value: Double) -> Float {
        let decay = -Double(FSRSOptimizer.defaultWeights[20])
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ stability: Double) -> Double {
            var total = 0.0
            for point in points {
                let predicted = pow(point.days / stability * factor + 1, decay)
                total += -(point.recall * log(predicted) + (1 - point.recall) * log(1 - predicted)) * point.count
            }
            return total + abs(stability - value) / 16
        }
        var low = Double(minimum)
        var high = Double(maximum)
        var best = value
        var iterations = 0
        while high - low > Double.ulpOfOne && iterations < 1000 {
            iterations += 1
            let third = (high - low) / 3
            let lowMiddle = low + third
            let highMiddle = high - third
            if loss(lowMiddle) < loss(highMiddle) {
                high = highMiddle
            } else {
                low = lowMiddle
            }
            best = (high + low) / 2
        }
        return Float(best)
    }

    /// Makes the stabilities grow with the rating (the better-supported value wins) and fills in
    /// ratings without data by fsrs-rs's power-law interpolation; nil when there is no value at all.
    static func smoothAndFill(_ fitted: [Int: Float], counts: [Int: Int]) -> [Float]? {
        var values = fitted.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            guard let smallValue = values[small], let bigValue = values[big], smallValue > bigValue else { continue }
            if (counts[small] ?? 0) > (counts[big] ?? 0) {
                values[big] = smallValue
            } else {
                values[small] = bigValue
            }
        }
        let w1: Float = 0.41
        let w2: Float = 0.54
        var s: [Float?] = [nil, values[1], values[2], values[3], values[4]]
        switch values.count {
        case 0:
            return nil
        case 1:
            guard let (rating, value) = values.first else { return nil }
            let scale = value / FSRSOptimizer.defaultWeights[rating - 1]
            let scaled = FSRSOptimizer.defaultWeights[0..<4].map { $0 * scale }.sorted()
            return scaled.map(clamp)
        case 2:
            switch (s[1], s[2], s[3], s[4]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                s[2] = r2
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                s[3] = r3
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let denominator = (w1 + w2).addingProduct(w1, -w2)
                let r2 = pow(r1, w1 / denominator) * pow(r4, 1 - w1 / denominator)
                s[2] = r2
                s[3] = pow(r1, 1 - w2 / denominator) * pow(r4, w2 / denominator)
            case (let r1?, nil, let r3?, nil):
                let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                s[2] = r2
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                s[3] = r3
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        case 3:
            switch (s[1], s[2], s[3], s[4]) {
            case (nil, let r2?, let r3?, _):
                s[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, let r3?, _):
                s[2] = pow(r1, w1) * pow(r3, 1 - w1)
            case (_, let r2?, nil, let r4?):
                s[3] = pow(r2, 1 - w2) * pow(r4, w2)
            case (_, let r2?, let r3?, nil):
                s[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        default:
            break
        }
        let filled = s.compactMap { $0 }
        guard filled.count == 4 else { return nil }
        return filled.map(clamp)
    }

    private static func clamp(_ value: Float) -> Float {
        min(max(value, minimum), maximum)
    }
}
