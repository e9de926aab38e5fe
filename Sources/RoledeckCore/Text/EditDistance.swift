/// Edit distances between two strings, counted in Unicode scalars (or jamo, or any elements).
public enum EditDistance {
    /// The fewest insertions, deletions and substitutions that turn `a` into `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// The same over any sequences of equatable elements (jamo, characters, scalars).
    public static func between<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, left) in a.enumerated() {
            current[0] = i + 1
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The fewest insertions, deletions, substitutions and swaps of two neighbours that turn `a` into `b`
    /// (optimal string alignment): `pyhton` is one edit from `python`, as a typist would count it.
    public static func damerau<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        damerau(a, b) { _, _ in 1 }
    }

    /// The same with the cost of substituting one element for another given (at least 1): a slip onto
    /// a neighbouring key costs less than a jamo from across the keyboard.
    public static func damerau<Element: Equatable>(
        _ a: [Element], _ b: [Element], substitution: (Element, Element) -> Int
    ) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : substitution(a[i - 1], b[j - 1])
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
