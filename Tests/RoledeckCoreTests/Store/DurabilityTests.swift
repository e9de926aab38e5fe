import Foundation
import Testing

@testable import RoledeckCore

@Suite struct DurabilityTests {
    @Test func saveReplacesThroughATempFileAndLeavesNoTempBehind() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder())
        try store.saveCards(["a": StoreFixtures.record()])
        try store.saveCards(["b": StoreFixtures.record()])
        #expect(try store.loadCards().keys.sorted() == ["b"])
        let names = try FileManager.default.contentsOfDirectory(atPath: store.folder.path).sorted()
        #expect(names == [".lock", "cards.json"])
    }

    @Test func fsyncOfFilesAndFoldersSucceedsAndFailuresBecomeIOErrors() throws {
        let folder = StoreFixtures.folder()
        try DurableFile.syncFolder(folder.path)
        let path = folder.appendingPathComponent("f").path
        try DurableFile.replace(path, with: Data("x".utf8), folder: folder.path)
        #expect(try DurableFile.read(path) == Data("x".utf8))
        let missing = folder.appendingPathComponent("missing").path
        #expect(throws: StoreError.io(path: missing, operation: .open, code: ENOENT)) {
            try DurableFile.syncFolder(missing)
        }
        #expect(throws: StoreError.io(path: path, operation: .fsync, code: EBADF)) {
            try DurableFile.sync(-1, path: path)
        }
        #expect(try DurableFile.read(missing) == nil)
    }

    @Test func appendCreatesTheLogAndSyncsTheFolder() throws {
        let store = try ProgressStore.open(folder: StoreFixtures.folder().appendingPathComponent("Progress"))
        try store.append(.event(.undo, cardID: "a", at: StoreFixtures.now))
        #expect(try store.loadLog().records.count == 1)
    }
}
