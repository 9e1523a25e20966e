extension Array where Element == UInt8 {
  /// Appends `value` in decimal, most significant digit first, without building a `String`:
  /// exports write millions of numbers.
  mutating func appendDecimal(_ value: UInt64) {
    guard value >= 10 else { return append(UInt8(ascii: "0") + UInt8(value)) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, on the stack
    var count = 0
    var rest = value
    Swift.withUnsafeMutableBytes(of: &digits) { scratch in
      while rest > 0 {
        scratch[count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      for index in stride(from: count - 1, through: 0, by: -1) { append(scratch[index]) }
    }
  }
}
