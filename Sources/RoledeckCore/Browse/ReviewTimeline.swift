import Foundation

/// One review of a card as its history shows it: when, the rating, and the scheduler state on
/// either side.
public struct CardReview: Equatable, Sendable {
    /// When the answer was given.
    public var at: Date
    /// The rating given.
    public var rating: Rating
    /// The state the card was in, as the log names it.
    public var before: PriorState
    /// The scheduler state before the review; nil when the card had never been studied.
    public var stateBefore: FSRSCard?
    /// The scheduler state the review left.
    public var after: FSRSCard
    /// How long the answer took, in milliseconds, when recorded.
    public var durationMs: Int?
    /// What the learner typed or chose, when recorded.
    public var answer: String?
    /// The wrong option chosen in a choice card, when there was one.
    public var chosen: String?
    /// Whether the answer was judged right, for checked cards.
    public var correct: Bool?

    /// Creates a review.
    public init(
        at: Date, rating: Rating, before: PriorState, stateBefore: FSRSCard?, after: FSRSCard,
        durationMs: Int? = nil, answer: String? = nil, chosen: String? = nil, correct: Bool? = nil
    ) {
        self.at = at
        self.rating = rating
        self.before = before
        self.stateBefore = stateBefore
        self.after = after
        self.durationMs = durationMs
        self.answer = answer
        self.chosen = chosen
        self.correct = correct
    }
}

/// Every card's reviews with their times and states, as the one fold of the log (`LogFold`) reads
/// them: a review the fold marks undone is left out, and the state before a review is the card's
/// record in the fold just before the line is applied. Nothing here interprets the log's lines.
public struct ReviewTimeline: Sendable {
    /// The fold of the whole log: every card's state, the history, the day counts.
    public private(set) var fold: LogFold
    /// The reviews that stand (not taken back), oldest first, by card; only the cards asked for.
    public private(set) var reviews: [CardID: [CardReview]]
    /// Lines of the log that could not be read; they are skipped.
    public private(set) var issues: [LogLineIssue]

    /// Folds the log that `scan` streams (it calls its argument with each readable line and its
    /// number, and returns the unreadable ones), keeping the reviews of the cards in `only` (all when nil).
    public static func build(
        days: DayConvention, only: Set<CardID>? = nil,
        scan: ((LogRecord, Int) -> Void) throws(StoreError) -> [LogLineIssue]
    ) throws(StoreError) -> ReviewTimeline {
        var fold = LogFold(days: days)
        // The reviews kept, by their index in the fold's history (which marks the undone ones).
        var kept: [(index: Int, card: CardID, review: CardReview)] = []
        let issues = try scan { record, line in
            let id = record.cardID
            let wanted = record.kind == .review && only.map { $0.contains(id) } ?? true
            let stateBefore = wanted ? fold.cards[id]?.card : nil
            let index = fold.history.reviews.count
            fold.apply(record, line: line)
            guard wanted, fold.history.reviews.count > index, let rating = record.rating, let after = record.after
            else { return }
            kept.append(
                (
                    index, id,
                    CardReview(
                        at: record.at, rating: rating, before: record.before ?? PriorState(stateBefore),
                        stateBefore: stateBefore, after: after, durationMs: record.durationMs, answer: record.answer,
                        chosen: record.chosen, correct: record.correct)
                ))
        }
        var reviews: [CardID: [CardReview]] = [:]
        for entry in kept where !fold.history.reviews[entry.index].undone {
            reviews[entry.card, default: []].append(entry.review)
        }
        return ReviewTimeline(fold: fold, reviews: reviews, issues: issues)
    }

    /// The reviews of `id` that stand, oldest first.
    public func reviews(of id: CardID) -> [CardReview] {
        reviews[id] ?? []
    }
}

extension ProgressStore {
    /// The timeline of this folder's log (see `ReviewTimeline`), with the answers the learner gave;
    /// reviews are kept for the cards in `only` (all when nil).
    public func timeline(days: DayConvention, only: Set<CardID>? = nil) throws(StoreError) -> ReviewTimeline {
        try ReviewTimeline.build(days: days, only: only) { body throws(StoreError) in
            try scanLog(keepAnswers: true, body)
        }
    }
}
