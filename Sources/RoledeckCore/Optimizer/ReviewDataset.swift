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

    /// Builds the dataset from reviews listed in the order they happened.
    ///
    /// A review dated before its card's previous one counts as the same day (0 days), as fsrs-rs
    /// and the reference scripts do.
    public init(_ reviews: [Review]) {
        var cardIndex: [Int32: Int] = [:]
        var cardOfReview = [Int32](repeating: 0, count: reviews.count)
        var counts: [Int32] = []
        for (position, review) in reviews.enumerated() {
            let index: Int
            if let known = cardIndex[review.card] {
                index = known
            } else {
                index = counts.count
                cardIndex[review.card] = index
                counts.append(0)
            }
            cardOfReview[position] = Int32(index)
            counts[index] += 1
        }
        cardCount = counts.count
        // Each card's reviews go to one stretch of the flat arrays, in the order given.
        var starts = [Int32](repeating: 0, count: counts.count + 1)
        for card in 0..<counts.count { starts[card + 1] = starts[card] + counts[card] }
        cardStarts = starts
        var next = Array(starts.dropLast())
        var flatIndex = [Int32](repeating: 0, count: reviews.count)
        var days = [Int32](repeating: 0, count: reviews.count)
        ratings = [UInt8](repeating: 0, count: reviews.count)
        elapsedDays = [Int32](repeating: 0, count: reviews.count)
        for (position, review) in reviews.enumerated() {
            let card = Int(cardOfReview[position])
            let slot = Int(next[card])
            next[card] += 1
            flatIndex[position] = Int32(slot)
            ratings[slot] = UInt8(review.rating.rawValue)
            days[slot] = review.day
        }
        var sequence = [Int32](repeating: 0, count: reviews.count)
        var lapsesBefore = [Int32](repeating: 0, count: reviews.count)
        for card in 0..<counts.count {
            var longTerm: Int32 = 0
            var lapses: Int32 = 0
            for slot in Int(starts[card])..<Int(starts[card + 1]) {
                if slot > Int(starts[card]) {
                    elapsedDays[slot] = Int32(clamping: max(0, Int(days[slot]) - Int(days[slot - 1])))
                }
                lapsesBefore[slot] = lapses
                if elapsedDays[slot] > 0 {
                    longTerm += 1
                    if ratings[slot] == 1 { lapses += 1 }
                }
                sequence[slot] = 1 + longTerm
            }
        }
        for position in reviews.indices {
            let slot = Int(flatIndex[position])
            guard elapsedDays[slot] > 0 else { continue }
            scorable.append(
                Scorable(
                    review: Int32(slot), cardStart: starts[Int(cardOfReview[position])], sequence: sequence[slot],
                    lapses: lapsesBefore[slot]))
        }
    }

    /// The rating of review `index`.
    public func rating(at index: Int) -> Rating {
        Rating(rawValue: Int(ratings[index])) ?? .again
    }
}
