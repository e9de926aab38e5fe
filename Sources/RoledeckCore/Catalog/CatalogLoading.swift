import Foundation

extension Catalog {
    /// Reads and parses a catalog file. Errors and warnings name the file by its path as given;
    /// explanations in the decks name it by its file name, so decks do not depend on where it lies.
    public static func load(from url: URL) throws(CatalogError) -> Catalog {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(source: url.relativePath, reason: (error as NSError).localizedDescription)
        }
        var catalog = try CatalogParser.parse(data: data, source: url.relativePath)
        catalog.source = url.lastPathComponent
        return catalog
    }

    /// The catalog shipped with roledeck, built into the binary.
    public static func shipped() throws(CatalogError) -> Catalog {
        try CatalogParser.parse(data: ShippedCatalog.data, source: ShippedCatalog.fileName)
    }
}

/// The catalog document that ships with roledeck, embedded in the binary at build time.
public enum ShippedCatalog {
    /// The file name the catalog is known by in explanations.
    public static let fileName = "ai-jobs.md"
    /// The document's bytes.
    public static var data: Data { Data(PackageResources.ai_jobs_md) }
}
