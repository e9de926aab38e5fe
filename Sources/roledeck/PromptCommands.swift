import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck leeches`: the cards forgotten again and again, as the prompt's `leeches` lists them.
struct LeechesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leeches", abstract: "List the leeches: cards forgotten again and again. (거머리)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    mutating func run() throws {
        try study.runPromptCommand(.leeches, global, needsWriting: false, onlyReads: true)
    }
}

/// `roledeck suspended`: the suspended cards, numbered for `unsuspend N`.
struct SuspendedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspended", abstract: "List the suspended cards, numbered for unsuspend. (보류 목록)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    mutating func run() throws {
        try study.runPromptCommand(.suspended, global, needsWriting: false, onlyReads: true)
    }
}

/// `roledeck unsuspend N`: puts a suspended card back into study.
struct UnsuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unsuspend",
        abstract: "Put a suspended card back into study: its number in `suspended`, its id or the start of it. (보류 해제)")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    @Argument(help: ArgumentHelp("The card: its number in `roledeck suspended`, or its id or a unique start of it."))
    var card: String

    mutating func run() throws {
        var repl = try study.openREPL(global, needsWriting: true)
        let id = try SuspendedCards(records: repl.state.records, cards: repl.state.cards).card(for: card)
        repl.execute(.unsuspend(id: id.rawValue))
        try repl.reportFailure()
    }
}

/// `roledeck settings`: every setting with its value, default and range.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show every study setting with its value, default and range. (설정)",
        discussion: "The settings live in the progress folder's settings.json; docs/settings.md describes each key.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var study: StudyOptions

    mutating func run() throws {
        try study.runPromptCommand(.settings, global, needsWriting: false, onlyReads: true)
    }
}

extension StudyOptions {
    /// Runs one of the prompt's commands and exits.
    func runPromptCommand(
        _ command: REPLCommand, _ global: GlobalOptions, needsWriting: Bool, onlyReads: Bool = false
    ) throws {
        var repl = try openREPL(global, needsWriting: needsWriting, onlyReads: onlyReads)
        repl.execute(command)
        try repl.reportFailure()
    }
}
