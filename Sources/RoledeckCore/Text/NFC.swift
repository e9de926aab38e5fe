import Foundation

extension String {
    /// The text in Unicode Normalization Form C, the form roledeck stores and compares.
    public var nfc: String { precomposedStringWithCanonicalMapping }
}
