import Foundation

extension SettingsFile {
    /// The settings text `data` (nil when there is no file yet) with `parameters` set to `weights` and
    /// the weights they replace kept as `previousParameters`; every other key stays as it was.
    ///
    /// A file that cannot be read is refused with the error reading it gives, so nothing the learner
    /// wrote is lost; the result is read back before it is returned.
    public static func replacingParameters(in data: Data?, path: String, with weights: [Double]) throws(SettingsError)
        -> Data
    {
        var json: [String: Any] = [:]
        var current = StudySettings().parameters.weights
        if let data {
            current = try decode(data, path: path).parameters.weights
            json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }
        guard SchedulerParameters.weightViolations(weights).isEmpty else {
            throw .invalidValue(path: path, key: "parameters", expected: "FSRS-6의 범위 안의 수 21개")
        }
        json["parameters"] = weights
        json["previousParameters"] = current
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
    /// Writes `weights` as the parameters in `folder/settings.json`, keeping the ones they replace as
    /// `previousParameters`, durably (a temporary file renamed over the old one); returns the settings
    /// as the file now holds them.
    public static func saveParameters(_ weights: [Double], in folder: URL) throws(SettingsError) -> StudySettings {
        let url = folder.appendingPathComponent("settings.json")
        let existing: Data?
        do {
            existing = FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        let data = try SettingsFile.replacingParameters(in: existing, path: url.path, with: weights)
        do {
            try DurableFile.replace(url.path, with: data, folder: folder.path)
        } catch {
            throw .unwritable(path: url.path, reason: error.errorDescription ?? "\(error)")
        }
        return try SettingsFile.decode(data, path: url.path)
    }
}
