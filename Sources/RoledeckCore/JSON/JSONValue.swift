import Foundation

/// A parsed JSON value that keeps object key order and number spelling, so replay output can
/// echo input (card ids) unchanged and be written in py-fsrs oracle's key order. `JSONCursor`
/// parses it; `serialized` writes it as Python's `json.dumps` does.
public enum JSONValue: Equatable, Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, kept as written ("1700000000000", "0.9", "1e-05").
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, members in input order.
    case object([Member])

    /// One key-value pair of an object.
    public struct Member: Equatable, Hashable, Sendable {
        /// The key.
        public let key: String
        /// The value.
        public let value: JSONValue

        /// Creates a pair.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// A number value written the way Python's `json.dumps` writes a float (null if not finite).
    public static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        var writer = JSONWriter(pythonStyleCapacity: 32)
        writer.pythonDouble(value)
        return .number(String(decoding: writer.bytes, as: UTF8.self))
    }

    /// A number value for an integer.
    public static func int(_ value: Int) -> JSONValue {
        .number(String(value))
    }

    /// `value` as a number or null.
    public static func optional(_ value: Double?) -> JSONValue {
        value.map(double) ?? .null
    }

    /// `value` as an integer or null.
    public static func optional(_ value: Int?) -> JSONValue {
        value.map(int) ?? .null
    }

    /// The value for `key` in an object (the last one if repeated, as in Python); nil otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The number as a Double, if this is a number.
    public var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The number as an Int, if this is a number with an integral value.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        if let exact = Int(text) { return exact }
        guard let double = Double(text), double.rounded() == double, abs(double) < 0x1p62 else {
            return nil
        }
        return Int(double)
    }

    /// True for `null`.
    public var isNull: Bool {
        self == .null
    }

    /// The value serialised like Python's `json.dumps` (", " and ": " separators, ASCII only).
    public var serialized: String {
        var writer = JSONWriter(pythonStyleCapacity: 64)
        writer.value(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Parses one JSON document with `JSONCursor`; the error names the column.
    public static func parse(_ text: some StringProtocol) throws(JSONSyntaxError) -> JSONValue {
        var text = String(text)
        let result = text.withUTF8 { bytes in Result { () throws(JSONSyntaxError) in try JSONCursor.document(bytes) } }
        return try result.get()
    }
}

/// Why a text is not valid JSON, with the 1-based column where parsing stopped.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// 1-based byte column.
    public let column: Int
    /// What was wrong.
    public let message: String

    /// Creates an error.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }
}
