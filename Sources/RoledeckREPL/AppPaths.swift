import Foundation
import RoledeckCore

/// Where roledeck reads decks and keeps progress, resolved once from options, environment and folder.
public struct AppPaths: Equatable, Sendable {
    /// Where the decks come from.
    public enum DeckSource: Equatable, Sendable {
        /// `*.json` deck files in a folder.
        case directory(URL)
        /// Generated in memory from the catalog built into the binary.
        case builtIn
    }

    public var decks: DeckSource
    public var progress: URL
    /// Where `generate` writes when no `--out` is given.
    public var defaultOutput: URL
    /// The catalog `generate` and `lint` read when no `--catalog` is given; nil means the built-in one.
    public var defaultCatalog: URL?

    /// Resolves the paths: `--decks`/`--progress` first, then `ROLEDECK_HOME`, then `./Decks` and `./Progress`
    /// when the current folder has a `Decks` folder, else the built-in catalog and `$XDG_DATA_HOME/roledeck`.
    public static func resolve(
        decks: String?, progress: String?, environment: [String: String], currentDirectory: URL,
        isDirectory: (URL) -> Bool, fileExists: (URL) -> Bool
    ) -> AppPaths {
        func url(_ path: String) -> URL {
            let expanded = NSString(string: path).expandingTildeInPath
            return expanded.hasPrefix("/")
                ? URL(fileURLWithPath: expanded) : currentDirectory.appendingPathComponent(expanded)
        }
        let home = environment["ROLEDECK_HOME"].flatMap { $0.isEmpty ? nil : url($0) }
        let localDecks = currentDirectory.appendingPathComponent("Decks")
        let inProject = isDirectory(localDecks)

        let deckFolder: URL? = decks.map(url) ?? home?.appendingPathComponent("Decks") ?? (inProject ? localDecks : nil)
        let progressFolder: URL
        if let progress {
            progressFolder = url(progress)
        } else if let home {
            progressFolder = home.appendingPathComponent("Progress")
        } else if inProject {
            progressFolder = currentDirectory.appendingPathComponent("Progress")
        } else if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            progressFolder = URL(fileURLWithPath: data).appendingPathComponent("roledeck")
        } else {
            let userHome = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? currentDirectory
            progressFolder = userHome.appendingPathComponent(".local/share/roledeck")
        }
        let output = deckFolder ?? localDecks
        let catalog = output.appendingPathComponent("catalog/\(ShippedCatalog.fileName)")
        return AppPaths(
            decks: deckFolder.map(DeckSource.directory) ?? .builtIn, progress: progressFolder, defaultOutput: output,
            defaultCatalog: fileExists(catalog) ? catalog : nil)
    }
}
