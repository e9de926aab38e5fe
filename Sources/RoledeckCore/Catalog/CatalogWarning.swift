/// A problem in a catalog that does not stop it from being used: reported with its line.
public struct CatalogWarning: Equatable, Sendable, CustomStringConvertible {
    /// The file name.
    public var source: String
    /// The 1-based line.
    public var line: Int
    /// What is wrong, as a sentence.
    public var message: String

    public init(source: String, line: Int, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String { "\(source):\(line): warning: \(message)" }
}
