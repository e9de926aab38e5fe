import Foundation
import RoledeckREPL
import Testing

@Suite("Where decks and progress live")
struct AppPathsTests {
    let cwd = URL(fileURLWithPath: "/work/repo")

    func resolve(
        decks: String? = nil, progress: String? = nil, environment: [String: String] = ["HOME": "/home/u"],
        directories: Set<String> = [], files: Set<String> = []
    ) -> AppPaths {
        AppPaths.resolve(
            decks: decks, progress: progress, environment: environment, currentDirectory: cwd,
            isDirectory: { directories.contains($0.path) }, fileExists: { files.contains($0.path) })
    }

    @Test func inTheRepositoryUsesDecksAndProgressThere() {
        let paths = resolve(directories: ["/work/repo/Decks"], files: ["/work/repo/Decks/catalog/ai-jobs.md"])
        #expect(paths.decks == .directory(URL(fileURLWithPath: "/work/repo/Decks")))
        #expect(paths.progress.path == "/work/repo/Progress")
        #expect(paths.defaultCatalog?.path == "/work/repo/Decks/catalog/ai-jobs.md")
    }

    @Test func elsewhereFallsBackToTheBuiltInCatalogAndXDG() {
        let paths = resolve()
        #expect(paths.decks == .builtIn)
        #expect(paths.progress.path == "/home/u/.local/share/roledeck")
        #expect(paths.defaultCatalog == nil)
        // `generate` writes to the data folder's Decks, never to a Decks folder wherever one happens to be.
        #expect(paths.defaultOutput.path == "/home/u/.local/share/roledeck/Decks")
        #expect(paths.notices.isEmpty)
        let generated = resolve(directories: ["/home/u/.local/share/roledeck/Decks"])
        #expect(generated.decks == .directory(URL(fileURLWithPath: "/home/u/.local/share/roledeck/Decks")))
        #expect(generated.progress.path == "/home/u/.local/share/roledeck")
        #expect(resolve(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"]).progress.path == "/data/roledeck")
        // A relative XDG_DATA_HOME is invalid by the spec and ignored.
        #expect(
            resolve(environment: ["HOME": "/h", "XDG_DATA_HOME": "rel"]).progress.path == "/h/.local/share/roledeck")
    }

    @Test func roledeckHomeOverridesTheFolder() {
        let paths = resolve(
            environment: ["ROLEDECK_HOME": "/srv/rd"], directories: ["/work/repo/Decks", "/srv/rd/Decks"])
        #expect(paths.decks == .directory(URL(fileURLWithPath: "/srv/rd/Decks")))
        #expect(paths.progress.path == "/srv/rd/Progress")
        #expect(paths.notices.isEmpty)
    }

    @Test func aRoledeckHomeWithoutDecksUsesTheBuiltInCatalogAndSaysSo() {
        // The example: `ROLEDECK_HOME=~/study roledeck` failed on a missing Decks with no hint.
        let paths = resolve(
            environment: ["ROLEDECK_HOME": "/home/u/study", "HOME": "/home/u"], directories: ["/work/repo/Decks"])
        #expect(paths.decks == .builtIn)
        #expect(paths.progress.path == "/home/u/study/Progress")
        #expect(paths.defaultOutput.path == "/home/u/study/Decks")
        #expect(
            paths.notices == [
                "ROLEDECK_HOME(/home/u/study)에 Decks 폴더가 없어 내장 카탈로그로 공부합니다. 덱 파일을 만들려면: roledeck generate"
            ])
    }

    @Test func optionsOverrideEverything() {
        let paths = resolve(
            decks: "my/decks", progress: "/tmp/p", environment: ["ROLEDECK_HOME": "/srv/rd"],
            directories: ["/work/repo/Decks"])
        #expect(paths.decks == .directory(URL(fileURLWithPath: "/work/repo/my/decks")))
        #expect(paths.progress.path == "/tmp/p")
        #expect(paths.defaultOutput.path == "/work/repo/my/decks")
    }
}
