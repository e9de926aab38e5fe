import Foundation

/// A warning on standard error: `roledeck: warning: …`.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("roledeck: warning: \(message)\n".utf8))
}
