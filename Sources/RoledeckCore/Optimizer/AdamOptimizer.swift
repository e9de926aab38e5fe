/// Adam as fsrs-rs runs it: moments in double precision, weights in single precision,
/// β₁ = 0.9, β₂ = 0.999, ε = 1e-8, bias-corrected.
struct AdamOptimizer {
    private var first = [Double](repeating: 0, count: 21)
    private var second = [Double](repeating: 0, count: 21)
    private var steps: Int32 = 0

    /// Moves `weights` one step against `gradient` at learning rate `rate`.
    mutating func step(_ weights: inout [Float], gradient: [Double], rate: Double) {
        let beta1 = 0.9
        let beta2 = 0.999
        steps += 1
        let correction1 = 1 - Self.power(beta1, steps)
        let correction2 = 1 - Self.power(beta2, steps)
        for index in weights.indices {
            first[index] = beta1 * first[index] + (1 - beta1) * gradient[index]
            second[index] = beta2 * second[index] + (1 - beta2) * gradient[index] * gradient[index]
            let mean = first[index] / correction1
            let variance = second[index] / correction2
            weights[index] -= Float(rate * mean / (variance.squareRoot() + 1e-8))
        }
    }

    /// `base` to a whole power by repeated squaring, as Rust's `powi` computes it.
    static func power(_ base: Double, _ exponent: Int32) -> Double {
        var result = 1.0
        var factor = base
        var remaining = exponent
        while true {
            if remaining & 1 == 1 { result *= factor }
            remaining /= 2
            if remaining == 0 { break }
            factor *= factor
        }
        return result
    }
}
