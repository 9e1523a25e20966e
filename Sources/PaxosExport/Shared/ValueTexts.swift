import PaxosCore
import PaxosSim

/// Each value's text, written once in a format's escaping and then reused: a long run repeats
/// the same few values in thousands of labels.
struct ValueTexts {
  /// Labels on arrows show at most this many characters of a value; notes show it whole.
  static let labelLength = 40

  private let values: ValueTable
  private let encode: (String, inout TextBuffer) -> Void
  private var short: [[UInt8]?]
  private var full: [[UInt8]?]

  /// `encode` appends a text to a buffer in the format's escaping.
  init(_ values: ValueTable, encode: @escaping (String, inout TextBuffer) -> Void) {
    self.values = values
    self.encode = encode
    short = Array(repeating: nil, count: values.texts.count)
    full = Array(repeating: nil, count: values.texts.count)
  }

  /// The value as scripts write it (quoted when needed), cut to `labelLength` with `…`.
  mutating func appendShort(_ id: ValueID, to buffer: inout TextBuffer) {
    buffer.append(bytes: cached(id, in: &short) { Self.shortened(values.display(id)) })
  }

  /// The whole value as scripts write it.
  mutating func appendFull(_ id: ValueID, to buffer: inout TextBuffer) {
    buffer.append(bytes: cached(id, in: &full) { values.display(id) })
  }

  private func cached(_ id: ValueID, in cache: inout [[UInt8]?], text: () -> String) -> [UInt8] {
    if id.isNoop { return Self.noop }
    let index = Int(id.raw)
    // A value the table does not hold cannot come from a real run; show that rather than trap.
    guard values.contains(id), index < cache.count else { return Array("?".utf8) }
    if let bytes = cache[index] { return bytes }
    var buffer = TextBuffer()
    encode(text(), &buffer)
    cache[index] = buffer.bytes
    return buffer.bytes
  }

  private static let noop = Array("noop".utf8)

  static func shortened(_ text: String) -> String {
    guard text.count > labelLength else { return text }
    return String(text.prefix(labelLength - 1)) + "…"
  }
}
