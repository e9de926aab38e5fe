import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck doctor`: checks the progress files and rebuilds the card states from the log when needed.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the progress files; rebuild card states from the review log when they disagree.",
        discussion: """
            The file replaced is kept as cards.json.bak-<time>. Doctor never rebuilds from a log that is missing, \
            shorter than cards.json says, or missing answers cards.json holds, since that would roll progress back; \
            --force rebuilds anyway (the old file is still kept).
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Rebuild from the log even when it is missing or shorter than cards.json says (cards.json is kept).")
    var force = false

    mutating func run() throws {
        let now = try global.clock()
        let paths = global.paths()
        let library = DeckLibrary(paths: paths)
        let known = Set(try library.decks(usingCache: false).flatMap { $0.cards.map(\.id) })
        global.announceProgress(paths.progress, creating: true)
        let store = try ProgressStore.open(folder: paths.progress)
        let report = store.doctor(knownCardIDs: known)
        let cardsDamaged = report.cardsFileExists && report.storedCount == nil
        let logReadable = !report.damagedFiles.contains { error in
            if case .damaged(let file, _, _, _) = error { return file == store.logURL.path }
            if case .newerSchema(let file, _, _) = error { return file == store.logURL.path }
            return false
        }
        var repair = DoctorText.Repair.none
        if cardsDamaged || !report.disagreements.isEmpty || report.logIsShorterThanCheckpoint
            || report.checkpointFoldDisagrees
        {
            if !logReadable {
                repair = .impossible
            } else if report.rebuildLosesProgress(cardsDamaged: cardsDamaged) && !force {
                repair = .refused
            } else {
                // The study days the rebuilt file carries are counted as the learner's sessions count them.
                let days = (try? StudySettings.load(from: paths.progress))?.days(systemTimeZone: .current) ?? .pyFSRS
                let kept = try store.restoreCardsFromLog(force: true, days: days, now: now)
                repair = .rebuilt(cards: report.rebuilt.count, keptCopy: kept)
            }
        }
        print(
            DoctorText.render(
                report, repair: repair, cardsPath: store.cardsURL.path, logPath: store.logURL.path))
        // Unreadable log lines are reported and kept, but nothing can be done about them: only a
        // state that could not be made consistent fails the command.
        if repair == .impossible || repair == .refused { throw CommandFailure(code: 1) }
    }
}
