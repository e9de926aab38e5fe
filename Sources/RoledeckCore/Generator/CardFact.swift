/// The catalog fact a card asks about, by its place in a role: what `Card.fact` holds, and what
/// `CatalogEdit` compares to keep a card's id when the catalog rewords the fact.
///
/// Written `<role key>/<place>: <text>`: `d2` is the role's second duty, `d2.1` the first part of
/// that duty, `s5` its fifth stack item (all from 1), and the text is the fact as the catalog writes it.
public struct CardFact: Equatable, Sendable {
    /// The role the fact belongs to (for a card about an item several roles list, the first).
    public var role: RoleKey
    /// The place within the role: `d2`, `d2.1`, `s5`.
    public var place: String
    /// The fact as the catalog writes it.
    public var text: String

    public init(role: RoleKey, place: String, text: String) {
        self.role = role
        self.place = place
        self.text = text
    }

    /// The fact of a card's `fact` field; nil when it holds none or cannot be read.
    public init?(_ field: String?) {
        guard let field, let colon = field.range(of: ": "), let slash = field[..<colon.lowerBound].lastIndex(of: "/")
        else { return nil }
        role = RoleKey(rawValue: String(field[..<slash]))
        place = String(field[field.index(after: slash)..<colon.lowerBound])
        text = String(field[colon.upperBound...])
    }

    /// The text of the `fact` field.
    public var field: String { "\(role.rawValue)/\(place): \(text)" }

    /// The fact `card` asks about in the catalog `index` was built from: found from the key its id
    /// ends with, among the duties, duty parts or stack items of its role (or the first role that
    /// lists its item). Nil for cards about a whole role or domain, and for an item the role does not list.
    static func of(_ card: Card, in index: CatalogIndex) -> CardFact? {
        let keys = card.id.rawValue.split(separator: "/").map(String.init)
        guard keys.count >= 2, let key = keys.last else { return nil }
        let owner: Int?
        switch card.kind {
        case .stackRole: owner = index.items[key]?.owners.first
        default: owner = card.role.flatMap { index.position[$0] }
        }
        guard keys.count >= (card.kind == .stackRole ? 2 : 3), let owner else { return nil }
        let role = index.roles[owner]
        func duty() -> CardFact? {
            role.duties.firstIndex { $0.key == key }.map {
                CardFact(role: role.key, place: "d\($0 + 1)", text: role.duties[$0].text)
            }
        }
        func part() -> CardFact? {
            for (dutyIndex, duty) in role.duties.enumerated() {
                if let partIndex = duty.parts.firstIndex(where: { $0.key == key }) {
                    return CardFact(
                        role: role.key, place: "d\(dutyIndex + 1).\(partIndex + 1)", text: duty.parts[partIndex].text)
                }
            }
            return nil
        }
        func item() -> CardFact? {
            role.stack.firstIndex { $0.key == key || $0.coveredKeys.contains(key) }.map {
                CardFact(role: role.key, place: "s\($0 + 1)", text: role.stack[$0].text)
            }
        }
        switch card.kind {
        case .cloze: return part()
        case .dutyRole: return duty()
        case .stackCloze, .trueFalse, .stackRole: return item()
        case .contrast: return duty() ?? item()
        default: return nil
        }
    }
}
