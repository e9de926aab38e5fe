/// A name as the tables compare it: NFC, lower case, letters, digits, `+` and `#` only.
///
/// `Scikit-learn`, `scikit learn` and `ScikitLearn` are one key; so are `머신 러닝` and `머신러닝`.
public struct NameKey: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ text: String) {
        var out = String.UnicodeScalarView()
        // ASCII and Hangul syllables, which catalogs are made of, are folded scalar by scalar; anything
        // else goes through NFC and Unicode lower-casing first.
        let plain = Hangul.isPlainText(text)
        let scalars = plain ? text.unicodeScalars : text.nfc.lowercased().unicodeScalars
        for scalar in scalars {
            if scalar.isASCII {
                switch scalar {
                case "A"..."Z": out.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
                case "a"..."z", "0"..."9", "+", "#": out.append(scalar)
                default: break
                }
            } else if scalar.isLetterOrNumber {
                out.append(scalar)
            }
        }
        rawValue = String(out)
    }

    public var isEmpty: Bool { rawValue.isEmpty }
    public var description: String { rawValue }
}
