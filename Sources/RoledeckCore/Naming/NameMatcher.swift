/// The one way roledeck finds what a learner named: a domain, a role, a deck, a command, a setting.
///
/// A name is compared as `fold` gives it: NFC, case, width, spaces and punctuation ignored, so
/// `머신러닝`, `머신 러닝` and `ＭＬ` find the same domain. Each entry answers to every name it
/// is given (its key, number, Korean or English name, mindmap name, aliases). A name that finds
/// nothing gets the one suggestion rule, `NameMatcher.nearest`.
public struct NameMatcher<Value: Sendable>: Sendable {
    /// Something that can be named, with every name it answers to.
    public struct Entry: Sendable {
        public var value: Value
        /// The names it answers to, the one a suggestion should give first.
        public var names: [String]
        /// How it is listed when a name finds nothing (`data(데이터)`); the first name by default.
        public var label: String

        public init(_ value: Value, names: [String], label: String? = nil) {
            self.value = value
            self.names = names.filter { !$0.isEmpty }
            self.label = label ?? names.first ?? ""
        }
    }

    /// The entries, in the order they are listed and tried.
    public let entries: [Entry]
    private let keys: [[String]]

    public init(_ entries: [Entry]) {
        self.entries = entries
        keys = entries.map { $0.names.map(Self.fold) }
    }

    /// A name as names are compared: NFC, full-width letters made ASCII, lower case, and only
    /// letters, digits, `+` and `#` kept (`NameKey`).
    public static func fold(_ name: String) -> String {
        NameKey(AnswerText.halfWidth(name)).rawValue
    }

    /// Every entry one of whose names is `text`, in entry order.
    public func matches(_ text: String) -> [Value] {
        let wanted = Self.fold(text)
        guard !wanted.isEmpty else { return [] }
        return zip(entries, keys).filter { $0.1.contains(wanted) }.map(\.0.value)
    }

    /// The first entry `text` names, if any.
    public func match(_ text: String) -> Value? {
        matches(text).first
    }

    /// The entry `text` names; otherwise an error that says what is called so, with the nearest name
    /// or, when none is near, every entry's label.
    public func find(_ text: String, kind: NameError.Kind) throws(NameError) -> Value {
        guard let value = match(text) else {
            throw .unknown(kind, name: text.nfc, suggestion: suggestion(for: text), known: entries.map(\.label))
        }
        return value
    }

    /// The name a learner most likely meant by `text`, when it is near enough (see `nearest`).
    public func suggestion(for text: String) -> String? {
        Self.nearest(to: text, among: entries.flatMap(\.names))
    }

    /// The one "did you mean" rule.
    ///
    /// Names are folded as for matching. A name that `text` begins (at least two letters: `rev`,
    /// `머신`) is the suggestion, the shortest such first; else the name fewest edits away,
    /// counted on Hangul jamo with a swap of neighbours as one edit (`revew`, `stast`, `통게`,
    /// `데이타`), when that is at most 1 for a word of up to 3 jamo or letters, 2 up to 8, else 3.
    /// Ties go to the name listed first. Nil when nothing is near.
    public static func nearest(to text: String, among names: [String]) -> String? {
        let folded = fold(text)
        let jamo = AnswerText.jamo(folded)
        guard !jamo.isEmpty else { return nil }
        let candidates = names.map { (name: $0, key: fold($0)) }.filter { !$0.key.isEmpty }
        if folded.count >= 2 {
            let starting = candidates.filter { $0.key.hasPrefix(folded) && $0.key != folded }
            if let shortest = starting.min(by: { $0.key.count < $1.key.count }) { return shortest.name }
        }
        let allowed = jamo.count <= 3 ? 1 : jamo.count <= 8 ? 2 : 3
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = EditDistance.damerau(jamo, AnswerText.jamo(candidate.key))
            if distance < (best?.distance ?? Int.max) { best = (candidate.name, distance) }
        }
        guard let best, best.distance <= allowed else { return nil }
        return best.name
    }
}
