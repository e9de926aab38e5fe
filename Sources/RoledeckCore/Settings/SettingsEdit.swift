import Foundation

extension SettingsFile {
    /// The settings text `data` (nil when there is no file yet) with `change` applied to its keys
    /// (given the settings the file holds now); every other key stays as it was.
    ///
    /// A file that cannot be read is refused with the error reading it gives, so nothing the learner
    /// wrote is lost; the result is read back before it is returned.
    static func editing(
        _ data: Data?, path: String,
        change: (_ keys: inout [String: Any], _ current: StudySettings) throws(SettingsError) -> Void
    ) throws(SettingsError) -> Data {
        var json: [String: Any] = [:]
        var current = StudySettings()
        if let data {
            current = try decode(data, path: path)
            json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }
        try change(&json, current)
        json["schemaVersion"] = json["schemaVersion"] ?? StudySettings.currentSchemaVersion
        guard
            let text = try? JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
        else {
            throw .unwritable(path: path, reason: "설정을 JSON으로 만들 수 없습니다")
        }
        let result = text + Data("\n".utf8)
        _ = try decode(result, path: path)
        return result
    }
}

extension StudySettings {
    /// Rewrites `folder/settings.json` with `edit` (one of `SettingsFile`'s edits), durably (a temporary
    /// file renamed over the old one); returns the settings as the file now holds them.
    static func rewrite(
        in folder: URL, _ edit: (_ data: Data?, _ path: String) throws(SettingsError) -> Data
    ) throws(SettingsError) -> StudySettings {
        let url = folder.appendingPathComponent("settings.json")
        let existing: Data?
        do {
            existing = FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        let data = try edit(existing, url.path)
        do {
            try DurableFile.replace(url.path, with: data, folder: folder.path)
        } catch {
            throw .unwritable(path: url.path, reason: error.errorDescription ?? "\(error)")
        }
        return try SettingsFile.decode(data, path: url.path)
    }
}
