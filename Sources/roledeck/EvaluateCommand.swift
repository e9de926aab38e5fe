import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck evaluate`: how well FSRS parameters predict the review history.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure how well FSRS parameters predict your reviews: log loss, RMSE(bins), AUC. (평가)",
        discussion: """
            The metrics are srs-benchmark's, over every scorable review (a card's later reviews, each on a later \
            day than the one before); the default parameters are shown beside them. --split 5 fits on the past and \
            predicts what came next, fold by fold: the honest measure of fitting. docs/optimizer.md explains them.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var revlog: RevlogOptions

    @Option(
        help: ArgumentHelp(
            "The parameters to score: current (settings.json), default, previous (the ones optimize replaced), "
                + "21 numbers separated by commas, or a JSON file with such a list.", valueName: "parameters"))
    var parameters: String?

    @Option(
        help: ArgumentHelp(
            "Also fit and predict in a chronological split into this many folds (2–20).", valueName: "folds"))
    var split: Int?

    func validate() throws {
        if let split, !(2...20).contains(split) {
            throw ValidationError("--split \(split): 분할 수는 2부터 20까지여야 합니다.")
        }
    }

    mutating func run() throws {
        let now = try global.clock()
        let folder = global.paths().progress
        let settings = try StudySettings.load(from: folder)
        let choice = try ParametersChoice.resolve(parameters, settings: settings)
        let source = try revlog.source(progress: folder, settings: settings)
        let (console, isTerminal) = OptimizerConsole.make()
        let line = FitProgressLine(console: console, isTerminal: isTerminal)
        let folds = split
        let loaded = try source.load(now: now)
        let text = OptimizerText(palette: console.palette)
        guard
            let result = try ParameterFitting.evaluate(
                loaded, choice: choice, split: split, progress: { line.update($1, fold: $0, folds: folds) })
        else {
            console.lines(text.source(loaded) + text.nothingToScore())
            throw CommandFailure(code: 1)
        }
        line.finish()
        console.lines(text.evaluation(result))
    }
}
