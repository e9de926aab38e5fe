/// Readable, stable keys built from catalog text: the same text always gives the same key.
public enum Slug {
    /// A key for ids: NFC, Latin lowercased, runs of spaces and punctuation joined by one hyphen.
    /// Letters of any script, digits, `+` and `#` are kept (`C++` stays `c++`, `데이터 엔지니어` becomes `데이터-엔지니어`).
    public static func key(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.nfc.lowercased().unicodeScalars {
            let keep = scalar.hasAlphabeticProperty || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "#"
            if keep {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }

    /// An ASCII file-name stem: Hangul romanised, everything else outside `a-z0-9` turned into hyphens.
    public static func fileName(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in Hangul.romanize(text).lowercased().unicodeScalars {
            if scalar == "/" || scalar == "." || scalar == "'" { continue }  // S/W -> sw, Node.js -> nodejs
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out
    }
}
