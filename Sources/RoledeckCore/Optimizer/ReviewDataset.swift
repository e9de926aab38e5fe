/// Review histories in the shape the optimizer and the prediction metrics read them.
///
/// Each card's reviews are kept in order with the whole days since the card's previous review
/// (0 for its first review and for a review on the same day). A review is *scorable* when it is not
/// the card's first and comes on a later day than the review before it: that is when FSRS predicts
/// recall, as in fsrs-rs and srs-benchmark. Scorable reviews are listed in the order they happened,
/// which is the order a time-series split cuts and the recency weights follow.
///
/// Everything is stored flat, a few bytes per review, so a million reviews fit in a few megabytes.
public struct ReviewDataset: Sendable, Equatable {
    /// One review as the dataset is built from it: the card (any number naming it), the study day
    /// it was on (day numbers from a `DayConvention`), and its rating.
    public struct Review: Sendable, Equatable {
        public var card: Int32
        public var day: Int32
        public var rating: Rating

        public init(card: Int32, day: Int32, rating: Rating) {
            self.card = card
            self.day = day
            self.rating = rating
        }
    }

    /// A scorable review: where it and its card's history are, and its metric bin.
    public struct Scorable: Sendable, Equatable {
        /// The review's index in `ratings`.
        public var review: Int32
        /// The index of the card's first review in `ratings`.
        public var cardStart: Int32
        /// 1 + the card's reviews on a later day than the one before, this one included (srs-benchmark's `i`).
        public var sequence: Int32
        /// The card's earlier lapses: reviews rated Again on a later day than the one before.
        public var lapses: Int32
    }

    /// Every review's rating (1...4), card after card, each card's in order.
    public private(set) var ratings: [UInt8] = []
    /// Whole days since the card's previous review, parallel to `ratings`; 0 for a first review.
    public private(set) var elapsedDays: [Int32] = []
    /// Where each card's reviews start in `ratings`, with the end of the last card at the end.
    public private(set) var cardStarts: [Int32] = [0]
    /// The scorable reviews in the order they happened.
    public private(set) var scorable: [Scorable] = []
    /// How many cards have reviews.
    public private(set) var cardCount = 0

    /// How many reviews there are.
    public var reviewCount: Int { ratings.count }

    /// An empty dataset.
    public init() {}

    /// Builds the dataset from reviews listed in the order they happened (any collection: a lazy view
    /// of another list will do, and saves a copy).
    ///
    /// A review dated before its card's previous one counts as the same day (0 days), as fsrs-rs
    /// and the reference scripts do. Two passes over `reviews` and a few bytes per card besides the
    /// result, so a million reviews are laid out in a few tens of megabytes.
    public init<Reviews: Collection<Review>>(_ reviews: Reviews) {
        let count = reviews.count
        var cardIndex: [Int32: Int32] = [:]
        var cardOfReview = [Int32](repeating: 0, count: count)
        var counts: [Int32] = []
        for (position, review) in reviews.enumerated() {
            let index: Int32
            if let known = cardIndex[review.card] {
                index = known
            } else {
                index = Int32(counts.count)
                cardIndex[review.card] = index
                counts.append(0)
            }
            cardOfReview[position] = index
            counts[Int(index)] += 1
        }
        cardIndex = [:]
        cardCount = counts.count
        // Each card's reviews go to one stretch of the flat arrays, in the order given.
        var starts = [Int32](repeating: 0, count: counts.count + 1)
        for card in 0..<counts.count { starts[card + 1] = starts[card] + counts[card] }
        cardStarts = starts
        // What each card has seen so far: where its next review goes, its last day, its later-day reviews and lapses.
        var next = Array(starts.dropLast())
        var lastDay = [Int32](repeating: 0, count: counts.count)
        var longTerm = counts.map { _ in Int32(0) }
        var lapses = longTerm
        ratings = [UInt8](repeating: 0, count: count)
        elapsedDays = [Int32](repeating: 0, count: count)
        scorable.reserveCapacity(count - counts.count)
        for (position, review) in reviews.enumerated() {
            let card = Int(cardOfReview[position])
            let slot = Int(next[card])
            next[card] += 1
            ratings[slot] = UInt8(review.rating.rawValue)
            guard slot > Int(starts[card]) else {
                lastDay[card] = review.day
                continue
            }
            let elapsed = Int32(clamping: max(0, Int(review.day) - Int(lastDay[card])))
            lastDay[card] = review.day
            elapsedDays[slot] = elapsed
            guard elapsed > 0 else { continue }
            longTerm[card] += 1
            let sequence = 1 + longTerm[card]
            scorable.append(
                Scorable(review: Int32(slot), cardStart: starts[card], sequence: sequence, lapses: lapses[card]))
            if review.rating == .again { lapses[card] += 1 }
        }
    }

    /// The rating of review `index`.
    public func rating(at index: Int) -> Rating {
        Rating(rawValue: Int(ratings[index])) ?? .again
    }
}
