import Foundation

/// The learner's review log as the optimizer reads it.
///
/// An adapter over the store's reading of `reviews.jsonl` (`LogDigest`, with its undo rule and its
/// day counting): when the way the log is read changes, only this file follows. Undone reviews are
/// left out, so are reviews later than `now`, and so are cards whose first review in the log was
/// not of a new card (their earlier history is missing, so their first rating would mislead the
/// fit of the initial stabilities).
public enum ProgressLogReviews {
    /// The reviews read.
    public struct Loaded: Sendable {
        public var dataset: ReviewDataset
        /// Cards left out because their history does not start with their first review.
        public var cardsWithoutStart: Int
        /// Lines of the log that could not be read (skipped).
        public var issues: [LogLineIssue]
    }

    /// Reads the log in `store`, counting days by `days`, as of `now`.
    public static func load(store: ProgressStore, days: DayConvention, now: Date) throws(StoreError) -> Loaded {
        let digest = try LogDigest.load(store: store, days: days, now: now)
        var started: [Int32: Bool] = [:]
        var reviews: [ReviewDataset.Review] = []
        reviews.reserveCapacity(digest.history.reviews.count)
        for event in digest.history.reviews where !event.undone {
            let keep: Bool
            if let known = started[event.card] {
                keep = known
            } else {
                keep = event.before == .new
                started[event.card] = keep
            }
            if keep { reviews.append(ReviewDataset.Review(card: event.card, day: event.day, rating: event.rating)) }
        }
        return Loaded(
            dataset: ReviewDataset(reviews), cardsWithoutStart: started.values.count { !$0 }, issues: digest.issues)
    }
}
