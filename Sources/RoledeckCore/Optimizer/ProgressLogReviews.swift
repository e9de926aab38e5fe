import Foundation

/// The learner's review log as the optimizer reads it.
///
/// An adapter over the store's reading of `reviews.jsonl` (`ProgressStore.scanLog` through
/// `LogFold`, with its undo rule and its day counting): when the way the log is read changes,
/// only this file follows. The log is read a megabyte at a time and its reviews kept compact (the
/// fold keeps one state a card besides), so a million reviews take tens of megabytes. Undone reviews are
/// left out, so are reviews later than `now`, and so are cards whose first review in the log was not
/// of a new card (their earlier history is missing, so their first rating would mislead the pre-fit of
/// the initial stabilities).
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
        // The one fold over the log, with its undo rule; a megabyte at a time, answers not kept: the
        // history, not the file, is what a long log costs.
        var fold = LogFold(days: days, horizon: now)
        let issues = try store.scanLog(chunkSize: 1 << 20, keepAnswers: false) { record, line in
            fold.apply(record, line: line)
        }
        let history = fold.history
        // A card counts when its first review still in the log was of a new card.
        var started = [Bool?](repeating: nil, count: history.cardIDs.count)
        for event in history.reviews where !event.undone && started[Int(event.card)] == nil {
            started[Int(event.card)] = event.before == .new
        }
        let kept = history.reviews.lazy.filter { !$0.undone && started[Int($0.card)] == true }.map {
            ReviewDataset.Review(card: $0.card, day: $0.day, rating: $0.rating)
        }
        return Loaded(
            dataset: ReviewDataset(kept), cardsWithoutStart: started.count { $0 == false }, issues: issues)
    }
}
