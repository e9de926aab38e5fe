import Foundation

/// Fits the 21 FSRS-6 weights to a review history the way fsrs-rs 6.6 (fsrs-rs-python 0.9.3) does.
///
/// 1. The scorable reviews become training items (`TrainingSet`): outliers out, recency weights on.
/// 2. w0…w3 are pre-fitted from the first later-day reviews (`InitialStability`); the other weights
///    start at the defaults. With fewer than 8 items the defaults are returned; with fewer than 64,
///    or with nothing but first later-day reviews, the pre-fit is the result.
/// 3. Adam runs over batches of 512 items for 5 epochs, the learning rate annealed from 0.04 by a
///    cosine, the batches visited in an order shuffled by ChaCha12 seeded with 2023, so the same
///    history always gives the same weights. Each batch's loss is its items' weighted log loss plus
///    an L2 pull toward the starting weights, Σ((w−w₀)/σ)² scaled by the batch's share of the items,
///    with fsrs-rs's per-weight σ. After every step the weights are clipped to their bounds.
/// 4. The weights after the last epoch are the result (fsrs-rs 6.6 keeps no "best epoch"), with
///    w0…w3 smoothed to grow with the rating.
public enum FSRSOptimizer {
    /// How a fit is run; the defaults are fsrs-rs's.
    public struct Configuration: Sendable, Equatable {
        public var epochs = 5
        public var batchSize = 512
        public var seed: UInt64 = 2023
        public var learningRate = 0.04
        /// Items with more reviews than this are left out of the training.
        public var maximumLength = 256
        /// The strength of the pull toward the starting weights.
        public var regularisation = 1.0

        public init() {}
    }

    /// What a fit could do with the history it was given.
    public enum Stage: Sendable, Equatable {
        /// Fewer than 8 items: the default weights.
        case defaults
        /// Too few items to train on: the pre-fitted w0…w3 with the default weights.
        case initialStabilityOnly
        /// Trained for every epoch.
        case trained
    }

    /// The outcome of a fit.
    public struct Fit: Sendable, Equatable {
        /// The fitted weights w0…w20, as decimals that pass `SchedulerParameters`' bounds.
        public var weights: [Double]
        public var stage: Stage
        /// The items trained on (scorable reviews left after the outlier filter).
        public var trainingItems: Int
        /// The first later-day reviews the initial stabilities were pre-fitted from.
        public var initialisationItems: Int
    }

    /// Where a fit is, for a progress line.
    public struct Progress: Sendable, Equatable {
        public var epoch: Int
        public var epochs: Int
        /// Items done in this epoch, and per epoch.
        public var itemsDone: Int
        public var itemsPerEpoch: Int

        /// The share of the whole fit done, 0…1.
        public var fraction: Double {
            guard epochs > 0, itemsPerEpoch > 0 else { return 1 }
            return (Double(epoch - 1) + Double(itemsDone) / Double(itemsPerEpoch)) / Double(epochs)
        }
    }

    /// fsrs-rs's default weights in single precision.
    public static let defaultWeights: [Float] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
        1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The spread fsrs-rs assumes for each weight in the pull toward the starting weights.
    static let spread: [Float] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31,
        0.32, 0.14, 0.27,
    ]

    /// The fewest scorable reviews `roledeck optimize` fits to: below 64 items fsrs-rs trains nothing
    /// beyond the initial stabilities.
    public static let minimumScorableReviews = 64

    /// Throws `notEnoughReviews` when `dataset` has fewer than `minimumScorableReviews` scorable reviews.
    public static func requireEnoughReviews(_ dataset: ReviewDataset) throws(OptimizerError) {
        guard dataset.scorable.count >= minimumScorableReviews else {
            throw .notEnoughReviews(scorable: dataset.scorable.count, needed: minimumScorableReviews)
        }
    }

    /// Fits the weights to the scorable reviews `rows` of `dataset` (all of them by default).
    ///
    /// Throws `noFirstIntervals` when no first later-day review is left for the pre-fit, and `diverged`
    /// if training produced non-finite weights.
    public static func fit(
        _ dataset: ReviewDataset, rows: Range<Int>? = nil, configuration: Configuration = Configuration(),
        progress: ((Progress) -> Void)? = nil
    ) throws(OptimizerError) -> Fit {
        let rows = rows ?? dataset.scorable.indices
        let set = TrainingSet(dataset, rows: rows, maximumLength: configuration.maximumLength)
        guard set.itemCount >= 8 else {
            return Fit(
                weights: defaultWeights.map(decimal), stage: .defaults, trainingItems: set.itemCount,
                initialisationItems: set.firstIntervals.count)
        }
        guard let (initial, counts) = InitialStability.fit(set.firstIntervals, averageRecall: set.averageRecall) else {
            throw .noFirstIntervals
        }
        let start = initial + defaultWeights[4...]
        if set.itemCount == set.firstIntervals.count || set.itemCount < 64 || set.items.isEmpty {
            return Fit(
                weights: start.map(decimal), stage: .initialStabilityOnly, trainingItems: set.itemCount,
                initialisationItems: set.firstIntervals.count)
        }
        var trained = train(
            set.items, dataset: dataset, start: start, configuration: configuration, progress: progress)
        guard trained.allSatisfy(\.isFinite) else { throw .diverged }
        let fitted = Dictionary(uniqueKeysWithValues: (1...4).map { ($0, trained[$0 - 1]) })
        if let smoothed = InitialStability.smoothAndFill(fitted, counts: counts) {
            trained.replaceSubrange(0..<4, with: smoothed)
        }
        return Fit(
            weights: trained.map(decimal), stage: .trained, trainingItems: set.itemCount,
            initialisationItems: set.firstIntervals.count)
    }

    /// The shortest decimal that reads back as `value`, so a clipped 0.8 is written as 0.8.
    static func decimal(_ value: Float) -> Double {
        Double("\(value)") ?? Double(value)
    }

    // MARK: - Training

    private static func train(
        _ items: [TrainingSet.Item], dataset: ReviewDataset, start: [Float], configuration: Configuration,
        progress: ((Progress) -> Void)?
    ) -> [Float] {
        let total = items.count
        let batchSize = max(1, configuration.batchSize)
        let batchCount = (total + batchSize - 1) / batchSize
        var schedule = CosineAnnealingSchedule(
            length: Double((total / batchSize + 1) * configuration.epochs), initialRate: configuration.learningRate)
        var generator = ChaCha12Generator(seed: configuration.seed)
        var adam = AdamOptimizer()
        var weights = start
        let longest = items.map { Int($0.count) }.max() ?? 1
        var steps = [TrainingModel.Step](repeating: TrainingModel.Step(), count: longest)
        var order = Array(0..<batchCount)
        dataset.ratings.withUnsafeBufferPointer { ratings in
            dataset.elapsedDays.withUnsafeBufferPointer { elapsed in
                steps.withUnsafeMutableBufferPointer { steps in
                    guard let ratings = ratings.baseAddress, let elapsed = elapsed.baseAddress,
                        let scratch = steps.baseAddress
                    else { return }
                    func addGradient(of batch: Int, model: TrainingModel, to gradient: UnsafeMutablePointer<Double>) {
                        for item in items[(batch * batchSize)..<min(total, (batch + 1) * batchSize)] {
                            let start = Int(item.start)
                            _ = model.loss(
                                ratings: ratings + start, elapsed: elapsed + start, count: Int(item.count),
                                weight: item.weight, gradient: gradient, steps: scratch)
                        }
                    }
                    for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
                        for index in order.indices { order[index] = index }
                        BatchShuffle.shuffle(&order, using: &generator)
                        var done = 0
                        for batch in order {
                            let rate = schedule.next()
                            let size = min(total, (batch + 1) * batchSize) - batch * batchSize
                            var gradient = [Double](repeating: 0, count: 21)
                            gradient.withUnsafeMutableBufferPointer { buffer in
                                guard let base = buffer.baseAddress else { return }
                                addGradient(of: batch, model: TrainingModel(weights: weights), to: base)
                            }
                            let scale = configuration.regularisation * Double(size) / Double(total)
                            for index in 0..<21 {
                                let delta = Double(weights[index] - start[index])
                                let variance = Double(spread[index] * spread[index])
                                gradient[index] += 2 * delta / variance * scale
                            }
                            adam.step(&weights, gradient: gradient, rate: rate)
                            ParameterClipping.clip(&weights)
                            done += size
                            progress?(
                                Progress(
                                    epoch: epoch, epochs: configuration.epochs, itemsDone: done, itemsPerEpoch: total))
                        }
                    }
                }
            }
        }
        return weights
    }
}
