import Foundation

/// FSRS-6 weights written out by hand: 21 numbers separated by commas or spaces, optionally in
/// brackets (`0.212, 1.2931, …`), or a JSON file holding such a list or an object with a
/// `parameters` list (a roledeck `settings.json`, or the output of the reference scripts).
public enum ParameterList {
    /// The weights in `text`; `source` (a flag or a file) names it in errors, which say which weight
    /// is wrong and why.
    public static func parse(_ text: String, source: String) throws(OptimizerError) -> [Double] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var numbers: [Double] = []
        if trimmed.hasPrefix("{") {
            let data = Data(trimmed.utf8)
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: data)
            } catch {
                let (line, column, reason) = JSONErrorLocation.locate(error, in: data)
                throw .invalidParameters(source: "\(source):\(line):\(column)", reason: "올바른 JSON이 아닙니다 (\(reason))")
            }
            guard let list = (object as? [String: Any])?["parameters"] as? [Any] else {
                throw .invalidParameters(source: source, reason: "JSON 객체에 \"parameters\" 목록이 없습니다")
            }
            for (index, item) in list.enumerated() {
                guard let number = item as? NSNumber, String(cString: number.objCType) != "c" else {
                    throw .invalidParameters(source: source, reason: "w\(index): 수가 아닙니다")
                }
                numbers.append(number.doubleValue)
            }
        } else {
            let body =
                trimmed.hasPrefix("[") && trimmed.hasSuffix("]") ? String(trimmed.dropFirst().dropLast()) : trimmed
            let separators = CharacterSet(charactersIn: ", \t\r\n")
            for (index, word) in body.components(separatedBy: separators).filter({ !$0.isEmpty }).enumerated() {
                guard let number = Double(word), number.isFinite else {
                    throw .invalidParameters(source: source, reason: "w\(index) = '\(word)': 수가 아닙니다")
                }
                numbers.append(number)
            }
        }
        let problems = SchedulerParameters.weightViolations(numbers)
        guard problems.isEmpty else {
            throw .invalidParameters(
                source: source, reason: problems.compactMap(\.errorDescription).joined(separator: "; "))
        }
        return numbers
    }

    /// The weights in the file at `url`.
    public static func load(from url: URL) throws(OptimizerError) -> [Double] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(text, source: url.path)
    }
}
