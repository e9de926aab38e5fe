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
            guard let match = catalog.findDomain(named: name) else {
                throw DeckError.unknownDomain(name: name, known: catalog.domains.map { "\($0.name) (\($0.key))" })
            }
            decks = decks.filter { $0.domain.key == match.key }
        }
        let folder = out.map(fileURL) ?? paths.defaultOutput
        // Nothing is written when one of the files is a deck of the learner's own.
        let own = Self.ownDecks(in: folder)
        if let clash = decks.first(where: { own.contains($0.fileName) }) {
            throw DeckError.wouldOverwriteOwnDeck(path: folder.appendingPathComponent(clash.fileName).path)
        }
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
                let path = folder.appendingPathComponent(stale).path
                print(
                    own.contains(stale)
                        ? "직접 만든 덱이라 그대로 둡니다: \(path)"
                        : "note: \(path) is not a deck of this catalog; left as it is")
            }
        }
    }

    /// The files in `folder` that are the learner's own decks (`"kind": "own"`).
    static func ownDecks(in folder: URL) -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return Set(
            names.filter { name in
                name.hasSuffix(".json")
                    && (try? Data(contentsOf: folder.appendingPathComponent(name))).map(OwnDeckFile.isOwnDeck) == true
            })
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
