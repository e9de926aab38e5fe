import Foundation

/// Turns the raw bytes of a typed or piped line into the text every `LineReader` promises.
enum InputLine {
    /// Decodes UTF-8, replacing invalid bytes with U+FFFD, then cleans the text.
    static func clean(_ bytes: [UInt8]) -> String {
        clean(String(decoding: bytes, as: UTF8.self))
    }

    /// The text without control characters other than tab (a stray `\r` from CRLF input, escape bytes, NUL), in NFC.
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(
            contentsOf: text.unicodeScalars.filter { $0 == "\t" || $0.properties.generalCategory != .control })
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
