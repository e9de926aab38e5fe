/// A 1-based line and column in a text file; columns count characters, not bytes.
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
        let prefix = bytes.prefix(max(0, offset))
        var line = 1
        var lineStart = prefix.startIndex
        var index = prefix.startIndex
        while index != prefix.endIndex {
            let next = prefix.index(after: index)
            if prefix[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = next
            }
            index = next
        }
        self.line = line
        self.column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
    }

    /// "line:column".
    public var description: String {
        "\(line):\(column)"
    }
}
