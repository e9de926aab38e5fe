import Foundation

extension Catalog {
    /// Reads and parses a catalog file; errors name the file by its last path component.
    public static func load(from url: URL) throws(CatalogError) -> Catalog {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(source: url.path, reason: (error as NSError).localizedDescription)
        }
        return try CatalogParser.parse(data: data, source: url.lastPathComponent)
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
