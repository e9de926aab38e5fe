import Foundation
import Testing

@testable import RoledeckCore

@Suite("Retrievability")
struct RetrievabilityTests {
    let scheduler = Scheduler(parameters: SchedulerParameters.default.withFuzzing(false))
    let start = TestClock.date("2024-03-01T10:00:00Z")

    func card(stability: Double) -> FSRSCard {
        FSRSCard(
            state: .review, stability: stability, difficulty: 5, due: start, lastReview: start)
    }

    @Test("a never-reviewed card has no retrievability")
    func newCard() {
        #expect(scheduler.retrievability(of: .new(due: start), at: start) == nil)
    }

    @Test("R(t, S) = (1 + F t / S)^(-w20) with F = 0.9^(-1/w20) - 1, on whole days")
    func formula() throws {
        let w20 = SchedulerParameters.defaultWeights[20]
        let factor = pow(0.9, -1 / w20) - 1
        for (days, stability) in [(1, 2.5), (3, 2.5), (10, 30.0), (400, 12.0)] {
            let at = start.addingTimeInterval(Double(days) * 86_400 + 3600)
            let got = try #require(scheduler.retrievability(of: card(stability: stability), at: at))
            let want = pow(1 + factor * Double(days) / stability, -w20)
            #expect(isClose(got, want, relative: 1e-12), "t=\(days) S=\(stability)")
        }
    }

    @Test("R is 0.9 after S days and 1 on the same day or earlier")
    func anchors() throws {
        let r = try #require(
            scheduler.retrievability(of: card(stability: 7), at: start.addingTimeInterval(7 * 86_400)))
        #expect(isClose(r, 0.9, relative: 1e-12))
        #expect(
            scheduler.retrievability(of: card(stability: 7), at: start.addingTimeInterval(86_399)) == 1)
        #expect(
            scheduler.retrievability(of: card(stability: 7), at: start.addingTimeInterval(-86_400 * 3))
                == 1)
    }

    /// The powers of e a model works out once per weight vector give, to the last bit, what py-fsrs's
    /// expressions give with `math.e ** x` in place, for seeded weight vectors anywhere in their bounds.
    @Test("a model's stored powers give py-fsrs's expressions exactly, for any weights")
    func storedPowersGiveTheExpressionsExactly() throws {
        var rng = SeededGenerator(seed: 37)
        let e = 2.718281828459045
        for _ in 0..<200 {
            let w = zip(SchedulerParameters.lowerBounds, SchedulerParameters.upperBounds).map { low, high in
                Double.random(in: low...high, using: &rng)
            }
            let retention = Double.random(in: 0.7...0.99, using: &rng)
            let parameters = try SchedulerParameters(weights: w, desiredRetention: retention)
            let model = MemoryModel(parameters: parameters)
            let scheduler = Scheduler(parameters: parameters)
            let s = Double.random(in: 0.01...500, using: &rng)
            let d = Double.random(in: 1...10, using: &rng)
            let r = Double.random(in: 0.01...1, using: &rng)
            for rating in Rating.allCases {
                let g = Double(rating.rawValue)
                #expect(model.initialDifficulty(rating, clamp: false) == w[4] - pow(e, w[5] * (g - 1)) + 1)
                var increase = pow(e, w[17] * (g - 3 + w[18])) * pow(s, -w[19])
                if rating != .again { increase = max(increase, 1) }
                #expect(model.shortTermStability(s, rating: rating) == max(s * increase, 0.001))
                guard rating != .again else { continue }
                let hard = rating == .hard ? w[15] : 1
                let easy = rating == .easy ? w[16] : 1
                #expect(
                    model.recallStability(difficulty: d, stability: s, retrievability: r, rating: rating)
                        == s
                        * (1 + pow(e, w[8]) * (11 - d) * pow(s, -w[9]) * (pow(e, (1 - r) * w[10]) - 1) * hard * easy))
            }
            let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * pow(e, (1 - r) * w[14])
            #expect(
                model.forgetStability(difficulty: d, stability: s, retrievability: r)
                    == min(longTerm, s / pow(e, w[17] * w[18])))
            let decay = -w[20]
            let factor = pow(0.9, 1 / decay) - 1
            let raw = (s / factor) * (pow(retention, 1 / decay) - 1)
            #expect(model.rawInterval(stability: s, desiredRetention: retention) == raw)
            #expect(
                scheduler.intervalDays(forStability: s)
                    == Int(min(max(raw.rounded(.toNearestOrEven), 1), Double(parameters.maximumInterval))))
        }
    }
}
