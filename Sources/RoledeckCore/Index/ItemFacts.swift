/// A stack item (or a part of a group item) across the catalog: who lists it, who is related to it.
struct ItemFacts: Sendable {
    /// The item as first listed; a part stands as an item of its own name.
    var item: StackItem
    /// Whether the catalog lists it only inside a group (`NoSQL` in `데이터베이스(SQL, NoSQL)`).
    var isPart: Bool
    /// The roles that list it: by any spelling of its name, or as a part of one of their groups,
    /// except that a group is listed only by roles that name the group itself.
    var owners: [Int]
    /// The owners and every role a learner could fairly say uses it: a role listing a related
    /// item (`related.txt`), one of its parts or a group holding it, an item with the same leading
    /// words (`GPT`, `GPT-3`), or a role whose name or domain contains it.
    var relatedRoles: Set<Int>
}

/// Builds the item facts of a catalog in one pass, with lookups keyed by name.
struct ItemTable {
    var items: [String: ItemFacts] = [:]
    var order: [String] = []

    init(roles: [Role], names: [[String]], lexicon: Lexicon) {
        var listers: [NameKey: Set<Int>] = [:]
        var groupListers: [NameKey: Set<Int>] = [:]
        var byFirstWord: [String: [(words: [String], role: Int)]] = [:]
        var nameWindows: [NameKey: Set<Int>] = [:]
        for (index, role) in roles.enumerated() {
            for item in role.stack {
                let own = Self.ownKeys(of: item, lexicon: lexicon)
                for key in own { groupListers[key, default: []].insert(index) }
                for key in own.union(Self.partKeys(of: item, lexicon: lexicon)) {
                    listers[key, default: []].insert(index)
                }
                for words in ([item.name] + item.parts).map(Self.lowerWords) where !words.isEmpty {
                    byFirstWord[words[0], default: []].append((words, index))
                }
            }
            for window in Self.windows(of: names[index]) { nameWindows[window, default: []].insert(index) }
        }

        for role in roles {
            for item in role.stack {
                add(item, isPart: false)
            }
        }
        for role in roles {
            for item in role.stack {
                for part in item.parts { add(StackItem(text: part, name: part, alias: nil, parts: []), isPart: true) }
            }
        }
        for key in order {
            guard var facts = items[key] else { continue }
            let item = facts.item
            let own = Self.ownKeys(of: item, lexicon: lexicon)
            let parts = Self.partKeys(of: item, lexicon: lexicon)
            let owners = own.reduce(into: Set<Int>()) { result, key in
                result.formUnion((item.parts.isEmpty ? listers : groupListers)[key] ?? [])
            }
            var related = owners
            let terms = own.union(parts).union(lexicon.related(to: own.union(parts)))
            for term in terms {
                related.formUnion(listers[term] ?? [])
                related.formUnion(nameWindows[term] ?? [])
            }
            for words in ([item.name] + item.parts).map(Self.lowerWords) where !words.isEmpty {
                for candidate in byFirstWord[words[0]] ?? [] where Self.oneStartsTheOther(words, candidate.words) {
                    related.insert(candidate.role)
                }
            }
            facts.owners = owners.sorted()
            facts.relatedRoles = related
            items[key] = facts
        }
    }

    private mutating func add(_ item: StackItem, isPart: Bool) {
        guard items[item.key] == nil else { return }
        items[item.key] = ItemFacts(item: item, isPart: isPart, owners: [], relatedRoles: [])
        order.append(item.key)
    }

    /// The keys of an item's own names (name, text, alias) and their other spellings.
    static func ownKeys(of item: StackItem, lexicon: Lexicon) -> Set<NameKey> {
        Set([item.name, item.text] + (item.alias.map { [$0] } ?? [])).map(NameKey.init)
            .reduce(into: Set<NameKey>()) { $0.formUnion(lexicon.equivalents(of: $1)) }
    }

    /// The keys of a group item's parts and their other spellings.
    static func partKeys(of item: StackItem, lexicon: Lexicon) -> Set<NameKey> {
        item.parts.map(NameKey.init).reduce(into: Set<NameKey>()) { $0.formUnion(lexicon.equivalents(of: $1)) }
    }

    static func lowerWords(_ text: String) -> [String] {
        Words.of(text).map { $0.lowercased() }
    }

    /// `GPT` and `GPT-3`, `TensorFlow` and `TensorFlow Serving`: the shorter is how the longer begins.
    static func oneStartsTheOther(_ a: [String], _ b: [String]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        return !short.isEmpty && long.starts(with: short)
    }

    /// Every run of up to `longest` neighbouring words, as one key (`머신`, `러닝`, `머신러닝`, …).
    static func windows(of words: [String], longest: Int = 4) -> Set<NameKey> {
        var keys: Set<NameKey> = []
        for start in words.indices {
            for end in start..<min(words.count, start + longest) {
                keys.insert(NameKey(words[start...end].joined()))
            }
        }
        return keys
    }
}
