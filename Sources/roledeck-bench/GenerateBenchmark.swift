import Foundation
import RoledeckCore

/// Times parsing the catalog and generating every deck from it, at the catalog's size and at
/// `scales` times its size, to show that generation grows linearly with the catalog.
func benchmarkGenerate(catalogFile: String?, iterations: Int, scales: [Int]) throws {
    let data = try catalogFile.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } ?? ShippedCatalog.data
    let source = catalogFile.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ShippedCatalog.fileName
    let original = String(decoding: data, as: UTF8.self)
    var baseline: Double?
    print("generate: \(source)")
    for scale in scales {
        let text = ScaledCatalog.text(from: original, scale: scale)
        let catalog = try CatalogParser.parse(text, source: source)
        var cards = 0
        var bytes = 0
        // Fewer runs for the large catalogs: each takes seconds rather than milliseconds.
        let runs = max(3, iterations / max(1, scale))
        let parse = try measure(iterations: runs) { _ = try CatalogParser.parse(text, source: source) }
        let generate = measure(iterations: runs) {
            cards = DeckGenerator(catalog: catalog).decks().reduce(0) { $0 + $1.cards.count }
        }
        let all = try measure(iterations: runs) {
            let catalog = try CatalogParser.parse(text, source: source)
            bytes = DeckGenerator(catalog: catalog).decks().map(DeckFile.encode).reduce(0) { $0 + $1.count }
        }
        let median = all[all.count / 2]
        let perCard = median / Double(max(1, cards)) * 1000
        if baseline == nil { baseline = perCard }
        print(
            "  \(scale)x: \(catalog.domains.count) domains, \(catalog.roles.count) roles -> \(cards) cards, "
                + "\(bytes) bytes of JSON")
        print(summary("    parse catalog          ", parse))
        print(summary("    generate decks         ", generate))
        print(summary("    parse+generate+encode  ", all))
        print(
            String(
                format: "    per card: %.1f µs (%.2f× the 1x cost per card)", perCard, perCard / (baseline ?? perCard)))
    }
    print(
        "  targets: 1x well under 100 ms; 100x under 3 s; the cost per card flat as the catalog grows (release build)")
}
