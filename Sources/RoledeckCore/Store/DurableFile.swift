import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes on their way to a file, written out a megabyte at a time.
final class FileSink {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    static let chunk = 1 << 20

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.chunk + 4096)
    }

    /// Adds bytes, writing the buffer out once it holds a megabyte.
    func write(_ bytes: some Collection<UInt8>) throws(StoreError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Writes out what is buffered.
    func flush() throws(StoreError) {
        guard !buffer.isEmpty else { return }
        try DurableFile.writeAll(fd, buffer, path: path)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The few system calls the store needs, each turning errno into `StoreError.io`.
enum DurableFile {
    /// Opens `path`, retrying on EINTR.
    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(StoreError) -> Int32 {
        while true {
            let fd = systemOpen(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw .io(path: path, operation: .open, code: errno) }
        }
    }

    /// Writes all of `data`; write(2) may write less than asked, so it loops.
    static func writeAll(_ fd: Int32, _ data: some ContiguousBytes, path: String) throws(StoreError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var written = 0
            while written < buffer.count {
                let result = write(fd, base + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        if let failure { throw .io(path: path, operation: .write, code: failure) }
    }

    /// Flushes the file (or folder) behind `fd` to the disk.
    static func sync(_ fd: Int32, path: String) throws(StoreError) {
        while fsync(fd) != 0 {
            if errno != EINTR { throw .io(path: path, operation: .fsync, code: errno) }
        }
    }

    /// Makes a rename or a new file in `folder` survive a power cut: the folder entry is data too.
    static func syncFolder(_ folder: String) throws(StoreError) {
        let fd = try open(folder, flags: O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try sync(fd, path: folder)
    }

    /// The last byte of the file behind `fd`, or nil when it is empty.
    static func lastByte(_ fd: Int32, path: String) throws(StoreError) -> UInt8? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, operation: .stat, code: errno) }
        guard info.st_size > 0 else { return nil }
        var byte: UInt8 = 0
        guard pread(fd, &byte, 1, info.st_size - 1) == 1 else {
            throw .io(path: path, operation: .read, code: errno)
        }
        return byte
    }

    /// Calls `body` with `path`'s contents `size` bytes at a time; false when the file does not exist.
    static func readChunks(
        _ path: String, size: Int, from offset: Int = 0, upTo end: Int = .max, _ body: (Data) throws(StoreError) -> Void
    ) throws(StoreError) -> Bool {
        let fd: Int32
        do {
            fd = try open(path, flags: O_RDONLY)
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return false }
            throw error
        }
        defer { close(fd) }
        if offset > 0 && lseek(fd, off_t(offset), SEEK_SET) < 0 {
            throw .io(path: path, operation: .seek, code: errno)
        }
        var position = offset
        var chunk = [UInt8](repeating: 0, count: size)
        while position < end {
            let wanted = min(chunk.count, end - position)
            let count = chunk.withUnsafeMutableBytes { buffer in systemRead(fd, buffer.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: .read, code: errno)
            }
            if count == 0 { return true }
            position += count
            try body(Data(chunk[0..<count]))
        }
        return true
    }

    /// Where the last whole line of `path` before byte `end` ends (just after its newline), 0 if none.
    static func endOfLastLine(_ path: String, before end: Int) throws(StoreError) -> Int {
        var windowEnd = end
        while windowEnd > 0 {
            let windowStart = max(0, windowEnd - 65_536)
            let window = try read(path, from: windowStart, count: windowEnd - windowStart) ?? Data()
            if let newline = window.lastIndex(of: 0x0A) { return windowStart + (newline - window.startIndex) + 1 }
            windowEnd = windowStart
        }
        return 0
    }

    /// The size of the file behind `fd`.
    static func size(of fd: Int32, path: String) throws(StoreError) -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, operation: .stat, code: errno) }
        return Int(info.st_size)
    }

    /// The size of `path` in bytes, or nil when it does not exist.
    static func size(_ path: String) throws(StoreError) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .io(path: path, operation: .stat, code: errno)
        }
        return Int(info.st_size)
    }

    /// The contents of `path` from byte `offset` on (at most `count` bytes), or nil when it does not exist.
    ///
    /// Reads no further than the size the file has when the read starts: bytes appended meanwhile
    /// are for the next read, and a device that never ends (`/dev/full`, `/dev/zero`) reads as empty.
    static func read(_ path: String, from offset: Int = 0, count limit: Int = .max) throws(StoreError) -> Data? {
        guard let size = try size(path) else { return nil }
        let start = max(0, offset)
        let end = min(size, limit > Int.max - start ? Int.max : start + limit)
        var data = Data()
        data.reserveCapacity(max(0, end - start))
        guard end > start else { return data }
        let found = try readChunks(path, size: 1 << 20, from: start, upTo: end) { chunk in data.append(chunk) }
        return found ? data : nil
    }

    /// Replaces `path` atomically: temp file in the same folder, fsync, rename, fsync the folder.
    static func replace(_ path: String, with data: Data, folder: String) throws(StoreError) {
        try replace(path, folder: folder) { sink throws(StoreError) in try sink.write(data) }
    }

    /// Replaces `path` atomically with what `produce` writes to the sink, which goes to the disk a
    /// megabyte at a time, so a large file is never held whole in memory. On any failure the
    /// temporary file is removed and `path` is left as it was.
    static func replace(
        _ path: String, folder: String, _ produce: (FileSink) throws(StoreError) -> Void
    ) throws(StoreError) {
        let temp = folder + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = try open(temp, flags: O_WRONLY | O_CREAT | O_TRUNC)
        do {
            let sink = FileSink(fd: fd, path: temp)
            try produce(sink)
            try sink.flush()
            try sync(fd, path: temp)
        } catch {
            close(fd)
            unlink(temp)
            throw error
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let code = errno
            unlink(temp)
            throw .io(path: path, operation: .rename, code: code)
        }
        try syncFolder(folder)
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(fd, buffer, count)
        #else
            Darwin.read(fd, buffer, count)
        #endif
    }

    private static func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        #if canImport(Glibc)
            Glibc.open(path, flags, mode)
        #else
            Darwin.open(path, flags, mode)
        #endif
    }
}
