import Foundation
import GRDB
import RoledeckCore
import ZIPFoundation

/// Writes an `AnkiCollection` as an Anki package (`.apkg`): a zip holding the collection as
/// `collection.anki21` (SQLite, the schema Anki 2.1 wrote, which every Anki since reads and
/// upgrades as it imports) and an empty `media` map.
public enum AnkiPackage {
    /// The package's bytes; `now` dates the zip's entries.
    public static func data(_ collection: AnkiCollection, now: Date) throws(ExportError) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "roledeck-apkg-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("collection.anki21")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try writeCollection(collection, to: database)
            let archive = try Archive(data: Data(), accessMode: .create)
            try add(try Data(contentsOf: database), named: "collection.anki21", to: archive, now: now)
            try add(Data("{}".utf8), named: "media", to: archive, now: now)
            guard let data = archive.data else { throw ExportError.unwritable(path: "(zip)", reason: "empty archive") }
            return data
        } catch let error as ExportError {
            throw error
        } catch {
            throw .unwritable(path: database.path, reason: "\(error)")
        }
    }

    /// Writes the package to `url` through a temporary file and a rename; an existing file is kept
    /// unless `replacing`.
    public static func write(_ collection: AnkiCollection, to url: URL, replacing: Bool, now: Date)
        throws(ExportError)
    {
        try ExportFile.write(try data(collection, now: now), to: url, replacing: replacing)
    }

    /// The collection file's tables filled from `collection`.
    static func writeCollection(_ collection: AnkiCollection, to url: URL) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: AnkiLegacySchema.tables)
            try db.execute(
                sql: "INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')",
                arguments: [
                    collection.creation, collection.modified, collection.modified,
                    try AnkiLegacySchema.json(AnkiLegacySchema.configuration(collection)),
                    try AnkiLegacySchema.json(AnkiLegacySchema.notetypes(collection)),
                    try AnkiLegacySchema.json(AnkiLegacySchema.decks(collection)),
                    try AnkiLegacySchema.json(AnkiLegacySchema.deckConfigs(collection)),
                ])
            for note in collection.notes {
                let sortField = plainText(note.fields.first ?? "")
                try db.execute(
                    sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
                    arguments: [
                        note.id, note.guid, collection.notetype.id, note.modified,
                        note.tags.isEmpty ? "" : " " + note.tags.joined(separator: " ") + " ",
                        note.fields.joined(separator: "\u{1F}"), sortField, checksum(sortField),
                    ])
            }
            for card in collection.cards {
                try db.execute(
                    sql: "INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)",
                    arguments: [
                        card.id, card.noteID, card.deckID, card.modified, card.type, card.queue, card.due,
                        card.interval, card.factor, card.reps, card.lapses, card.left, card.data,
                    ])
            }
            for entry in collection.revlog {
                try db.execute(
                    sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                    arguments: [
                        entry.id, entry.cardID, entry.ease, entry.interval, entry.lastInterval, entry.factor,
                        entry.time, entry.type,
                    ])
            }
        }
        try queue.close()
    }

    private static func add(_ data: Data, named name: String, to archive: Archive, now: Date) throws {
        try archive.addEntry(
            with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: now,
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// A field as plain text, as Anki sorts and checks notes by it: tags removed, entities read.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" && inTag {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Anki's note checksum: the first 32 bits of the SHA-1 of the plain first field.
    static func checksum(_ text: String) -> Int64 {
        let digest = SHA1.digest(Array(text.utf8))
        return Int64(digest[0]) << 24 | Int64(digest[1]) << 16 | Int64(digest[2]) << 8 | Int64(digest[3])
    }
}
