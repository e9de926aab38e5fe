import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck optimize`: fits the FSRS-6 parameters to the review history and saves them when they are better.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit the 21 FSRS-6 parameters to your review history; save them when they predict it better. (최적화)",
        discussion: """
            Fits as fsrs-rs (Anki's optimizer) does and prints log loss and RMSE(bins) before and after. The new \
            parameters go to settings.json only when their log loss is lower; the ones they replace stay there as \
            previousParameters (roledeck evaluate --parameters previous scores them). Needs at least \
            \(FSRSOptimizer.minimumScorableReviews) scorable reviews (a card's later reviews, each on a later day \
            than the one before). How to read the numbers: docs/optimizer.md.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var revlog: RevlogOptions

    @Flag(help: "Fit and report, but do not change settings.json.")
    var dryRun = false

    mutating func run() throws {
        let now = try global.clock()
        let folder = global.paths().progress
        let settings = try StudySettings.load(from: folder)
        let source = try revlog.source(progress: folder, settings: settings)
        let (console, isTerminal) = OptimizerConsole.make()
        let text = OptimizerText(palette: console.palette)
        let line = FitProgressLine(console: console, isTerminal: isTerminal)
        let loaded = try source.load(now: now)
        do {
            let result = try ParameterFitting.optimize(
                loaded, settings: settings, progressFolder: folder, dryRun: dryRun, progress: { line.update($0) })
            line.finish()
            console.lines(text.optimization(result))
        } catch OptimizerError.notEnoughReviews(let scorable, let needed) {
            console.lines(text.source(loaded) + text.refusal(scorable: scorable, needed: needed))
            throw CommandFailure(code: 1)
        }
    }
}
