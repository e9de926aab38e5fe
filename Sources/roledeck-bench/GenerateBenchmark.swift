import Foundation
import RoledeckCore

/// Times parsing the catalog and generating every deck from it.
func benchmarkGenerate(catalogFile: String?, iterations: Int) throws {
    let data = try catalogFile.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } ?? ShippedCatalog.data
    let source = catalogFile.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ShippedCatalog.fileName
    var cards = 0
    var bytes = 0
    let parse = try measure(iterations: iterations) { _ = try CatalogParser.parse(data: data, source: source) }
    let catalog = try CatalogParser.parse(data: data, source: source)
    let generate = measure(iterations: iterations) {
        cards = DeckGenerator(catalog: catalog).decks().reduce(0) { $0 + $1.cards.count }
    }
    let all = try measure(iterations: iterations) {
        let catalog = try CatalogParser.parse(data: data, source: source)
        bytes = DeckGenerator(catalog: catalog).decks().map(DeckFile.encode).reduce(0) { $0 + $1.count }
    }
    print(
        "generate: \(source), \(catalog.domains.count) domains, \(catalog.roles.count) roles -> \(cards) cards, \(bytes) bytes of JSON"
    )
    print(summary("  parse catalog          ", parse))
    print(summary("  generate decks         ", generate))
    print(summary("  parse+generate+encode  ", all))
    print("  target: parse+generate+encode well under 100 ms (release build)")
}
