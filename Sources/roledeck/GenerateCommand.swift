import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck generate`: writes one deck per domain from a catalog.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate one JSON deck per domain from a catalog.")

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "The catalog to read (default: Decks/catalog/ai-jobs.md, else the built-in one).", valueName: "file"))
    var catalog: String?

    @Option(help: ArgumentHelp("The folder to write the decks to (default: the decks folder).", valueName: "dir"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Generate only this domain's deck (its name, English name, key or number).", valueName: "name"))
    var domain: String?

    mutating func run() throws {
        let paths = global.paths()
        let library = DeckLibrary(paths: paths)
        let catalog = try library.catalog(at: self.catalog.map(fileURL))
        report(catalog.warnings)
        var decks = DeckGenerator(catalog: catalog).decks()
        if let name = domain {
            let match = try NameMatcher.domains(of: decks).find(name, kind: .domain)
            decks = [match]
        }
        let folder = out.map(fileURL) ?? paths.defaultOutput
        for deck in decks {
            let changed = try DeckFile.write(deck, to: folder)
            let path = folder.appendingPathComponent(deck.fileName).path
            print("\(changed ? "wrote" : "unchanged") \(path) (\(deck.cards.count) cards)")
        }
        print("\(decks.count) deck(s), \(decks.reduce(0) { $0 + $1.cards.count }) cards from \(catalog.source)")
        if domain == nil {
            // Decks of domains the catalog no longer has are left alone, but said.
            let written = Set(decks.map(\.fileName))
            let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for stale in present.sorted() where stale.hasSuffix(".json") && !written.contains(stale) {
                print("note: \(folder.appendingPathComponent(stale).path) is not a deck of this catalog; left as it is")
            }
        }
    }
}

/// Prints catalog warnings to standard error, one `file:line: warning: …` line each.
func report(_ warnings: [CatalogWarning]) {
    for warning in warnings {
        FileHandle.standardError.write(Data("\(warning)\n".utf8))
    }
}

/// A file URL for a path given on the command line, relative to the current folder.
func fileURL(_ path: String) -> URL {
    URL(fileURLWithPath: NSString(string: path).expandingTildeInPath)
}
