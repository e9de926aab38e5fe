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
        guard SchedulerParameters.weightViolations(weights).isEmpty else {
            throw .invalidValue(path: path, key: "parameters", expected: "FSRS-6의 범위 안의 수 21개")
        }
        return try editing(data, path: path) { json, current throws(SettingsError) in
            json["parameters"] = weights
            json["previousParameters"] = current.parameters.weights
        }
    }
}

extension StudySettings {
    /// Writes `weights` as the parameters in `folder/settings.json`, keeping the ones they replace as
    /// `previousParameters`, durably (a temporary file renamed over the old one); returns the settings
    /// as the file now holds them.
    public static func saveParameters(_ weights: [Double], in folder: URL) throws(SettingsError) -> StudySettings {
        try rewrite(in: folder) { data, path throws(SettingsError) in
            try SettingsFile.replacingParameters(in: data, path: path, with: weights)
        }
    }
}
