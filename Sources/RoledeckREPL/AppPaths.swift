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
    /// The decks folder in use: where the decks are read from once it holds them, and where
    /// `generate` writes when no `--out` is given.
    public var defaultOutput: URL
    /// The catalog `generate` and `lint` read when no `--catalog` is given; nil means the built-in one.
    public var defaultCatalog: URL?
    /// What the learner should know about the choice, one Korean line each (printed on standard error).
    public var notices: [String] = []

    /// Resolves the paths, first found first:
    ///
    /// 1. `--decks` and `--progress`;
    /// 2. `$ROLEDECK_HOME/Decks` and `$ROLEDECK_HOME/Progress` when `ROLEDECK_HOME` is set (without a
    ///    `Decks` folder there, the built-in catalog, and a notice saying so);
    /// 3. `./Decks` and `./Progress` when the current folder has a `Decks` folder (the repository);
    /// 4. the data folder, `$XDG_DATA_HOME/roledeck` (default `~/.local/share/roledeck`), for the
    ///    progress, with its `Decks` folder once `generate` has written one, else the built-in catalog.
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
        let inProject = home == nil && isDirectory(localDecks)
        let dataFolder: URL
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            dataFolder = URL(fileURLWithPath: data).appendingPathComponent("roledeck")
        } else {
            let userHome = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? currentDirectory
            dataFolder = userHome.appendingPathComponent(".local/share/roledeck")
        }

        var notices: [String] = []
        let deckFolder: URL
        let source: DeckSource
        if let decks {
            deckFolder = url(decks)
            source = .directory(deckFolder)
        } else {
            deckFolder =
                home?.appendingPathComponent("Decks")
                ?? (inProject ? localDecks : dataFolder.appendingPathComponent("Decks"))
            source = isDirectory(deckFolder) ? .directory(deckFolder) : .builtIn
            if let home, source == .builtIn {
                notices.append(
                    "ROLEDECK_HOME(\(home.path))에 Decks 폴더가 없어 내장 카탈로그로 공부합니다. "
                        + "덱 파일을 만들려면: roledeck generate")
            }
        }
        let progressFolder =
            progress.map(url) ?? home?.appendingPathComponent("Progress")
            ?? (inProject ? currentDirectory.appendingPathComponent("Progress") : dataFolder)
        let catalog = deckFolder.appendingPathComponent("catalog/\(ShippedCatalog.fileName)")
        return AppPaths(
            decks: source, progress: progressFolder, defaultOutput: deckFolder,
            defaultCatalog: fileExists(catalog) ? catalog : nil, notices: notices)
    }
}
