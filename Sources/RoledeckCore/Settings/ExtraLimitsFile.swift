import Foundation

extension SettingsFile {
    /// The settings text `data` (nil when there is no file yet) with `extra` added to the limits of its
    /// study day (added to what that day already had, replacing another day's); every other key stays
    /// as it was. A file that cannot be read is refused with the error reading it gives; the result is
    /// read back before it is returned.
    public static func addingExtraLimits(
        _ extra: StudySettings.ExtraLimits, in data: Data?, path: String
    ) throws(SettingsError) -> Data {
        try editing(data, path: path) { json, current throws(SettingsError) in
            var total = extra
            if let earlier = current.extra, earlier.day == extra.day {
                total.newCards += earlier.newCards
                total.reviews += earlier.reviews
            }
            guard (0...9999).contains(total.newCards), (0...99_999).contains(total.reviews) else {
                throw .invalidValue(
                    path: path, key: "extraNewCards", expected: "하루에 새 카드 9999장, 복습 99999장까지 더하는 수")
            }
            json["extraDay"] = DayCounter.label(ofDay: total.day)
            json["extraNewCards"] = total.newCards
            json["extraReviews"] = total.reviews
        }
    }
}

extension StudySettings {
    /// Adds `extra` to the limits of its study day in `folder/settings.json`, durably; returns the
    /// settings as the file now holds them.
    public static func addExtraLimits(_ extra: ExtraLimits, in folder: URL) throws(SettingsError) -> StudySettings {
        try rewrite(in: folder) { data, path throws(SettingsError) in
            try SettingsFile.addingExtraLimits(extra, in: data, path: path)
        }
    }
}
