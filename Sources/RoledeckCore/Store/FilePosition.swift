/// A 1-based line and column in a text file; columns count Unicode scalars, not bytes.
public struct FilePosition: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, in characters.
    public let column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of the byte at `offset` in `bytes` (Foundation's JSON errors give offsets).
    public init<Bytes: Collection>(offset: Int, in bytes: Bytes) where Bytes.Element == UInt8 {
        let position = JSONErrorLocation.lineAndColumn(ofOffset: offset, in: bytes)
        self.init(line: position.line, column: position.column)
    }

    /// "line:column".
    public var description: String {
        "\(line):\(column)"
    }
}
