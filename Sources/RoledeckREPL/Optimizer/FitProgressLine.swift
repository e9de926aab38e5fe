import RoledeckCore

/// The line that shows how far a fit has got, redrawn in place (carriage return, no escape codes)
/// on a terminal and cleared when the fit ends; off a terminal it writes nothing, so pipes and logs
/// get only the report.
public final class FitProgressLine {
    private let console: Console
    private let isTerminal: Bool
    private var shown = -1
    private var width = 0

    public init(console: Console, isTerminal: Bool) {
        self.console = console
        self.isTerminal = isTerminal
    }

    /// Shows `progress` (of fold `fold` of `folds`, when splitting) if the percentage moved.
    public func update(_ progress: FSRSOptimizer.Progress, fold: Int? = nil, folds: Int? = nil) {
        guard isTerminal else { return }
        let overall: Double
        if let fold, let folds, folds > 0 {
            overall = (Double(fold) + progress.fraction) / Double(folds)
        } else {
            overall = progress.fraction
        }
        let percent = Int((overall * 100).rounded(.down))
        guard percent != shown else { return }
        shown = percent
        let text = Self.text(progress, percent: percent, fold: fold, folds: folds)
        width = max(width, DisplayWidth.of(text))
        console.write("\r" + text)
    }

    /// Clears the line.
    public func finish() {
        guard isTerminal, shown >= 0 else { return }
        console.write("\r" + String(repeating: " ", count: width) + "\r")
        shown = -1
    }

    static func text(_ progress: FSRSOptimizer.Progress, percent: Int, fold: Int?, folds: Int?) -> String {
        let filled = percent / 5
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: 20 - filled)
        let place = fold.map { "\($0 + 1)/\(folds ?? 0)겹 · " } ?? ""
        return "매개변수 맞추는 중 [\(bar)] \(percent)% (\(place)에포크 \(progress.epoch)/\(progress.epochs))"
    }
}
