import Foundation

/// The learning rate of each optimiser step: cosine annealing from the initial rate toward 0 over
/// `length` steps, in PyTorch's recursive form (each rate derived from the one before), as fsrs-rs uses it.
struct CosineAnnealingSchedule {
    let length: Double
    let initialRate: Double
    private var count = 0.0
    private var rate: Double

    init(length: Double, initialRate: Double) {
        self.length = length
        self.initialRate = initialRate
        rate = initialRate
    }

    /// The rate of the next step; the first is the initial rate.
    mutating func next() -> Double {
        let current = rate
        count += 1
        if (count - 1 - length).truncatingRemainder(dividingBy: 2 * length) == 0 {
            rate = initialRate * (1 - cos(Double.pi / length)) / 2
        } else {
            let ratio = (1 + cos(Double.pi * count / length)) / (1 + cos(Double.pi * (count - 1) / length))
            rate = 0.0.addingProduct(ratio, rate)
        }
        return current
    }
}
