import Foundation

extension StudySettings {
    /// The settings in `folder/settings.json`, or the defaults when there is no such file.
    public static func load(from folder: URL) throws(SettingsError) -> StudySettings {
        let url = folder.appendingPathComponent("settings.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return StudySettings() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try SettingsFile.decode(data, path: url.path)
    }
}
