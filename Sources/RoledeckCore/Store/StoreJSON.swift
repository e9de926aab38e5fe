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
                    in: container, debugDescription: "not an ISO-8601 time: \"\(text)\"")
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
                let reason = position == nil ? context.debugDescription : "not valid JSON"
                let field = context.codingPath.isEmpty ? nil : path(context.codingPath)
                return .damaged(file: source, position: shifted(position), field: field, reason: reason)
            }
            if context.codingPath.isEmpty {
                return .damaged(
                    file: source,
                    position: shifted(syntaxPosition(in: data) ?? FilePosition(offset: data.count, in: data)),
                    field: nil, reason: "not valid JSON")
            }
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath),
                reason: context.debugDescription)
        case .keyNotFound(let key, let context):
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath + [key]),
                reason: "missing field \"\(key.stringValue)\"")
        case .typeMismatch(let type, let context):
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath),
                reason: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return .damaged(
                file: source, position: shifted(nil), field: path(context.codingPath),
                reason: "expected \(typeName(type)), found null")
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
        guard !codingPath.isEmpty else { return "(top level)" }
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
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type: "a number"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "an array"
        default: "\(type)"
        }
    }
}
