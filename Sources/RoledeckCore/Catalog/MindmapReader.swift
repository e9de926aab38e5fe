/// Builds a mindmap from the indented node lines of a Mermaid `mindmap` block.
struct MindmapReader {
    struct Node {
        var text: String
        var line: Int
        var indent: Int
    }

    var root: Node?
    var branches: [(node: Node, leaves: [Node])] = []

    /// Adds one node line; returns a warning when the line cannot be placed.
    mutating func add(line: String, number: Int) -> String? {
        let indent = MindmapReader.indentWidth(line)
        let text = MindmapReader.nodeText(line.trimmingSpaces)
        let node = Node(text: text, line: number, indent: indent)
        guard let root else {
            self.root = node
            return nil
        }
        if indent <= root.indent { return "두 번째 mindmap 뿌리는 무시합니다: \(text)" }
        if let last = branches.last, indent > last.node.indent {
            if let firstLeaf = last.leaves.first, indent > firstLeaf.indent {
                return "두 단계보다 깊은 mindmap 항목은 쓰지 않습니다: \(text)"
            }
            branches[branches.count - 1].leaves.append(node)
            return nil
        }
        branches.append((node, []))
        return nil
    }

    /// Tabs count as four columns.
    static func indentWidth(_ line: String) -> Int {
        var width = 0
        for character in line {
            if character == " " { width += 1 } else if character == "\t" { width += 4 } else { break }
        }
        return width
    }

    /// The label of a node, without an id and shape brackets: `root((AI JOB))` is `AI JOB`.
    static func nodeText(_ text: String) -> String {
        let shapes: [(open: String, close: String)] = [
            ("((", "))"), ("))", "(("), ("{{", "}}"), ("[", "]"), ("(", ")"), (")", "("),
        ]
        for shape in shapes where text.hasSuffix(shape.close) {
            guard let open = text.range(of: shape.open) else { continue }
            let id = text[..<open.lowerBound]
            guard !id.contains(" "), open.upperBound <= text.index(text.endIndex, offsetBy: -shape.close.count)
            else { continue }
            let inner = text[open.upperBound..<text.index(text.endIndex, offsetBy: -shape.close.count)]
            return String(inner).trimmingSpaces
        }
        return text
    }
}
