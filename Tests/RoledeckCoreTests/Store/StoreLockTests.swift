import Foundation
import Testing

@testable import RoledeckCore

@Suite struct StoreLockTests {
    @Test func secondOpenOfTheSameFolderIsLocked() throws {
        let folder = StoreFixtures.folder()
        let first = try ProgressStore.open(folder: folder)
        let lockPath = folder.appendingPathComponent(".lock").path
        #expect(throws: StoreError.locked(path: lockPath, pid: getpid())) {
            try ProgressStore.open(folder: folder)
        }
        let message = StoreError.locked(path: lockPath, pid: 42).localizedDescription
        #expect(message.contains("프로세스 42") && message.contains(lockPath))
        #expect(first.isWritable)
    }

    @Test func lockIsReleasedWhenTheStoreGoesAway() throws {
        let folder = StoreFixtures.folder()
        do {
            _ = try ProgressStore.open(folder: folder)
        }
        let again = try ProgressStore.open(folder: folder)
        #expect(again.isWritable)
    }

    @Test func staleLockFileFromADeadProcessIsTakenOver() throws {
        let folder = StoreFixtures.folder()
        let lockURL = folder.appendingPathComponent(".lock")
        try StoreFixtures.write("999999\n", to: lockURL)
        let store = try ProgressStore.open(folder: folder)
        #expect(store.isWritable)
        #expect(StoreLock.holderPID(lockURL.path) == getpid())
    }

    @Test func readOnlyOpenIgnoresTheLockAndRefusesWrites() throws {
        let folder = StoreFixtures.folder()
        let writer = try ProgressStore.open(folder: folder)
        try writer.saveCards(["a": StoreFixtures.record()])
        let reader = ProgressStore.openReadOnly(folder: folder)
        #expect(try reader.loadCards() == ["a": StoreFixtures.record()])
        #expect(throws: StoreError.readOnly(path: folder.path)) { try reader.saveCards([:]) }
        #expect(throws: StoreError.readOnly(path: folder.path)) {
            try reader.append(.event(.undo, cardID: "a", at: StoreFixtures.now))
        }
    }
}
