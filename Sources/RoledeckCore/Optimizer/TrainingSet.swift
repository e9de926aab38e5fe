/// The reviews a fit learns from, prepared as fsrs-rs prepares them.
///
/// Each scorable review becomes an item: the card's reviews up to and including it. Items whose
/// card's first later-day review is an outlier for its first rating are dropped (per first rating,
/// the rarest elapsed-day groups, 5% of the reviews but at least 20, and any group of fewer than 6
/// reviews or longer than 100 days, 365 for Easy). The first later-day reviews that remain pre-fit
/// w0…w3. Items get recency weights 0.25 + 0.75·(k/(n−1))³ in the order they happened; items with
/// more than `maximumLength` reviews are then left out, and the rest are sorted by length (stably)
/// and cut into batches.
struct TrainingSet {
    /// A card's reviews from `start`, `count` of them; the last is the one predicted.
    struct Item {
        var start: Int32
        var count: Int32
        var weight: Float
    }

    /// The first later-day reviews kept for the pre-fit.
    var firstIntervals: [InitialStability.FirstInterval] = []
    /// The share of kept items not rated Again.
    var averageRecall: Float = 0
    /// How many items survived the outlier filter (before the length limit).
    var itemCount = 0
    /// The weighted items within the length limit, sorted by length.
    var items: [Item] = []

    /// The training set of the scorable reviews `rows` of `dataset`.
    init(_ dataset: ReviewDataset, rows: Range<Int>, maximumLength: Int) {
        let scorable = dataset.scorable[rows]
        // Outlier analysis over the items whose only later-day review is the predicted one.
        var groups: [Int: [Int: [Int]]] = [:]
        for (offset, item) in scorable.enumerated() where item.sequence == 2 {
            let firstRating = Int(dataset.ratings[Int(item.cardStart)])
            groups[firstRating, default: [:]][Int(dataset.elapsedDays[Int(item.review)]), default: []].append(offset)
        }
        var removed: [Int: Set<Int>] = [:]
        var keptForInitialisation: [Int] = []
        for rating in groups.keys.sorted() {
            guard let byDays = groups[rating] else { continue }
            let total = byDays.values.reduce(0) { $0 + $1.count }
            let smallestFirst = byDays.sorted { lhs, rhs in
                lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count : lhs.key < rhs.key
            }
            var removedSoFar = 0
            for (days, members) in smallestFirst {
                if removedSoFar + members.count >= max(20, total / 20) {
                    if members.count >= 6 && days <= (rating != 4 ? 100 : 365) {
                        keptForInitialisation += members
                    } else {
                        removed[rating, default: []].insert(days)
                    }
                } else {
                    removedSoFar += members.count
                    removed[rating, default: []].insert(days)
                }
            }
        }
        firstIntervals = keptForInitialisation.map { offset in
            let item = scorable[scorable.startIndex + offset]
            return InitialStability.FirstInterval(
                firstRating: Int(dataset.ratings[Int(item.cardStart)]),
                elapsedDays: Int(dataset.elapsedDays[Int(item.review)]), recalled: dataset.ratings[Int(item.review)] > 1
            )
        }
        var kept: [(start: Int32, count: Int32)] = []
        var recalled = 0
        for item in scorable {
            let start = Int(item.cardStart)
            let firstRating = Int(dataset.ratings[start])
            if let days = removed[firstRating] {
                var first = start + 1
                while dataset.elapsedDays[first] == 0 { first += 1 }
                if days.contains(Int(dataset.elapsedDays[first])) { continue }
            }
            kept.append((item.cardStart, item.review - item.cardStart + 1))
            if dataset.ratings[Int(item.review)] > 1 { recalled += 1 }
        }
        itemCount = kept.count
        averageRecall = kept.isEmpty ? 0 : Float(recalled) / Float(kept.count)
        let last = max(Float(kept.count) - 1, 1)
        var weighted: [Item] = []
        for (index, item) in kept.enumerated() where item.count <= maximumLength {
            let position = Float(index) / last
            weighted.append(
                Item(start: item.start, count: item.count, weight: 0.25 + 0.75 * (position * position * position)))
        }
        // A stable sort by length: fsrs-rs's batches hold items of about the same length.
        items = weighted.indices.sorted { lhs, rhs in
            weighted[lhs].count != weighted[rhs].count ? weighted[lhs].count < weighted[rhs].count : lhs < rhs
        }.map { weighted[$0] }
    }
}
