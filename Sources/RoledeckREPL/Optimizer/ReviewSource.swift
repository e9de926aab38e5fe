import Foundation
import RoledeckCore

/// Where the reviews to fit or to score come from: the learner's own log, or an Anki review history.
public enum ReviewSource {
    /// `reviews.jsonl` in the progress folder, days counted as the study sessions count them.
    case progress(ProgressStore, days: DayConvention)
    /// A CSV review history (`--revlog`), days counted by `--tz` and `--rollover`.
    case revlog(URL, days: DayConvention)

    /// The reviews read, with what the reports say about them.
    public struct Loaded: Sendable {
        public var dataset: ReviewDataset
        /// The file read, as the learner named it or as the store knows it.
        public var path: String
        public var days: DayConvention
        /// Cards of the progress log left out because their first review is missing.
        public var cardsWithoutStart = 0
        /// Unreadable lines of the progress log (skipped).
        public var unreadableLines = 0
    }

    /// Reads the reviews; for the progress log, those up to `now`.
    public func load(now: Date) throws -> Loaded {
        switch self {
        case .progress(let store, let days):
            let loaded = try ProgressLogReviews.load(store: store, days: days, now: now)
            return Loaded(
                dataset: loaded.dataset, path: store.logURL.path, days: days,
                cardsWithoutStart: loaded.cardsWithoutStart, unreadableLines: loaded.issues.count { !$0.isTornTail })
        case .revlog(let url, let days):
            var contents = try RevlogCSV.load(from: url)
            let reviews = contents.reviews(days: days)
            // The file's entries are not needed once they are in order: let them go before the dataset is laid out.
            contents.entries = []
            return Loaded(dataset: ReviewDataset(reviews), path: url.path, days: days)
        }
    }
}
