/// A card's stable id, built from catalog keys: `stack/데이터-엔지니어`, `cloze/데이터-애널리틱스/정제`.
public struct CardID: RawRepresentable, Hashable, Comparable, Codable, CodingKeyRepresentable, Sendable,
    CustomStringConvertible
{
    /// Always NFC: set once, normalised on the way in.
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.nfc }
    /// An id read back from a file roledeck wrote from ids, so already NFC.
    init(normalized rawValue: String) { self.rawValue = rawValue }
    /// An id from a kind and the keys that pick the card out within that kind.
    public init(_ kind: CardKind, _ keys: String...) {
        self.init(rawValue: ([kind.rawValue] + keys).joined(separator: "/"))
    }
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { rawValue }

    /// Ids are NFC by construction, so equal ids have equal UTF-8 bytes: comparing and hashing the
    /// bytes skips String's Unicode-aware equality, which is slow for Hangul.
    public static func == (lhs: CardID, rhs: CardID) -> Bool {
        UTF8Key.same(lhs.rawValue, rhs.rawValue)
    }

    public func hash(into hasher: inout Hasher) {
        UTF8Key(rawValue).hash(into: &hasher)
    }
    /// Ids are the keys of the progress files' card maps.
    public var codingKey: any CodingKey { Key(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(rawValue: codingKey.stringValue) }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
