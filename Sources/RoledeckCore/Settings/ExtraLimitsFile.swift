import Foundation

extension SettingsFile {
    /// The settings text `data` (nil when there is no file yet) with `extra` added to the limits of its
    /// study day (added to what that day already had, replacing another day's); every other key stays
    /// as it was. A file that cannot be read is refused with the error reading it gives; the result is
    /// read back before it is returned.
    public static func addingExtraLimits(
        _ extra: StudySettings.ExtraLimits, in data: Data?, path: String
    ) throws(SettingsError) -> Data {
        var json: [String: Any] = [:]
        var total = extra
        if let data {
            if let current = try decode(data, path: path).extra, current.day == extra.day {
                total.newCards += current.newCards
                total.reviews += current.reviews
            }
            json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }
        guard (0...9999).contains(total.newCards), (0...99_999).contains(total.reviews) else {
            throw .invalidValue(
                path: path, key: "extraNewCards", expected: "하루에 새 카드 9999장, 복습 99999장까지 더하는 수")
        }
        json["extraDay"] = DayCounter.label(ofDay: total.day)
        json["extraNewCards"] = total.newCards
        json["extraReviews"] = total.reviews
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
    /// Adds `extra` to the limits of its study day in `folder/settings.json`, durably; returns the
    /// settings as the file now holds them.
    public static func addExtraLimits(_ extra: ExtraLimits, in folder: URL) throws(SettingsError) -> StudySettings {
        let url = folder.appendingPathComponent("settings.json")
        let existing: Data?
        do {
            existing = FileManager.default.fileExists(atPath: url.path) ? try Data(contentsOf: url) : nil
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        let data = try SettingsFile.addingExtraLimits(extra, in: existing, path: url.path)
        do {
            try DurableFile.replace(url.path, with: data, folder: folder.path)
        } catch {
            throw .unwritable(path: url.path, reason: error.errorDescription ?? "\(error)")
        }
        return try SettingsFile.decode(data, path: url.path)
    }
}
