/// The ranges fsrs-rs keeps the weights in while fitting (for FSRS-6 with one relearning step and
/// same-day reviews on): initial stabilities 0.001…100, w19 at least 0.01, and py-fsrs's bounds
/// for the rest, so fitted weights always pass `SchedulerParameters`' validation.
enum ParameterClipping {
    static let lower: [Float] = [
        0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0.01, 0.1,
    ]
    static let upper: [Float] = [
        100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5, 5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8,
    ]

    /// Clamps every weight into its range.
    static func clip(_ weights: inout [Float]) {
        for index in weights.indices {
            weights[index] = min(max(weights[index], lower[index]), upper[index])
        }
    }
}
