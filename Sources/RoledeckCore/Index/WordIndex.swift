/// Words of many owners, looked up by stem (see `Words.sameStem`) without comparing every pair.
///
/// Two words can share a stem only when they agree in their first four jamo (Hangul), their
/// first three letters (Latin), their leading capitals (`MLflow`, `MLOps`) or are equal; words
/// are filed under those keys, each distinct word once with all its owners, and a lookup compares
/// only the distinct words filed with it.
struct WordIndex<Owner: Hashable & Sendable>: Sendable {
    private var buckets: [String: [String: Set<Owner>]] = [:]

    mutating func add(_ word: String, owner: Owner) {
        for key in Self.keys(of: word) { buckets[key, default: [:]][word, default: []].insert(owner) }
    }

    /// Every distinct word filed.
    var words: Set<String> {
        buckets.values.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
    }

    /// The owners of words that share a stem with `word`.
    func owners(sharingStemWith word: String) -> Set<Owner> {
        var found: Set<Owner> = []
        for key in Self.keys(of: word) {
            for (filed, owners) in buckets[key] ?? [:] where !owners.isSubset(of: found) && Words.sameStem(filed, word)
            {
                found.formUnion(owners)
            }
        }
        return found
    }

    private static func keys(of word: String) -> [String] {
        let lower = word.lowercased()
        if lower.unicodeScalars.contains(where: Hangul.isSyllable) {
            let jamo = AnswerText.jamo(lower)
            return jamo.count >= 4 ? ["j:" + String(String.UnicodeScalarView(jamo.prefix(4)))] : ["w:" + lower]
        }
        var keys = [lower.count >= 3 ? "l:" + lower.prefix(3) : "w:" + lower]
        let capitals = word.prefix { $0.isUppercase && $0.isASCII }
        if capitals.count >= 2 { keys.append("c:" + capitals) }
        return keys
    }
}
