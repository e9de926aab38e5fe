/// The latest reviews an undo line can still take back, oldest first: at least `depth` of them.
///
/// `LogFold` keeps one, so the card states, the history and the day counts agree on which review an
/// undo takes back.
struct UndoWindow<Entry: Sendable>: Sendable {
    /// How many recent reviews an undo line can reach.
    static var depth: Int { LogFold.undoDepth }

    private(set) var entries: [Entry] = []

    init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Records a review; the oldest fall out once there are twice `depth` (trimmed in one go).
    mutating func append(_ entry: Entry) {
        entries.append(entry)
        if entries.count > 2 * Self.depth { entries.removeFirst(entries.count - Self.depth) }
    }

    /// Takes the latest entry that `matches` out of the window; nil when none does.
    mutating func takeLatest(where matches: (Entry) -> Bool) -> Entry? {
        guard let index = entries.lastIndex(where: matches) else { return nil }
        return entries.remove(at: index)
    }
}
