/// A generator whose first number was drawn earlier: a card's fuzz is drawn when the card is shown,
/// so the interval previewed beside each rating (`Scheduler.outcomes(for:at:fuzzDraw:)`) is the one
/// `Scheduler.review` applies. After the predrawn number it continues as SplitMix64 seeded with it.
public struct PredrawnRandom: RandomNumberGenerator, Sendable {
    private var first: UInt64?
    private var state: UInt64

    public init(_ draw: UInt64) {
        first = draw
        state = draw
    }

    public mutating func next() -> UInt64 {
        if let value = first {
            first = nil
            return value
        }
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
