import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes an export: through a temporary file beside it and a rename(2), so a reader never sees half
/// a file and a failed write leaves what was there; never over an existing file unless told to.
public enum ExportFile {
    /// Writes `data` to `url`; an existing file is an error unless `replacing`.
    public static func write(_ data: Data, to url: URL, replacing: Bool) throws(ExportError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw .unwritable(path: url.path, reason: "폴더입니다; 파일 이름을 주세요") }
            if !replacing { throw .fileExists(path: url.path) }
        }
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .unwritable(path: url.path, reason: "없는 폴더입니다: \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(path: url.path, reason: reason)
        }
    }
}
