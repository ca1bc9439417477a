/// Decimal text of a number without Foundation's formatter (which costs more than the rest of
/// making a question node).
enum DecimalText {
    /// What `String(format: "%.2f", value)` writes, for 0 ≤ value < 2^40: the exact binary value
    /// rounded to hundredths, an exact tie to the even hundredth (as C's printf rounds). Exactness
    /// comes from `fma`, which computes `value * 100 - n` with one rounding, so its sign is exact.
    /// Other values are formatted by Swift's own description rounding and should not be passed.
    static func twoPlaces(_ value: Double) -> String {
        guard value >= 0, value < 0x1p40 else { return String(value) }
        var n = Int((value * 100).rounded(.down))
        while n > 0 && value.fma(100, -Double(n)) < 0 { n -= 1 }
        while value.fma(100, -Double(n + 1)) >= 0 { n += 1 }
        // Now n ≤ value·100 < n + 1 exactly; compare with the midpoint n + 0.5.
        let aboveHalf = value.fma(100, -(Double(n) + 0.5))
        if aboveHalf > 0 || (aboveHalf == 0 && n % 2 == 1) { n += 1 }
        let cents = n % 100
        return "\(n / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }
}

extension Double {
    /// `self * a + b` with a single rounding.
    @inline(__always) fileprivate func fma(_ a: Double, _ b: Double) -> Double {
        b.addingProduct(self, a)
    }
}
