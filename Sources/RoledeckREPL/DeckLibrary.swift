import Foundation
import RoledeckCore

/// Loads catalogs and decks from where `AppPaths` points, falling back to the built-in catalog.
public struct DeckLibrary: Sendable {
    public let paths: AppPaths

    public init(paths: AppPaths) { self.paths = paths }

    /// The catalog at `path`, else the default one: `Decks/catalog/ai-jobs.md`, else the built-in copy.
    public func catalog(at path: URL?) throws(CatalogError) -> Catalog {
        if let url = path ?? paths.defaultCatalog { return try Catalog.load(from: url) }
        return try Catalog.shipped()
    }

    /// The decks to study: the deck files, or decks generated from the built-in catalog.
    ///
    /// Deck files are read through the binary copy of them kept in the progress folder (`usingCache`;
    /// written there when the folder exists), which a large collection starts from much sooner.
    public func decks(usingCache: Bool = true) throws -> [Deck] {
        switch paths.decks {
        case .directory(let url):
            let cache = usingCache ? paths.progress.appendingPathComponent(DeckFile.cacheFileName) : nil
            return try DeckFile.loadAll(from: url, cache: cache)
        case .builtIn:
            return DeckGenerator(catalog: try Catalog.shipped()).decks()
        }
    }

    /// The decks `decks()` reads, with the deck cache they owe (if any) left for the caller to write:
    /// a study session writes it once its first card is on screen (`Prompter.beforeFirstRead`).
    public func decksDeferringCache() throws -> (decks: [Deck], pendingCache: PendingDeckCache?) {
        switch paths.decks {
        case .directory(let url):
            let cache = paths.progress.appendingPathComponent(DeckFile.cacheFileName)
            return try DeckFile.loadDeferringCache(from: url, cache: cache)
        case .builtIn:
            return (DeckGenerator(catalog: try Catalog.shipped()).decks(), nil)
        }
    }

    /// Where the decks come from, for messages.
    public var deckSourceDescription: String {
        switch paths.decks {
        case .directory(let url): url.path
        case .builtIn: "내장 카탈로그 \(ShippedCatalog.fileName)"
        }
    }
}
