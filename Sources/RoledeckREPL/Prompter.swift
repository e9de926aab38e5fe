import Foundation

/// The one place the study loop reads input: it asks the `LineReader`, and turns away lines no
/// prompt can use (too long, control characters, undecodable bytes) with a short hint.
public struct Prompter {
    /// The longest line accepted; anything longer is a paste gone wrong.
    public static let maximumLength = 2000

    public var reader: any LineReader
    let console: Console
    /// Work owed that can wait until something is on screen (a cache to write): done once, just
    /// before the first line is read, while the learner reads what is shown.
    public var beforeFirstRead: (() -> Void)?

    public init(reader: any LineReader, console: Console) {
        self.reader = reader
        self.console = console
    }

    /// The next usable line, trimmed of surrounding spaces; nil at the end of input.
    public mutating func read(_ prompt: String, kind: LineKind) -> String? {
        doOwedWork()
        while true {
            guard let line = reader.readLine(prompt: prompt, kind: kind) else { return nil }
            if let problem = Self.problem(with: line) {
                console.line(console.palette.warn(problem))
                continue
            }
            return line.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Does `beforeFirstRead`'s work now, if it is still owed (also when the program ends without
    /// reading a line).
    public mutating func doOwedWork() {
        guard let work = beforeFirstRead else { return }
        beforeFirstRead = nil
        work()
    }

    /// Why a line cannot be used, or nil when it can.
    static func problem(with line: String) -> String? {
        if line.utf8.count > maximumLength * 4 || line.count > maximumLength {
            return "입력이 너무 깁니다 (\(maximumLength)자까지). 다시 입력하세요."
        }
        if line.unicodeScalars.contains("\u{FFFD}") {
            return "UTF-8로 읽을 수 없는 입력입니다. 다시 입력하세요."
        }
        if line.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) {
            return "제어 문자는 쓸 수 없습니다. 다시 입력하세요."
        }
        return nil
    }
}
