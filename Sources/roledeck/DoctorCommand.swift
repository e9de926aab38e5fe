import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck doctor`: checks the progress files and rebuilds the card states from the log when needed.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the progress files; rebuild card states from the review log when they disagree.")

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        let paths = global.paths()
        let library = DeckLibrary(paths: paths)
        let known = Set(try library.decks().flatMap { $0.cards.map(\.id) })
        let store = try ProgressStore.open(folder: paths.progress)
        let report = store.doctor(knownCardIDs: known)
        let cardsDamaged = report.cardsFileExists && report.storedCount == nil
        let logReadable = !report.damagedFiles.contains { error in
            if case .damaged(let file, _, _, _) = error { return file == store.logURL.path }
            if case .newerSchema(let file, _, _) = error { return file == store.logURL.path }
            return false
        }
        var repair = DoctorText.Repair.none
        if cardsDamaged || !report.disagreements.isEmpty {
            if logReadable {
                let kept = try store.restoreCardsFromLog()
                repair = .rebuilt(cards: report.rebuilt.count, keptCopy: kept)
            } else {
                repair = .impossible
            }
        }
        print(
            DoctorText.render(
                report, repair: repair, cardsPath: store.cardsURL.path, logPath: store.logURL.path))
        // Unreadable log lines are reported and kept, but nothing can be done about them: only a
        // state that could not be made consistent fails the command.
        if repair == .impossible { throw CommandFailure(code: 1) }
    }
}
