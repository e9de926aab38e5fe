/// A name as the tables compare it: NFC, lower case, letters, digits, `+` and `#` only.
///
/// `Scikit-learn`, `scikit learn` and `ScikitLearn` are one key; so are `머신 러닝` and `머신러닝`.
public struct NameKey: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) {
        var out = String.UnicodeScalarView()
        for scalar in text.nfc.lowercased().unicodeScalars
        where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "#" {
            out.append(scalar)
        }
        rawValue = String(out)
    }

    public var isEmpty: Bool { rawValue.isEmpty }
    public var description: String { rawValue }
}
