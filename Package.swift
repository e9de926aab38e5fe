// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "roledeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "roledeck", targets: ["roledeck"]),
        .library(name: "RoledeckCore", targets: ["RoledeckCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure logic and file formats: catalog, generator, scheduler, store, stats.
        .target(
            name: "RoledeckCore",
            resources: [
                .embedInCode("Resources/ai-jobs.md"), .embedInCode("Resources/spellings.txt"),
                .embedInCode("Resources/related.txt"), .embedInCode("Resources/duty-words.txt"),
            ]
        ),
        // GNU readline, imported by exactly one file of RoledeckREPL.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // Study sessions and terminal rendering, written against a line-reader protocol.
        .target(
            name: "RoledeckREPL",
            dependencies: ["RoledeckCore", "CReadline"]
        ),
        // Anki packages (.apkg): the collection the core lays out, written as SQLite and zipped.
        .target(
            name: "RoledeckAnki",
            dependencies: [
                "RoledeckCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The thin executable: arguments, paths, clock, exit codes.
        .executableTarget(
            name: "roledeck",
            dependencies: [
                "RoledeckCore",
                "RoledeckREPL",
                "RoledeckAnki",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks that print figures (run with `swift run -c release roledeck-bench`).
        .executableTarget(
            name: "roledeck-bench",
            dependencies: ["RoledeckCore", "RoledeckREPL"]
        ),
        .testTarget(
            name: "RoledeckCoreTests",
            dependencies: ["RoledeckCore"],
            resources: [.copy("Fixtures")]
        ),
        // The study loop driven by a scripted line reader, a fixed clock and a seeded generator.
        .testTarget(
            name: "RoledeckREPLTests",
            dependencies: ["RoledeckREPL", "RoledeckCore"]
        ),
        // Test support: echoes what the terminal line reader returns, for the pseudo-terminal tests.
        .executableTarget(
            name: "readline-echo",
            dependencies: ["RoledeckREPL"]
        ),
        .testTarget(
            name: "RoledeckCLITests",
            dependencies: ["roledeck", "readline-echo", "RoledeckREPL", "RoledeckCore"]
        ),
        // The package writer read back through SQLite, without Anki (the interop test with Anki's own
        // library runs the binary, in RoledeckCLITests).
        .testTarget(
            name: "RoledeckAnkiTests",
            dependencies: ["RoledeckAnki", "RoledeckCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
