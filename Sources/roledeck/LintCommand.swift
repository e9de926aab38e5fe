import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck lint`: checks the questions a catalog generates and exits non-zero on a problem.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a catalog's generated questions: ids, distractors, coverage.")

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "The catalog to check (default: Decks/catalog/ai-jobs.md, else the built-in one).", valueName: "file"))
    var catalog: String?

    mutating func run() throws {
        let library = DeckLibrary(paths: global.paths())
        let catalog = try library.catalog(at: self.catalog.map(fileURL))
        report(catalog.warnings)
        let decks = DeckGenerator(catalog: catalog).decks()
        let problems = Linter(catalog: catalog).lint(decks)
        let cards = decks.reduce(0) { $0 + $1.cards.count }
        guard problems.isEmpty else {
            for problem in problems {
                FileHandle.standardError.write(Data("\(catalog.source): \(problem)\n".utf8))
            }
            FileHandle.standardError.write(
                Data("roledeck: error: lint found \(problems.count) problem(s) in \(cards) cards.\n".utf8))
            throw CommandFailure(code: 1)
        }
        print(
            "\(catalog.source): \(cards) cards in \(decks.count) decks, no problems"
                + (catalog.warnings.isEmpty ? "." : " (\(catalog.warnings.count) warning(s) above)."))
    }
}
