import ArgumentParser
import Foundation
import RoledeckCore
import RoledeckREPL

/// `roledeck generate`: writes one deck per domain from a catalog, after saying what changes.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate one JSON deck per domain from a catalog.",
        discussion: """
            Compares with the decks in place first and prints what is new, changed and removed. A card \
            whose fact is unchanged keeps its id and history; a reworded duty or renamed item (a small \
            edit at the same place of the same role) and a renamed role keep theirs too. Removed cards' \
            reviews stay in the log (roledeck doctor lists them). Your own decks ("kind": "own") are \
            never written.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "The catalog to read (default: Decks/catalog/ai-jobs.md, else the built-in one).", valueName: "file"))
    var catalog: String?

    @Option(
        help: ArgumentHelp(
            "The folder to write the decks to (default: the decks folder in use: --decks, $ROLEDECK_HOME/Decks, "
                + "./Decks, else the data folder's Decks).", valueName: "dir"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Generate only this domain's deck (its name, English name, key or number).", valueName: "name"))
    var domain: String?

    @Flag(help: "Print what would change, and write nothing.")
    var dryRun = false

    mutating func run() throws {
        let paths = global.paths()
        let library = DeckLibrary(paths: paths)
        let catalog = try library.catalog(at: self.catalog.map(fileURL))
        report(catalog.warnings)
        let folder = out.map(fileURL) ?? paths.defaultOutput
        let inPlace = Self.decksInPlace(folder)
        // Choices the catalog leaves open keep what the decks in place picked, so their histories stay.
        var generator = DeckGenerator(catalog: catalog)
        generator.earlier = Set(inPlace.filter { !$0.isOwn }.flatMap { $0.cards.map(\.id) })
        var decks = generator.decks()
        if let name = domain {
            let match = try NameMatcher.domains(of: decks).find(name, kind: .domain)
            decks = [match]
        }
        // Nothing is written when one of the files is a deck of the learner's own.
        let own = Set(inPlace.filter(\.isOwn).map(\.fileName))
        if let clash = decks.first(where: { own.contains($0.fileName) }) {
            throw DeckError.wouldOverwriteOwnDeck(path: folder.appendingPathComponent(clash.fileName).path)
        }
        let edit = CatalogEdit(inPlace: inPlace, generated: decks)
        let reviews = (try? ProgressStore.openReadOnly(folder: paths.progress).loadCards())?.mapValues(\.reps) ?? [:]
        let firstTime = !inPlace.contains { !$0.isOwn }
        print(CatalogEditText.render(edit, reviews: reviews, firstTime: firstTime).joined(separator: "\n"))
        if dryRun {
            print("--dry-run: 아무것도 쓰지 않았습니다.")
            return
        }
        for deck in edit.decks {
            let changed = try DeckFile.write(deck, to: folder)
            let path = folder.appendingPathComponent(deck.fileName).path
            print("\(changed ? "썼습니다" : "그대로  ")  \(path) (카드 \(deck.cards.count)장)")
        }
        let count = edit.decks.reduce(0) { $0 + $1.cards.count }
        print(
            "덱 \(edit.decks.count)개 · 카드 \(count)장을 \(catalog.source)에서 만들어 "
                + "\(folder.path)에 두었습니다.")
        if domain == nil {
            // Decks of domains the catalog no longer has, and the learner's own, are left alone, but said.
            let written = Set(edit.decks.map(\.fileName))
            let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for other in present.sorted() where other.hasSuffix(".json") && !written.contains(other) {
                let path = Particle.topic.attach(to: folder.appendingPathComponent(other).path)
                print(
                    own.contains(other)
                        ? "참고: \(path) 직접 만든 덱이라 그대로 둡니다."
                        : "참고: \(path) 이 카탈로그의 덱이 아니어서 그대로 둡니다.")
            }
        }
        // Where later runs will read decks and keep progress, when writing here changed it.
        let after = global.paths(announce: false)
        if after.defaultOutput.standardizedFileURL.path != folder.standardizedFileURL.path {
            print("이 덱으로 공부하려면: roledeck --decks \(folder.path)")
        } else if after.progress.standardizedFileURL.path != paths.progress.standardizedFileURL.path {
            print("참고: 이제 여기서 실행하면 진행 기록을 \(after.progress.path)에 둡니다 (지금까지는 \(paths.progress.path)).")
        }
    }

    /// The decks in `folder` now, to compare with; a file that cannot be read as a deck is left out
    /// with a warning (its cards cannot keep their ids by a rewording).
    static func decksInPlace(_ folder: URL) -> [Deck] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            do {
                return try DeckFile.decode(try Data(contentsOf: url), path: url.path)
            } catch {
                let reason = (error as? LocalizedError)?.errorDescription ?? "\(error)"
                warn("\(reason) 이 파일은 비교에서 뺍니다.")
                return nil
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
