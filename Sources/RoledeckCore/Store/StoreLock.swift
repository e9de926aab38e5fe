import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exclusive lock on a progress folder: `flock(LOCK_EX | LOCK_NB)` on `Progress/.lock`.
///
/// The lock belongs to the open file description, not to the file: the kernel drops it when the
/// descriptor is closed, which happens when the holder exits *or is killed* (kill -9, crash,
/// power cut). So a lock file left behind by a dead process is not a held lock: the next
/// `flock` succeeds and the new holder overwrites the pid. The file is never deleted, because
/// deleting it would let two processes lock two different inodes. The pid inside is only for
/// the error message. Because the lock is per open file description, a second `open` + `flock`
/// of the same file fails even in the same process.
public final class StoreLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let fd: Int32

    /// Takes the lock or throws `StoreError.locked` naming the holder's pid.
    public init(path: String) throws(StoreError) {
        let fd = try DurableFile.open(path, flags: O_RDWR | O_CREAT)
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(fd)
            guard code == EWOULDBLOCK else { throw .io(path: path, operation: .lock, code: code) }
            throw .locked(path: path, pid: Self.holderPID(path))
        }
        self.path = path
        self.fd = fd
        let pid = Data("\(getpid())\n".utf8)
        // The pid is advisory; failing to write it must not fail the lock.
        if ftruncate(fd, 0) == 0 {
            try? DurableFile.writeAll(fd, pid, path: path)
        }
    }

    deinit {
        close(fd)
    }

    /// The pid written in the lock file at `path`, if it holds one.
    public static func holderPID(_ path: String) -> Int32? {
        guard let data = try? DurableFile.read(path) else { return nil }
        return Int32(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
