import Testing

@testable import RoledeckCore

@Suite struct ScalarClassTests {
    /// Every scalar there is: the quick answers are Unicode's own (ids are built from them, and must
    /// never change).
    @Test func theQuickAnswersAreUnicodesForEveryScalar() {
        var checked = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if scalar.hasAlphabeticProperty != properties.isAlphabetic { Issue.record("alphabetic U+\(String(value, radix: 16))") }
            if scalar.isLetterOrNumber != (properties.isAlphabetic || properties.numericType != nil) {
                Issue.record("letter or number U+\(String(value, radix: 16))")
            }
            checked += 1
        }
        #expect(checked == 1_112_064)
    }
}
