import Foundation

/// The command lines remembered across runs, oldest first: no blank lines, no immediate repeats, at most `limit`.
public struct CommandHistory: Equatable, Sendable {
    /// How many lines are kept unless told otherwise.
    public static let defaultLimit = 1000

    /// The remembered lines, oldest first.
    public private(set) var entries: [String] = []
    /// The most lines kept; older ones are dropped first.
    public let limit: Int

    /// A history holding `entries` as if each had been recorded in turn.
    public init(entries: [String] = [], limit: Int = defaultLimit) {
        self.limit = max(0, limit)
        for entry in entries { record(entry) }
    }

    /// Parses the text of a history file: one entry per line, invalid UTF-8 replaced.
    public init(text: String, limit: Int = defaultLimit) {
        self.init(entries: text.split(whereSeparator: \.isNewline).map(String.init), limit: limit)
    }

    /// Adds a line, trimmed, unless it is blank or repeats the last entry; returns whether it was added.
    @discardableResult
    public mutating func record(_ line: String) -> Bool {
        let entry = InputLine.clean(line).trimmingCharacters(in: .whitespaces)
        guard limit > 0, !entry.isEmpty, entry != entries.last else { return false }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// The text of the history file: one entry per line.
    public var text: String {
        entries.map { $0 + "\n" }.joined()
    }

    /// Reads a history file; a missing or unreadable file gives an empty history, since history is a convenience.
    public static func load(from url: URL, limit: Int = defaultLimit) -> CommandHistory {
        guard let data = try? Data(contentsOf: url) else { return CommandHistory(limit: limit) }
        return CommandHistory(text: String(decoding: data, as: UTF8.self), limit: limit)
    }

    /// Writes the history file in one step, creating its folder if needed.
    public func save(to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
