/// UTF-8 text built by appending into one growing byte array.
///
/// Exports of long runs write megabytes; appending to a `String` piece by piece is slower and
/// makes it easy to write quadratic code by accident. Bytes are appended in place and turned
/// into a `String` once, at the end.
struct TextBuffer {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  var count: Int { bytes.count }

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  mutating func append(bytes other: [UInt8]) { bytes.append(contentsOf: other) }

  mutating func append(bytes other: ArraySlice<UInt8>) { bytes.append(contentsOf: other) }

  /// A decimal integer, without going through `String`.
  mutating func append(_ number: Int) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    bytes.appendDecimal(UInt64(number.magnitude))
  }

  /// The bytes from `start` to the end.
  func suffix(from start: Int) -> ArraySlice<UInt8> { bytes[start...] }

  mutating func removeAll(keepingCapacity: Bool) {
    bytes.removeAll(keepingCapacity: keepingCapacity)
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }
}
