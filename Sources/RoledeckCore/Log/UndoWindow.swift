/// The latest actions an undo line can still take back, oldest first: at least `depth` of them.
///
/// `LogFold` keeps one, so the card states, the history and the day counts agree on what an undo
/// takes back.
struct UndoWindow<Entry: Sendable>: Sendable {
    /// How many recent actions an undo line can reach.
    static var depth: Int { LogFold.undoDepth }

    private(set) var entries: [Entry] = []

    init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Records an action; the oldest fall out once there are twice `depth` (trimmed in one go).
    mutating func append(_ entry: Entry) {
        entries.append(entry)
        if entries.count > 2 * Self.depth { entries.removeFirst(entries.count - Self.depth) }
    }

    /// Takes the latest entry that `matches` out of the window, with the later entries that
    /// `follows` (oldest first); empty when no entry matches.
    mutating func takeLatest(from matches: (Entry) -> Bool, alongWith follows: (Entry) -> Bool) -> [Entry] {
        guard let index = entries.lastIndex(where: matches) else { return [] }
        var taken = [entries[index]]
        var kept = Array(entries[..<index])
        for entry in entries[(index + 1)...] {
            if follows(entry) { taken.append(entry) } else { kept.append(entry) }
        }
        entries = kept
        return taken
    }
}
