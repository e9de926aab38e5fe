import Foundation

/// The JSON settings every progress file shares, and the translation of decoding errors.
enum StoreJSON {
    /// Sorted keys so files diff well; dates as ISO-8601 UTC, exact to the microsecond.
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISOTimestamp.format(date))
        }
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISOTimestamp.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "ISO-8601 시각이 아님: \"\(text)\"")
            }
            return date
        }
        return decoder
    }

    /// Encodes a value whose types cannot fail to encode (no floats that are NaN or infinite).
    static func encode<Value: Encodable>(_ value: Value, pretty: Bool) -> Data {
        do {
            return try encoder(pretty: pretty).encode(value)
        } catch {
            // Only non-finite doubles fail; the scheduler never produces them.
            preconditionFailure("progress value failed to encode: \(error)")
        }
    }

    /// Decodes `data`, turning Foundation's error into `StoreError.damaged` naming `source`.
    static func decode<Value: Decodable>(
        _ type: Value.Type, from data: Data, source: String, lineOffset: Int = 0
    ) throws(StoreError) -> Value {
        do {
            return try decoder().decode(type, from: data)
        } catch {
            throw damage(error, data: data, source: source, lineOffset: lineOffset)
        }
    }

    /// The file, line:column (from the byte offset) or field path, and reason of a decoding error.
    static func damage(_ error: any Error, data: Data, source: String, lineOffset: Int) -> StoreError {
        func shifted(_ position: FilePosition?) -> FilePosition? {
            position.map { FilePosition(line: $0.line + lineOffset, column: $0.column) }
        }
        guard let decodingError = error as? DecodingError else {
            return .damaged(file: source, position: nil, field: nil, reason: error.localizedDescription)
        }
        switch decodingError {
        case .dataCorrupted(let context):
            if context.underlyingError != nil {
                let position = syntaxPosition(in: data)
                let reason = position == nil ? context.debugDescription : "올바른 JSON이 아님"
                let field = context.codingPath.isEmpty ? nil : path(context.codingPath)
                return .damaged(file: source, position: shifted(position), field: field, reason: reason)
            }
            if context.codingPath.isEmpty {
                return .damaged(
                    file: source,
                    position: shifted(syntaxPosition(in: data) ?? FilePosition(offset: data.count, in: data)),
                    field: nil, reason: "올바른 JSON이 아님")
            }
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath),
                reason: context.debugDescription)
        case .keyNotFound(let key, let context):
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath + [key]),
                reason: "\"\(key.stringValue)\" 필드가 없음")
        case .typeMismatch(let type, let context):
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath),
                reason: "\(typeName(type))이어야 함")
        case .valueNotFound(let type, let context):
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath),
                reason: "null이 아니라 \(typeName(type))이어야 함")
        @unknown default:
            return .damaged(file: source, position: nil, field: nil, reason: "\(decodingError)")
        }
    }

    /// Where the syntax of `data` breaks, or nil when it is valid JSON: JSONDecoder does not say,
    /// JSONSerialization's error does (`JSONErrorLocation` reads it).
    private static func syntaxPosition(in data: Data) -> FilePosition? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let location = JSONErrorLocation.locate(error, in: data)
            return FilePosition(line: location.line, column: location.column)
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "(맨 위)" }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "문자열"
        case is Bool.Type: "true나 false 중 하나"
        case is Int.Type, is Double.Type: "수"
        case is [String: Any].Type: "객체"
        case is [Any].Type: "배열"
        default: "\(type)"
        }
    }
}
