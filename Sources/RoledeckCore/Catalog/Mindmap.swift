/// The Mermaid mindmap on top of the catalog: a root, branches and their leaves.
public struct Mindmap: Equatable, Sendable {
    /// The root node's text (`AI JOB`).
    public var root: String
    /// The first-level nodes (`Data`, `S/W Dev`, `Cloud & Infra`).
    public var branches: [MindmapBranch]
    /// The 1-based line of the root node.
    public var line: Int

    public init(root: String, branches: [MindmapBranch], line: Int) {
        self.root = root
        self.branches = branches
        self.line = line
    }
}

/// A first-level node of the mindmap.
public struct MindmapBranch: Equatable, Sendable {
    /// The label as written.
    public var label: String
    /// The 1-based line of the node.
    public var line: Int
    /// The second-level nodes under it.
    public var leaves: [MindmapLeaf]

    public init(label: String, line: Int, leaves: [MindmapLeaf]) {
        self.label = label
        self.line = line
        self.leaves = leaves
    }
}

/// A second-level node of the mindmap, linked to the role it names when one matches.
public struct MindmapLeaf: Equatable, Sendable {
    /// The label as written (`Data 리서처`).
    public var label: String
    /// The 1-based line of the node.
    public var line: Int
    /// The role the label names (`Data 리서처` is 데이터 리서처), when one matches.
    public var role: RoleKey?

    public init(label: String, line: Int, role: RoleKey?) {
        self.label = label
        self.line = line
        self.role = role
    }
}
