import Foundation

/// How roledeck asks glibc's malloc to hand large blocks back to the system.
///
/// glibc serves a block of 128 KB or more with a mapping of its own and unmaps it when freed, but
/// raises that threshold to the size of each such block freed (up to 32 MB): after the first large
/// buffer is freed, the next ones come from the heap and stay there once freed. Starting a study
/// session frees many large buffers (deck files read whole, pieces of the review log and their
/// decoded lines, tables outgrown), so the threshold climbs and the process keeps all of them: at
/// 100,000 cards a cold start peaked at 174 MB, about 125 MB with a fixed threshold. Setting it
/// explicitly turns glibc's adjustment off.
///
/// Only the commands that open a study session set it: each block mapped on its own costs fresh
/// pages, and `replay`, which reuses buffers of several megabytes, spent 0.7 s more in the kernel.
enum MallocTuning {
    /// Blocks of this size or more are mapped on their own, and unmapped when freed.
    static let mapThreshold: Int32 = 4 << 20

    /// Sets glibc's `M_MMAP_THRESHOLD` (for every thread, from now on); nothing happens without glibc
    /// (`mallopt` is looked up, not linked: Swift's Glibc module does not declare it).
    static func apply() {
        #if os(Linux)
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, mapThreshold)
        #endif
    }
}
