/// FNV-1a over UTF-8: the same text gives the same 64 bits in every process (unlike `Hasher`), for
/// ids and seeds that must not change between exports.
enum StableHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// A positive id below 2^52 (exact in a JSON double, as Anki's ids are read).
    static func id(_ text: String) -> Int64 {
        Int64(of(text) & 0x000F_FFFF_FFFF_FFFF) | 0x0001_0000_0000_0000
    }

    /// An 11-letter base-62 guid.
    static func guid(_ text: String) -> String {
        let letters = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var value = of(text)
        var result = ""
        for _ in 0..<11 {
            result.append(letters[Int(value % 62)])
            value /= 62
        }
        return result
    }
}
