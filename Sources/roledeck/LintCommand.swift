import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck lint`: checks the questions of a catalog's decks as a careful teacher would and exits 1 on a problem.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the decks' questions against their catalog: keys, wrong options, whole duties, particles.",
        discussion: """
            Checks the deck files of the decks folder (or, with --catalog or without deck files, the decks \
            generated from the catalog): duties cut inside a duty, counts that differ from the answers, lists \
            of more than three, wrong options that may be right, prompts that give the answer away, cloze \
            lines that show their blank elsewhere, repeated prompts, particles the spelling table did not \
            decide, typed answers with a Latin name the table cannot read in Hangul, true/false above 15%, \
            and catalog facts no card asks. Each problem names the card and \
            the catalog line. How questions are made: docs/questions.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "The catalog to check (default: Decks/catalog/ai-jobs.md, else the built-in one); its decks are generated.",
            valueName: "file"))
    var catalog: String?

    mutating func run() throws {
        let library = DeckLibrary(paths: global.paths())
        let catalog = try library.catalog(at: self.catalog.map(fileURL))
        report(catalog.warnings)
        var decks = DeckGenerator(catalog: catalog).decks()
        var checked = "\(catalog.source)에서 만든"
        if self.catalog == nil, case .directory(let folder) = library.paths.decks,
            let files = try? DeckFile.loadAll(from: folder)
        {
            decks = files
            checked = "\(folder.path)의"
        }
        let problems = Linter(catalog: catalog).lint(decks)
        let cards = decks.reduce(0) { $0 + $1.cards.count }
        guard problems.isEmpty else {
            for problem in problems {
                let place = problem.line.map { "\(catalog.source):\($0)" } ?? catalog.source
                let card = problem.card.map { "\($0): " } ?? ""
                FileHandle.standardError.write(Data("\(place): \(card)\(problem.message)\n".utf8))
            }
            FileHandle.standardError.write(
                Data("roledeck: error: lint: \(checked) 카드 \(cards)장에서 문제를 \(problems.count)개 찾았습니다.\n".utf8))
            throw CommandFailure(code: 1)
        }
        print(
            "\(checked) 덱 \(decks.count)개 · 카드 \(cards)장: 문제가 없습니다"
                + (catalog.warnings.isEmpty ? "." : " (경고 \(catalog.warnings.count)개는 위에)."))
    }
}
