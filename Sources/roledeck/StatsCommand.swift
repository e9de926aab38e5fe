import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck stats`: what the learner knows, by domain and role, from the review log and the card states.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show mastery statistics: today, streak, mastery by domain and role, retention, forecast.",
        discussion: "The JSON keys of --json are documented in docs/stats.md.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this domain (its name, English name, key or number).", valueName: "name"))
    var domain: String?

    @Option(help: ArgumentHelp("Only this role (its name or key).", valueName: "name"))
    var role: String?

    @Flag(help: "Print every figure as JSON (keys in docs/stats.md).")
    var json = false

    @Flag(help: "Print the catalog's mindmap as Mermaid, each node with its mastery percentage.")
    var mermaid = false

    func validate() throws {
        if json && mermaid { throw ValidationError("--json과 --mermaid는 함께 쓸 수 없습니다.") }
    }

    mutating func run() throws {
        let now = try global.clock()
        let paths = global.paths()
        let loader = StatsLoader(library: DeckLibrary(paths: paths), systemTimeZone: .current)
        let loaded = try loader.load(now: now, domain: domain, role: role)
        global.announceProgress(paths.progress, creating: false)
        if let shortfall = loaded.logShortfall {
            FileHandle.standardError.write(
                Data(
                    "roledeck: warning: \(shortfall.errorDescription ?? "\(shortfall)") 수치는 cards.json으로 셉니다.\n"
                        .utf8))
        }
        for issue in loaded.logIssues where !issue.isTornTail {
            FileHandle.standardError.write(
                Data("roledeck: warning: \(issue.error.errorDescription ?? "\(issue.error)") (이 줄은 건너뜁니다)\n".utf8))
        }
        if json {
            print(StatsLoader.json(loaded.statistics), terminator: "")
        } else if mermaid {
            print(MermaidMastery.render(loaded.statistics, mindmap: loaded.mindmap), terminator: "")
        } else {
            let style = TerminalIO.outputStyle(environment: ProcessInfo.processInfo.environment)
            print(
                StatsReport.render(loaded.statistics, width: TerminalIO.outputWidth(), colour: style.usesColor),
                terminator: "")
        }
    }
}
