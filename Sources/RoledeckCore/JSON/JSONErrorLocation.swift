import Foundation

/// Turns Foundation's JSON errors into a line, a column and a field path a person can act on.
enum JSONErrorLocation {
    /// The line and column (1-based) of a JSON syntax error, from the byte offset Foundation reports.
    static func locate(_ error: any Error, in data: Data) -> (line: Int, column: Int, reason: String) {
        let nsError = error as NSError
        let description = (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
        var offset = data.count
        if let index = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int {
            offset = min(index, data.count)
        } else if let range = description.range(of: "character "),
            let number = Int(description[range.upperBound...].prefix { $0.isNumber })
        {
            offset = min(number, data.count)
        }
        let position = lineAndColumn(ofOffset: offset, in: data)
        return (position.line, position.column, description)
    }

    /// The line and column (1-based; columns count Unicode scalars, not bytes) of byte `offset`.
    static func lineAndColumn<Bytes: Collection>(
        ofOffset offset: Int, in bytes: Bytes
    ) -> (line: Int, column: Int) where Bytes.Element == UInt8 {
        var line = 1
        var column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The dotted path of the field a decoding error is about, and what was wrong with it.
    static func describe(_ error: DecodingError) -> (field: String, reason: String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "(맨 위)" : String(text.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "\(type) 값이어야 함")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "null이 아니라 \(type) 값이어야 함")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "없음")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("(맨 위)", "\(error)")
        }
    }
}
