/// The Korean two-set (두벌식) keyboard on a QWERTY layout: which key types each jamo, and which keys
/// are neighbours. Used to forgive a reply typed with the input method in the wrong mode (`ㅔㅛ쇄ㅜ` for
/// `python`, `vksekt` for `판다스`) and to count a slip onto a neighbouring key as a typo while a jamo
/// from across the keyboard makes another word (`모델` → `모듈`, `물리` → `물류`).
public enum Keyboard {
    /// The keys that type `text`, Hangul syllables and jamo as the two-set layout types them; any
    /// other character as it is. Shifted keys are upper case (`ㅆ` is `T`).
    public static func keys(of text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if Hangul.isSyllable(scalar) {
                let index = Int(scalar.value - Hangul.syllableBase)
                let final = index % Int(Hangul.finalCount)
                let medial = (index / Int(Hangul.finalCount)) % Int(Hangul.medialCount)
                let initial = index / Int(Hangul.finalCount * Hangul.medialCount)
                result += initialKeys[initial] + medialKeys[medial] + finalKeys[final]
            } else if let keys = key(ofJamo: scalar) {
                result += keys
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The keys of one jamo: compatibility jamo (`ㅔ`, typed alone) and conjoining jamo (in a syllable
    /// taken apart) alike; nil for anything else.
    public static func key(ofJamo scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x3131...0x314E: return compatibilityConsonantKeys[Int(scalar.value - 0x3131)]
        case 0x314F...0x3163: return medialKeys[Int(scalar.value - 0x314F)]
        case 0x1100...0x1112: return initialKeys[Int(scalar.value - 0x1100)]
        case 0x1161...0x1175: return medialKeys[Int(scalar.value - 0x1161)]
        case 0x11A8...0x11C2: return finalKeys[Int(scalar.value - 0x11A7)]
        default: return nil
        }
    }

    /// Keys as the input method reads them: a shifted letter types the same jamo as the plain one
    /// except on the seven keys where Shift gives a tense consonant or ㅒ/ㅖ (Q W E R T O P).
    public static func normalized(_ keys: String) -> String {
        String(keys.map { shifted.contains($0) ? $0 : Character($0.lowercased()) })
    }

    /// Whether two jamo are typed on the same key (with or without Shift) or on keys side by side.
    public static func areNeighbours(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        guard let left = key(ofJamo: a), let right = key(ofJamo: b) else { return false }
        // A double vowel or consonant cluster is typed with the key of the single one it holds (ㅟ, ㅣ).
        guard left.count == 1, right.count == 1, let x = left.lowercased().first, let y = right.lowercased().first
        else { return left.lowercased().contains(right.lowercased()) || right.lowercased().contains(left.lowercased()) }
        if x == y { return true }
        guard let (row, column) = position[x], let (otherRow, otherColumn) = position[y] else { return false }
        switch otherRow - row {
        case 0: return abs(otherColumn - column) == 1
        // Each row sits half a key to the right of the one above it.
        case 1: return otherColumn == column || otherColumn == column - 1
        case -1: return otherColumn == column || otherColumn == column + 1
        default: return false
        }
    }

    private static let shifted: Set<Character> = ["Q", "W", "E", "R", "T", "O", "P"]

    private static let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]

    private static let position: [Character: (Int, Int)] = {
        var result: [Character: (Int, Int)] = [:]
        for (row, letters) in rows.enumerated() {
            for (column, letter) in letters.enumerated() { result[letter] = (row, column) }
        }
        return result
    }()

    /// ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
    private static let initialKeys = [
        "r", "R", "s", "e", "E", "f", "a", "q", "Q", "t", "T", "d", "w", "W", "c", "z", "x", "v", "g",
    ]
    /// ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
    private static let medialKeys = [
        "k", "o", "i", "O", "j", "p", "u", "P", "h", "hk", "ho", "hl", "y", "n", "nj", "np", "nl", "b", "m", "ml", "l",
    ]
    /// (none) ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
    private static let finalKeys = [
        "", "r", "R", "rt", "s", "sw", "sg", "e", "f", "fr", "fa", "fq", "ft", "fx", "fv", "fg", "a", "q", "qt", "t",
        "T", "d", "w", "c", "z", "x", "v", "g",
    ]
    /// ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄸ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅃ ㅄ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ (U+3131…U+314E)
    private static let compatibilityConsonantKeys = [
        "r", "R", "rt", "s", "sw", "sg", "e", "E", "f", "fr", "fa", "fq", "ft", "fx", "fv", "fg", "a", "q", "Q", "qt",
        "t", "T", "d", "w", "W", "c", "z", "x", "v", "g",
    ]
}
