import Foundation

/// Splits the bytes of a file descriptor into lines, reading in large chunks and retrying interrupted reads.
///
/// A line is capped while it is read: past `maximumLineBytes` the rest of it is skipped as it arrives,
/// never held, and the line comes back cut to one byte over the cap, so the caller can tell it was too
/// long. A 100 MB paste costs the memory of one chunk.
public final class FileLineSource {
    /// The longest line a learner's input keeps whole, in bytes.
    public static let maximumLineBytes = 64 * 1024

    private let fileDescriptor: Int32
    private let cap: Int
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var start = 0
    /// Bytes before this index hold no newline, so a long line is scanned once.
    private var scanned = 0
    private var atEnd = false
    /// The kept beginning of a line over the cap whose rest is being skipped.
    private var overlong: [UInt8]?

    /// Lines of `fileDescriptor` (not closed here), each kept up to `maximumLineBytes` bytes.
    public init(fileDescriptor: Int32, maximumLineBytes: Int = FileLineSource.maximumLineBytes) {
        self.fileDescriptor = fileDescriptor
        cap = maximumLineBytes
    }

    /// The next line without its `\n`, or nil once the input is exhausted; a last line without `\n` still counts.
    public func nextLine() -> [UInt8]? {
        while true {
            if let newline = newline(from: scanned) {
                let line = overlong ?? Array(buffer[start..<newline])
                overlong = nil
                start = newline + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            if overlong == nil && buffer.count - start > cap {
                overlong = Array(buffer[start..<(start + cap + 1)])
            }
            if overlong != nil {
                // Skip the rest of the long line instead of keeping it.
                start = buffer.count
                scanned = start
            }
            if atEnd {
                if let kept = overlong {
                    overlong = nil
                    return kept
                }
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return Array(buffer[start...])
            }
            fill()
        }
    }

    /// True when a whole next line is already read, so asking for it will not wait for input.
    public var hasBufferedLine: Bool {
        newline(from: max(start, scanned)) != nil
    }

    /// Where the first newline at or after `offset` is in `buffer` (memchr: a long line is many bytes).
    private func newline(from offset: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard offset < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + offset, 0x0A, bytes.count - offset)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Waits up to `seconds` for input: true when a line is buffered, bytes arrived or the input ended.
    public func waitForInput(seconds: TimeInterval) -> Bool {
        if hasBufferedLine || atEnd { return true }
        var watched = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(seconds, 86_400)) * 1000)
        while true {
            let ready = poll(&watched, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            return ready != 0
        }
    }

    private func fill() {
        buffer.removeSubrange(..<start)
        scanned -= start
        start = 0
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return
            }
            if count < 0 && errno == EINTR { continue }
            atEnd = true
            return
        }
    }
}
