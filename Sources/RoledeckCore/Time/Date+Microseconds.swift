import Foundation

extension Date {
    static let microsecondsPerDay: Int64 = 86_400_000_000

    /// The instant as whole microseconds since 1970, the resolution of Python's datetime.
    var microsecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1_000_000).rounded())
    }

    init(microsecondsSince1970 micros: Int64) {
        self.init(timeIntervalSince1970: Double(micros) / 1_000_000)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity, like Python's `//`.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// `self * numerator / denominator` rounded half to even, like timedelta * float.
    func scaledHalfEven(numerator: Int64, denominator: Int64) -> Int64 {
        let product = self * numerator
        let quotient = product.floorDivided(by: denominator)
        let twiceRemainder = 2 * (product - quotient * denominator)
        if twiceRemainder > denominator || (twiceRemainder == denominator && quotient % 2 != 0) {
            return quotient + 1
        }
        return quotient
    }
}

extension TimeInterval {
    /// Seconds as whole microseconds rounded half to even, like `timedelta(seconds=x)`.
    var wholeMicroseconds: Int64 {
        Int64((self * 1_000_000).rounded(.toNearestOrEven))
    }
}
