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
}
