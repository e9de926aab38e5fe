extension MemoryModel {
    /// A card's memory after one review: the first review's initial values when `memory` is nil;
    /// the same-day formula when fewer than one whole day passed; otherwise recall or lapse with
    /// the retrievability `elapsedDays` after the previous review. Difficulty moves in every case.
    ///
    /// The one place a review changes stability and difficulty: the scheduler and the
    /// prediction metrics both go through it.
    public func memory(
        after memory: (stability: Double, difficulty: Double)?, elapsedDays: Int?, rating: Rating
    ) -> (stability: Double, difficulty: Double) {
        guard let memory else { return (initialStability(rating), initialDifficulty(rating)) }
        let stability: Double
        if let elapsedDays, elapsedDays < 1 {
            stability = shortTermStability(memory.stability, rating: rating)
        } else {
            // py-fsrs reports R = 0 for a card without a last review.
            let recall = elapsedDays.map { retrievability(elapsedDays: $0, stability: memory.stability) } ?? 0
            stability = nextStability(
                difficulty: memory.difficulty, stability: memory.stability, retrievability: recall, rating: rating)
        }
        return (stability, nextDifficulty(memory.difficulty, rating: rating))
    }
}
