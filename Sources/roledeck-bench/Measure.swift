import Foundation

/// Times `body` over `iterations` runs and returns the durations in milliseconds, sorted.
func measure(iterations: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var times: [Double] = []
    times.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    return times.sorted()
}

func summary(_ label: String, _ times: [Double]) -> String {
    func at(_ q: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * q))] }
    return String(
        format: "%@: min %.3f ms · median %.3f ms · p90 %.3f ms · max %.3f ms (%d runs)", label, times[0], at(0.5),
        at(0.9), times[times.count - 1], times.count)
}
