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

    @Option(
        help: ArgumentHelp(
            "The folder to write the decks to (default: the decks folder in use: --decks, $ROLEDECK_HOME/Decks, "
                + "./Decks, else the data folder's Decks).", valueName: "dir"))
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
            print("\(changed ? "썼습니다" : "그대로  ")  \(path) (카드 \(deck.cards.count)장)")
        }
        print(
            "덱 \(decks.count)개 · 카드 \(decks.reduce(0) { $0 + $1.cards.count })장을 \(catalog.source)에서 만들어 "
                + "\(folder.path)에 두었습니다.")
        if domain == nil {
            // Decks of domains the catalog no longer has are left alone, but said.
            let written = Set(decks.map(\.fileName))
            let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for stale in present.sorted() where stale.hasSuffix(".json") && !written.contains(stale) {
                let path = folder.appendingPathComponent(stale).path
                print("참고: \(Particle.topic.attach(to: path)) 이 카탈로그의 덱이 아니어서 그대로 둡니다.")
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
