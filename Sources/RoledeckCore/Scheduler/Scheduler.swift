import Foundation

/// The FSRS-6 scheduler: reviews cards exactly as py-fsrs 6.3.2 `Scheduler.review_card` does.
///
/// Pure: the caller passes the time of the review and the random generator used for fuzz.
public struct Scheduler: Sendable, Equatable {
    /// The validated settings.
    public let parameters: SchedulerParameters
    /// How elapsed days between reviews are counted.
    public let dayConvention: DayConvention
    /// The memory formulas for `parameters.weights`.
    public let model: MemoryModel
    /// desired_retention^(1/decay) - 1, the interval's factor for these parameters (worked out once).
    private let retentionTerm: Double

    /// Creates a scheduler; py-fsrs day counting unless another convention is given.
    public init(parameters: SchedulerParameters = .default, dayConvention: DayConvention = .pyFSRS) {
        self.parameters = parameters
        self.dayConvention = dayConvention
        model = MemoryModel(parameters: parameters)
        retentionTerm = model.retentionTerm(desiredRetention: parameters.desiredRetention)
    }

    /// Predicted recall probability of `card` at `date`; nil if it was never reviewed.
    public func retrievability(of card: FSRSCard, at date: Date) -> Double? {
        guard let lastReview = card.lastReview, let stability = card.stability else { return nil }
        let days = dayConvention.elapsedDays(from: lastReview, to: date)
        return model.retrievability(elapsedDays: days, stability: stability)
    }

    /// The unfuzzed review interval in days for `stability`: rounded half to even, 1...maximum.
    public func intervalDays(forStability stability: Double) -> Int {
        let raw = model.rawInterval(stability: stability, retentionTerm: retentionTerm)
        let rounded = raw.rounded(.toNearestOrEven)
        let capped = min(max(rounded, 1), Double(parameters.maximumInterval))
        return capped.isNaN ? 1 : Int(capped)
    }

    /// The days an `intervalDays`-day interval may be fuzzed to under these parameters.
    public func fuzzRange(forIntervalDays intervalDays: Int) -> FuzzRange {
        FuzzRange(intervalDays: intervalDays, maximumInterval: parameters.maximumInterval)
    }

    /// Reviews `card` with `rating` at `date`; fuzz (if enabled) draws from `rng`.
    public func review(
        _ card: FSRSCard, rating: Rating, at date: Date, rng: inout some RandomNumberGenerator
    ) -> (card: FSRSCard, log: ReviewLogEntry) {
        let fuzzing = parameters.enableFuzzing
        return schedule(card, rating: rating, at: date) { range in
            fuzzing ? range.draw(using: &rng) : nil
        }
    }

    /// The four possible results of reviewing `card` at `date`. Without `fuzzDraw` the intervals are
    /// unfuzzed; with it, each is fuzzed as `review` will fuzz it when its generator's next number is
    /// `fuzzDraw` (see `PredrawnRandom`), so the interval shown before rating is the one applied.
    public func outcomes(for card: FSRSCard, at date: Date, fuzzDraw: UInt64? = nil) -> ReviewOutcomes {
        let fuzzing = parameters.enableFuzzing
        func outcome(_ rating: Rating) -> ReviewOutcome {
            let result = schedule(card, rating: rating, at: date) { range in
                fuzzing ? fuzzDraw.map(range.days(forDraw:)) : nil
            }
            return ReviewOutcome(rating: rating, card: result.card, log: result.log)
        }
        return ReviewOutcomes(
            again: outcome(.again), hard: outcome(.hard), good: outcome(.good), easy: outcome(.easy))
    }

    // MARK: - The state machine

    private enum NextInterval {
        case step(microseconds: Int64)
        case days(Int)
    }

    /// `drawFuzz` returns the fuzzed day count for a range, or nil to leave the interval as is.
    private func schedule(
        _ card: FSRSCard, rating: Rating, at date: Date, drawFuzz: (FuzzRange) -> Int?
    ) -> (card: FSRSCard, log: ReviewLogEntry) {
        let nowMicros = date.microsecondsSince1970
        let elapsedDays = card.lastReview.map { dayConvention.elapsedDays(from: $0, to: date) }
        let elapsedSeconds = card.lastReview.map {
            Double(nowMicros - $0.microsecondsSince1970) / 1_000_000
        }
        let retrievabilityBefore = retrievability(of: card, at: date)

        var next = card
        let memory = card.stability.flatMap { stability in card.difficulty.map { (stability, $0) } }
        let (stability, difficulty) = model.memory(after: memory, elapsedDays: elapsedDays, rating: rating)
        next.stability = stability
        next.difficulty = difficulty

        let interval: NextInterval
        switch card.state {
        case .learning:
            interval = stepTransition(&next, rating: rating, steps: parameters.learningSteps)
        case .relearning:
            interval = stepTransition(&next, rating: rating, steps: parameters.relearningSteps)
        case .review:
            if rating == .again && !parameters.relearningSteps.isEmpty {
                next.state = .relearning
                next.step = 0
                interval = .step(microseconds: parameters.relearningSteps[0].wholeMicroseconds)
            } else {
                // Again without relearning steps keeps the card in review with a day interval.
                interval = .days(intervalDays(forStability: stability))
            }
        }

        var fuzz: FuzzDecision?
        let intervalMicros: Int64
        switch interval {
        case .step(let micros):
            intervalMicros = micros
        case .days(let unfuzzed):
            var days = unfuzzed
            let applies = parameters.enableFuzzing && FuzzRange.applies(toIntervalDays: unfuzzed)
            var range = FuzzRange(minDays: unfuzzed, maxDays: unfuzzed)
            if applies {
                range = fuzzRange(forIntervalDays: unfuzzed)
                if let drawn = drawFuzz(range) {
                    days = min(drawn, parameters.maximumInterval)
                }
            }
            fuzz = FuzzDecision(
                enabled: parameters.enableFuzzing, applies: applies, unfuzzedDays: unfuzzed,
                minDays: range.minDays, maxDays: range.maxDays, days: days)
            intervalMicros = Int64(days) * Date.microsecondsPerDay
        }

        next.due = Date(microsecondsSince1970: nowMicros + intervalMicros)
        next.lastReview = date
        let log = ReviewLogEntry(
            rating: rating, reviewedAt: date, elapsedDays: elapsedDays, elapsedSeconds: elapsedSeconds,
            retrievability: retrievabilityBefore, previousState: card.state, state: next.state,
            step: next.step, stability: stability, difficulty: difficulty, due: next.due,
            fuzz: next.state == .review ? fuzz : nil)
        return (next, log)
    }

    /// Learning and relearning share one step machine (py-fsrs repeats it per state).
    private func stepTransition(
        _ card: inout FSRSCard, rating: Rating, steps stepSeconds: [TimeInterval]
    ) -> NextInterval {
        if let micros = nextStep(&card, rating: rating, steps: stepSeconds.map(\.wholeMicroseconds)) {
            return .step(microseconds: micros)
        }
        card.state = .review
        card.step = nil
        return .days(intervalDays(forStability: card.stability ?? MemoryModel.minimumStability))
    }

    /// Moves `card.step` and returns the step length, or nil when the card graduates.
    private func nextStep(_ card: inout FSRSCard, rating: Rating, steps: [Int64]) -> Int64? {
        // A stored step may be past the end after the steps were shortened in the settings:
        // py-fsrs then graduates on Hard, Good and Easy, and restarts at step 0 on Again.
        let step = max(0, card.step ?? 0)
        if steps.isEmpty || (step >= steps.count && rating != .again) {
            return nil
        }
        switch rating {
        case .again:
            card.step = 0
            return steps[0]
        case .hard:
            card.step = step
            if step == 0 && steps.count == 1 {
                return steps[0].scaledHalfEven(numerator: 3, denominator: 2)
            }
            if step == 0 {
                return (steps[0] + steps[1]).scaledHalfEven(numerator: 1, denominator: 2)
            }
            return steps[step]
        case .good:
            if step + 1 == steps.count {
                return nil
            }
            card.step = step + 1
            return steps[step + 1]
        case .easy:
            return nil
        }
    }
}
