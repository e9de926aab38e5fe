import Foundation
import RoledeckCore

extension REPL {
    /// `optimize` at the prompt: fits the progress log; when the new weights are saved, the session
    /// goes on with them (the study state is reloaded with the new settings).
    mutating func optimize(now: Date) {
        // It may write settings.json, which the session holding the folder would not see.
        guard requireWritable() else { return }
        let text = OptimizerText(palette: console.palette)
        let line = FitProgressLine(console: console, isTerminal: showsProgress)
        do {
            let loaded = try ReviewSource.progress(state.store, days: state.days).load(now: now)
            do {
                let result = try ParameterFitting.optimize(
                    loaded, settings: state.settings, progressFolder: state.progressFolder,
                    progress: { line.update($0) })
                line.finish()
                console.lines(text.optimization(result))
                if case .saved = result.decision { try reloadSettings() }
            } catch OptimizerError.notEnoughReviews(let scorable, let needed) {
                console.lines(text.source(loaded) + text.refusal(scorable: scorable, needed: needed))
            }
        } catch {
            line.finish()
            console.line(console.palette.bad(Self.describe(error)))
        }
    }

    /// `evaluate [PARAMETERS]` at the prompt: current, default, previous, or 21 numbers.
    func evaluate(_ parameters: String?, now: Date) {
        let text = OptimizerText(palette: console.palette)
        do {
            let choice = try ParametersChoice.resolve(parameters, settings: state.settings, source: "evaluate")
            let loaded = try ReviewSource.progress(state.store, days: state.days).load(now: now)
            guard let result = try ParameterFitting.evaluate(loaded, choice: choice) else {
                console.lines(text.source(loaded) + text.nothingToScore())
                return
            }
            console.lines(text.evaluation(result))
        } catch {
            console.line(console.palette.bad(Self.describe(error)))
        }
    }

    /// The study state again, with the settings file as it now is.
    private mutating func reloadSettings() throws {
        let settings = try StudySettings.load(from: state.progressFolder)
        let zone: TimeZone
        if case .anki(_, let current) = state.days { zone = current } else { zone = .current }
        state = try StudyState(decks: state.decks, store: state.store, settings: settings, systemTimeZone: zone)
        console.line(console.palette.dim("이제부터 새 매개변수로 일정을 잡습니다."))
    }

    private static func describe(_ error: any Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
