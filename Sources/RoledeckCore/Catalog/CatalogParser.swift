import Foundation

/// Reads a catalog written in the shape of `ai-jobs.md`: a line-by-line state machine whose errors carry the line.
public enum CatalogParser {
    /// Parses catalog text; `source` names the file in errors and explanations.
    public static func parse(_ text: String, source: String) throws(CatalogError) -> Catalog {
        var state = ParseState(source: source)
        let lines = splitLines(text.nfc)
        guard lines.contains(where: { !$0.trimmingSpaces.isEmpty }) else { throw .emptyFile(source: source) }
        for (index, line) in lines.enumerated() {
            try state.consume(line, number: index + 1)
        }
        return try state.finish()
    }

    /// Parses catalog bytes, reporting the line of the first byte that is not UTF-8.
    public static func parse(data: Data, source: String) throws(CatalogError) -> Catalog {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = firstInvalidUTF8Offset(bytes) {
            let line = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw .invalidUTF8(source: source, line: line)
        }
        return try parse(String(decoding: bytes, as: UTF8.self), source: source)
    }

    static func splitLines(_ text: String) -> [String] {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift, so both line ends are matched as characters.
        return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}

/// The parser's state between lines.
struct ParseState {
    let source: String
    var title: String?
    var inFence = false
    var fenceIsMermaid = false
    var mindmap: MindmapReader?
    var finishedMindmap: MindmapReader?
    var domains: [RawDomain] = []
    var role: RawRole?
    var roleLines: [RoleKey: Int] = [:]
    var warnings: [CatalogWarning] = []

    init(source: String) { self.source = source }

    mutating func consume(_ line: String, number: Int) throws(CatalogError) {
        let trimmed = line.trimmingSpaces
        if trimmed.hasPrefix("```") {
            if inFence {
                inFence = false
                if fenceIsMermaid, let reader = mindmap { finishedMindmap = reader }
                mindmap = nil
            } else {
                inFence = true
                let language = trimmed.dropFirst(3).trimmingSpaces.lowercased()
                fenceIsMermaid = language == "mermaid"
                if !fenceIsMermaid { warn(number, "Mermaid가 아닌 코드 블록은 건너뜁니다.") }
            }
            return
        }
        if inFence {
            if fenceIsMermaid { readMermaid(line, trimmed: trimmed, number: number) }
            return
        }
        if trimmed.isEmpty { return }
        if trimmed.hasPrefix("#") {
            try readHeading(trimmed, number: number)
            return
        }
        if let bullet = Bullet(trimmed) {
            try readBullet(bullet, number: number)
            return
        }
        warn(number, "알 수 없는 줄이라 건너뜁니다: \(trimmed)")
    }

    mutating func readMermaid(_ line: String, trimmed: String, number: Int) {
        if trimmed.isEmpty || trimmed.hasPrefix("%%") { return }
        if mindmap == nil {
            if trimmed == "mindmap" {
                mindmap = MindmapReader()
            } else {
                warn(number, "Mermaid mindmap만 읽습니다. 이 다이어그램은 건너뜁니다.")
                fenceIsMermaid = false
            }
            return
        }
        if trimmed.hasPrefix("::icon(") || trimmed.hasPrefix(":::") { return }
        if let problem = mindmap?.add(line: line, number: number) { warn(number, problem) }
    }

    mutating func readHeading(_ trimmed: String, number: Int) throws(CatalogError) {
        let level = trimmed.prefix { $0 == "#" }.count
        let text = trimmed.dropFirst(level).trimmingSpaces
        switch level {
        case 1:
            if title == nil { title = text } else { warn(number, "두 번째 `#` 제목은 무시합니다: \(text)") }
        case 3:
            guard let heading = DomainHeading(text) else {
                warn(number, "번호 없는 `###` 제목은 분야가 아닙니다 (`### N. 이름` 꼴로): \(text)")
                return
            }
            try closeRole()
            try closeDomain()
            domains.append(RawDomain(heading: heading, line: number))
        default:
            // `##` headings name the parts of the document (the mindmap, the list of jobs).
            if level == 2 { return }
            warn(number, "\(level)단계 제목은 카탈로그 형식에 없어 건너뜁니다: \(text)")
        }
    }

    mutating func readBullet(_ bullet: Bullet, number: Int) throws(CatalogError) {
        switch bullet.kind {
        case .role(let name, let rest):
            try closeRole()
            guard !domains.isEmpty else { throw .roleOutsideDomain(source: source, line: number, role: name) }
            let names = RoleName(name)
            // Two roles may share a name but for their qualifiers (`백엔드 개발자 (Node.js)`, `(Java/Spring)`).
            if let first = roleLines[names.fullKey] {
                throw .duplicateRole(source: source, line: number, role: name, firstLine: first)
            }
            roleLines[names.fullKey] = number
            if !rest.isEmpty { warn(number, "직무 이름 뒤의 글은 무시합니다: \(rest)") }
            role = RawRole(name: names, line: number)
        case .duties(let text):
            guard var current = role else { throw .dutiesOutsideRole(source: source, line: number) }
            if current.duties != nil {
                throw .repeatedLine(source: source, line: number, role: current.name.written, label: "업무")
            }
            let items = try DutySplitter.duties(text, source: source, line: number)
            guard !items.isEmpty else { throw .emptyItems(source: source, line: number, label: "업무") }
            current.duties = (text, number, items)
            role = current
        case .stack(let text):
            guard var current = role else { throw .stackOutsideRole(source: source, line: number) }
            if current.stack != nil {
                throw .repeatedLine(source: source, line: number, role: current.name.written, label: "기술 스택")
            }
            let items = try ItemSplitter.stack(text, source: source, line: number)
            guard !items.isEmpty else { throw .emptyItems(source: source, line: number, label: "기술 스택") }
            var seen: Set<String> = []
            var unique: [StackItem] = []
            for item in items {
                if seen.insert(item.key).inserted {
                    unique.append(item)
                } else {
                    warn(number, "이 기술 스택에 '\(item.text)'\(Particle.subject.form(after: item.text)) 두 번 있어 한 번만 둡니다.")
                }
            }
            current.stack = (text, number, unique)
            role = current
        case .other(let text):
            warn(number, "직무나 `업무:`, `기술 스택:` 줄이 아닌 항목이라 건너뜁니다: \(text)")
        }
    }

    mutating func closeRole() throws(CatalogError) {
        guard let current = role else { return }
        role = nil
        guard current.duties != nil else {
            throw .missingDuties(source: source, line: current.line, role: current.name.written)
        }
        guard current.stack != nil else {
            throw .missingStack(source: source, line: current.line, role: current.name.written)
        }
        domains[domains.count - 1].roles.append(current)
    }

    mutating func closeDomain() throws(CatalogError) {
        guard let last = domains.last, last.roles.isEmpty else { return }
        throw .domainWithoutRoles(source: source, line: last.line, domain: last.heading.name)
    }

    mutating func finish() throws(CatalogError) -> Catalog {
        if inFence, fenceIsMermaid, let reader = mindmap { finishedMindmap = reader }
        try closeRole()
        try closeDomain()
        guard !domains.isEmpty else { throw .noDomains(source: source) }
        var builder = CatalogBuilder(source: source, warnings: warnings)
        return builder.build(title: title ?? "", mindmap: finishedMindmap, domains: domains)
    }

    mutating func warn(_ line: Int, _ message: String) {
        warnings.append(CatalogWarning(source: source, line: line, message: message))
    }
}

struct RawDomain {
    var heading: DomainHeading
    var line: Int
    var roles: [RawRole] = []
}

struct RawRole {
    var name: RoleName
    var line: Int
    var duties: (text: String, line: Int, items: [Duty])?
    var stack: (text: String, line: Int, items: [StackItem])?
}

/// `1. 데이터` or `6. MLOps (Machine Learning Operations)`.
struct DomainHeading {
    var number: Int
    var name: String
    var englishName: String?

    init?(_ text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count)
        guard rest.first == "." else { return nil }
        rest = rest.dropFirst()
        var name = String(rest).trimmingSpaces
        guard !name.isEmpty else { return nil }
        var english: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex {
            let inner = name[name.index(after: open)..<name.index(before: name.endIndex)].trimmingSpaces
            if !inner.isEmpty, inner.unicodeScalars.allSatisfy(\.isASCII) {
                english = inner
                name = String(name[..<open]).trimmingSpaces
            }
        }
        self.number = number
        self.name = name
        self.englishName = english
    }
}

/// A Markdown list item, recognised as a role, a duties line or a stack line.
struct Bullet {
    enum Kind {
        case role(name: String, rest: String)
        case duties(String)
        case stack(String)
        case other(String)
    }
    var kind: Kind

    init?(_ trimmed: String) {
        guard let marker = trimmed.first, "-*+".contains(marker) else { return nil }
        let body = trimmed.dropFirst()
        guard body.first == " " || body.first == "\t" else { return nil }
        let text = body.trimmingSpaces
        if text.hasPrefix("**"), let close = text.dropFirst(2).range(of: "**") {
            let name = text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound].trimmingSpaces
            kind = .role(name: name, rest: text[close.upperBound...].trimmingSpaces)
        } else if let value = Bullet.labelled(text, "업무") {
            kind = .duties(value)
        } else if let value = Bullet.labelled(text, "기술 스택") ?? Bullet.labelled(text, "기술스택") {
            kind = .stack(value)
        } else {
            kind = .other(text)
        }
    }

    static func labelled(_ text: String, _ label: String) -> String? {
        guard text.hasPrefix(label) else { return nil }
        let rest = text.dropFirst(label.count).trimmingSpaces
        guard let colon = rest.first, colon == ":" || colon == "：" else { return nil }
        return rest.dropFirst().trimmingSpaces
    }
}
