/// Facts about Hangul syllables: their jamo, final consonant, romanisation and width.
public enum Hangul {
    static let syllableBase: UInt32 = 0xAC00
    static let syllableLast: UInt32 = 0xD7A3
    static let medialCount: UInt32 = 21
    static let finalCount: UInt32 = 28

    /// The index (1...27) of a syllable's final consonant, 0 when it has none, nil for a non-syllable.
    public static func finalIndex(of scalar: Unicode.Scalar) -> Int? {
        guard (syllableBase...syllableLast).contains(scalar.value) else { return nil }
        return Int((scalar.value - syllableBase) % finalCount)
    }

    /// Whether the scalar is a precomposed Hangul syllable.
    public static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (syllableBase...syllableLast).contains(scalar.value)
    }

    /// Whether every scalar of `text` is ASCII or a precomposed Hangul syllable, as catalog text mostly
    /// is: such text is NFC, and each scalar is a character of its own (but CR LF). Read from the
    /// UTF-8 bytes, without decoding scalars.
    public static func isPlainText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                // U+AC00...U+D7A3 are EA B0 80 ... ED 9E A3.
                guard lead >= 0xEA, lead <= 0xED, index + 2 < bytes.count else { return false }
                let value =
                    UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                guard (syllableBase...syllableLast).contains(value) else { return false }
                index += 3
            }
            return true
        }
    }

    /// The final consonant index of ㄹ, which takes 로 rather than 으로.
    public static let rieulFinal = 8

    /// The conjoining jamo of a syllable (initial, medial and, when present, final); other scalars unchanged.
    public static func jamo(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        guard isSyllable(scalar) else { return [scalar] }
        let index = scalar.value - syllableBase
        let initial = index / (medialCount * finalCount)
        let medial = (index % (medialCount * finalCount)) / finalCount
        let final = index % finalCount
        var result: [Unicode.Scalar] = []
        if let lead = Unicode.Scalar(0x1100 + initial) { result.append(lead) }
        if let vowel = Unicode.Scalar(0x1161 + medial) { result.append(vowel) }
        if final > 0, let tail = Unicode.Scalar(0x11A7 + final) { result.append(tail) }
        return result
    }

    private static let initials = [
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
    ]
    private static let medials = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
        "yu", "eu", "ui", "i",
    ]
    private static let finals = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
        "ng", "t", "t", "k", "t", "p", "t",
    ]

    /// Revised Romanization of Korean, syllable by syllable; of the sound-change rules only ㄹㄹ → `ll`
    /// is applied (`클라우드` is `keullaudeu`). Other text is kept.
    public static func romanize(_ text: String) -> String {
        var out = ""
        var previousFinal = 0
        for scalar in text.nfc.unicodeScalars {
            guard isSyllable(scalar) else {
                out.unicodeScalars.append(scalar)
                previousFinal = 0
                continue
            }
            let index = Int(scalar.value - syllableBase)
            let initial = index / Int(medialCount * finalCount)
            let medial = (index % Int(medialCount * finalCount)) / Int(finalCount)
            let final = index % Int(finalCount)
            let lead = previousFinal == rieulFinal && initial == rieulInitial ? "l" : initials[initial]
            out += lead + medials[medial] + finals[final]
            previousFinal = final
        }
        return out
    }

    static let rieulInitial = 5

    private static let initialConsonants: [Character] = [
        "ㄱ", "ㄲ", "ㄴ", "ㄷ", "ㄸ", "ㄹ", "ㅁ", "ㅂ", "ㅃ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅉ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ",
    ]

    /// The initial consonant of a syllable as a compatibility jamo (`데` → `ㄷ`), the 초성 of a 초성 hint.
    public static func initialConsonant(of scalar: Unicode.Scalar) -> Character? {
        guard isSyllable(scalar) else { return nil }
        return initialConsonants[Int((scalar.value - syllableBase) / (medialCount * finalCount))]
    }
}
