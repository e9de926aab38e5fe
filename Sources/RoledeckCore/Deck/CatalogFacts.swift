/// Questions about the catalog that the generator and the linter ask: who lists what, who is near whom.
struct CatalogFacts: Sendable {
    let catalog: Catalog
    let roles: [Role]
    let domainIndex: [DomainKey: Int]
    /// Each role's stack, the items listed by the fewest roles first, computed once.
    private var distinctive: [RoleKey: [StackItem]] = [:]
    /// Each role's kin, computed once.
    private var kin: [RoleKey: [Role]] = [:]

    init(catalog: Catalog) {
        self.catalog = catalog
        self.roles = catalog.roles
        self.domainIndex = Dictionary(
            uniqueKeysWithValues: catalog.domains.enumerated().map { ($0.element.key, $0.offset) })
        for role in roles {
            distinctive[role.key] = rankByOwners(role)
            kin[role.key] = rankByKinship(role)
        }
    }

    /// The roles whose stack names the item, by name, alias or part.
    func roles(listing item: StackItem) -> [Role] {
        roles.filter { $0.lists(item) }
    }

    /// The first role in catalog order that lists the item.
    func firstRole(listing item: StackItem) -> Role? {
        roles.first { $0.lists(item) }
    }

    /// The roles whose duties include all the given keys.
    func roles(withDuties keys: [String]) -> [Role] {
        roles.filter { role in keys.allSatisfy(role.hasDuty) }
    }

    /// Whether a role's stack lists the item or something a learner could fairly take for it
    /// (`TensorFlow` and `TensorFlow Serving`, `GPT` and `GPT-3`).
    func isRelated(_ item: StackItem, toStackOf role: Role) -> Bool {
        role.stack.contains { $0.overlaps(item) || Self.oneNamesTheOther($0, item) }
    }

    static func oneNamesTheOther(_ a: StackItem, _ b: StackItem) -> Bool {
        let left = a.key.split(separator: "-")
        let right = b.key.split(separator: "-")
        let (short, long) = left.count <= right.count ? (left, right) : (right, left)
        return !short.isEmpty && long.starts(with: short)
    }

    /// The other roles, those of the same domain first, then by how far their domain is.
    func rolesByKinship(to role: Role) -> [Role] {
        kin[role.key] ?? rankByKinship(role)
    }

    private func rankByKinship(_ role: Role) -> [Role] {
        let home = domainIndex[role.domain] ?? 0
        return roles.enumerated()
            .filter { $0.element.key != role.key }
            .sorted { lhs, rhs in
                let left = abs((domainIndex[lhs.element.domain] ?? 0) - home)
                let right = abs((domainIndex[rhs.element.domain] ?? 0) - home)
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map(\.element)
    }

    /// The other domains, nearest in catalog order first.
    func domainsByDistance(from domain: Domain) -> [Domain] {
        let home = domainIndex[domain.key] ?? 0
        return catalog.domains.enumerated()
            .filter { $0.element.key != domain.key }
            .sorted { lhs, rhs in
                let left = abs(lhs.offset - home)
                let right = abs(rhs.offset - home)
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .map(\.element)
    }

    /// Stack items of other roles that this role does not list nor resemble, from its kin first.
    func outsiders(for role: Role) -> [(item: StackItem, owner: Role)] {
        var seen: Set<String> = []
        var result: [(StackItem, Role)] = []
        for other in rolesByKinship(to: role) {
            for item in distinctiveItems(of: other) where !isRelated(item, toStackOf: role) {
                if seen.insert(item.key).inserted { result.append((item, other)) }
            }
        }
        return result
    }

    /// The role's stack items, those listed by the fewest roles first (ties in catalog order).
    func distinctiveItems(of role: Role) -> [StackItem] {
        distinctive[role.key] ?? rankByOwners(role)
    }

    private func rankByOwners(_ role: Role) -> [StackItem] {
        let ranked: [(item: StackItem, offset: Int, owners: Int)] = role.stack.enumerated().map { offset, item in
            (item, offset, roles(listing: item).count)
        }
        return ranked.sorted { lhs, rhs in
            lhs.owners != rhs.owners ? lhs.owners < rhs.owners : lhs.offset < rhs.offset
        }.map(\.item)
    }
}
