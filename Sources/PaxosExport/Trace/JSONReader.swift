/// A strict JSON reader (RFC 8259) that the trace decoder pulls values from one at a time.
///
/// Strict where JSON is: no comments, trailing commas, single quotes, leading zeros or
/// unescaped control characters; the text must be valid UTF-8 without a byte-order mark.
/// Stricter than JSON where a trace is: numbers are whole, duplicate keys are refused, and
/// nesting, strings and numbers are bounded, so a hostile file fails at once. Errors name the
/// byte offset; the decoder adds the JSON path as they pass up through it.
struct JSONReader {
  let bytes: [UInt8]
  private(set) var position = 0
  private let limits: TraceLimits
  private var depth = 0
  /// The keys of the objects being read, innermost last, to refuse duplicates without
  /// allocating a set per object.
  private var keys: [String] = []
  /// Where an escaped string is decoded; kept to reuse its storage.
  private var scratch: [UInt8] = []

  init(_ bytes: [UInt8], limits: TraceLimits) {
    self.bytes = bytes
    self.limits = limits
  }

  func fail(_ message: String, at offset: Int? = nil, hint: String? = nil) -> TraceError {
    TraceError(message, offset: offset ?? position, hint: hint)
  }

  // MARK: Structure

  /// Reads an object, handing each key to `body` with the reader at its value.
  mutating func object(
    _ what: String, _ body: (inout JSONReader, String) throws(TraceError) -> Void
  ) throws(TraceError) {
    try open(UInt8(ascii: "{"), expecting: what)
    let base = keys.count
    defer { keys.removeSubrange(base...) }
    skipWhitespace()
    if take(UInt8(ascii: "}")) { return close() }
    while true {
      skipWhitespace()
      let keyOffset = position
      guard peek == UInt8(ascii: "\"") else {
        throw fail("expected a field name in quotes, found \(found)")
      }
      let key = try string()
      if keys[base...].contains(key) {
        throw fail("the field '\(key)' appears twice", at: keyOffset).inside(Self.component(key))
      }
      keys.append(key)
      skipWhitespace()
      guard take(UInt8(ascii: ":")) else {
        throw fail("expected ':' after the field name, found \(found)")
      }
      skipWhitespace()
      do {
        try body(&self, key)
      } catch {
        throw error.inside(Self.component(key))
      }
      skipWhitespace()
      if take(UInt8(ascii: "}")) { return close() }
      guard take(UInt8(ascii: ",")) else {
        throw fail("expected ',' or '}' after a field, found \(found)")
      }
    }
  }

  /// Reads an array, handing each element's index to `body` with the reader at the element.
  mutating func array(
    _ what: String, _ body: (inout JSONReader, Int) throws(TraceError) -> Void
  ) throws(TraceError) {
    try open(UInt8(ascii: "["), expecting: what)
    skipWhitespace()
    if take(UInt8(ascii: "]")) { return close() }
    var index = 0
    while true {
      skipWhitespace()
      do {
        try body(&self, index)
      } catch {
        throw error.inside("[\(index)]")
      }
      index += 1
      skipWhitespace()
      if take(UInt8(ascii: "]")) { return close() }
      guard take(UInt8(ascii: ",")) else {
        throw fail("expected ',' or ']' after an element, found \(found)")
      }
    }
  }

  private mutating func open(_ bracket: UInt8, expecting what: String) throws(TraceError) {
    guard peek == bracket else { throw fail("expected \(what), found \(found)") }
    guard depth < limits.maxDepth else {
      throw fail("nested deeper than \(limits.maxDepth) levels; a trace is not")
    }
    depth += 1
    position += 1
  }

  private mutating func close() { depth -= 1 }

  /// After the document: only blank space may follow.
  mutating func end() throws(TraceError) {
    skipWhitespace()
    guard position == bytes.count else {
      throw fail("unexpected \(found) after the end of the trace")
    }
  }

  // MARK: Scalars

  /// Consumes `null` if it comes next.
  mutating func null() -> Bool {
    guard bytes[position...].starts(with: Self.nullBytes) else { return false }
    position += 4
    return true
  }

  mutating func string() throws(TraceError) -> String {
    guard peek == UInt8(ascii: "\"") else { throw fail("expected a string, found \(found)") }
    let start = position
    position += 1
    let first = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: bytes[first..<position], as: UTF8.self)
        position += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { return try escapedString(from: first) }
      try checkStringByte(byte, length: position - first)
    }
    throw fail("the file ends inside the string that starts at byte \(start)")
  }

  /// The rest of a string that has escapes, decoded into `scratch`.
  private mutating func escapedString(from first: Int) throws(TraceError) -> String {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: bytes[first..<position])
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return String(decoding: scratch, as: UTF8.self)
      }
      guard byte == UInt8(ascii: "\\") else {
        let start = position
        try checkStringByte(byte, length: scratch.count)
        scratch.append(contentsOf: bytes[start..<position])
        continue
      }
      try unescape()
      guard scratch.count <= limits.maxStringBytes else { throw tooLong() }
    }
    throw fail("the file ends inside a string")
  }

  /// Checks the character at `position` (plain ASCII or a UTF-8 sequence) and steps over it.
  private mutating func checkStringByte(_ byte: UInt8, length: Int) throws(TraceError) {
    guard length < limits.maxStringBytes else { throw tooLong() }
    if byte >= 0x20 && byte < 0x80 {
      position += 1
    } else if byte < 0x20 {
      throw fail("a control character (\(Self.hex(byte))) inside a string must be escaped")
    } else {
      guard let length = UTF8Check.sequenceLength(in: bytes, at: position) else {
        throw fail("invalid UTF-8 (byte \(Self.hex(byte))); a trace is UTF-8 text")
      }
      position += length
    }
  }

  private func tooLong() -> TraceError {
    fail("a string longer than \(limits.maxStringBytes) bytes; no trace holds one")
  }

  /// One escape sequence, at `position`, appended to `scratch` as UTF-8.
  private mutating func unescape() throws(TraceError) {
    let start = position
    guard position + 1 < bytes.count else { throw fail("the file ends inside an escape sequence") }
    let letter = bytes[position + 1]
    position += 2
    switch letter {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
    case UInt8(ascii: "b"): scratch.append(0x08)
    case UInt8(ascii: "f"): scratch.append(0x0C)
    case UInt8(ascii: "n"): scratch.append(0x0A)
    case UInt8(ascii: "r"): scratch.append(0x0D)
    case UInt8(ascii: "t"): scratch.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try hexQuad(escapeStart: start)
      if (0xD800...0xDBFF).contains(scalar) {
        guard bytes[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
          throw fail(
            "\\u\(String(scalar, radix: 16)) is half of a surrogate pair, without its other half",
            at: start)
        }
        position += 2
        let low = try hexQuad(escapeStart: start)
        guard (0xDC00...0xDFFF).contains(low) else {
          throw fail(
            "\\u\(String(scalar, radix: 16)) is not followed by a low surrogate", at: start)
        }
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(scalar) {
        throw fail("\\u\(String(scalar, radix: 16)) is a lone low surrogate", at: start)
      }
      guard let unicode = Unicode.Scalar(scalar) else {
        throw fail("invalid \\u escape", at: start)
      }
      scratch.append(contentsOf: UTF8.encode(unicode).map(Array.init) ?? [])
    default:
      throw fail("unknown escape '\\\(Self.printable(letter))' in a string", at: start)
    }
  }

  private mutating func hexQuad(escapeStart: Int) throws(TraceError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw fail("the file ends inside a \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[position..<position + 4] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw fail("a \\u escape needs four hexadecimal digits", at: escapeStart)
      }
      value = value << 4 | UInt32(digit)
    }
    position += 4
    return value
  }

  /// A whole number within `range`.
  mutating func integer(_ range: ClosedRange<Int>) throws(TraceError) -> Int {
    let start = position
    let (negative, magnitude) = try number()
    let value: Int? =
      negative
      ? (magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil)
      : (magnitude <= UInt64(Int.max) ? Int(magnitude) : nil)
    guard let value, range.contains(value) else {
      let text = String(decoding: bytes[start..<position], as: UTF8.self)
      throw fail(
        "\(text) is out of range: expected \(range.lowerBound) to \(range.upperBound)", at: start)
    }
    return value
  }

  /// A whole number from 0 to 2^64 - 1.
  mutating func unsigned() throws(TraceError) -> UInt64 {
    let start = position
    let (negative, magnitude) = try number()
    guard !negative || magnitude == 0 else {
      throw fail("expected a number from 0 up, found a negative one", at: start)
    }
    return magnitude
  }

  /// Reads `-?digits`, refusing fractions, exponents, leading zeros and anything above 2^64 - 1.
  private mutating func number() throws(TraceError) -> (negative: Bool, magnitude: UInt64) {
    let start = position
    let negative = take(UInt8(ascii: "-"))
    guard let first = peek, Self.isDigit(first) else {
      throw fail(
        negative ? "expected a digit after '-'" : "expected a number, found \(found)",
        at: negative ? position : start)
    }
    var magnitude: UInt64 = 0
    while let byte = peek, Self.isDigit(byte) {
      let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
      guard !overflow1 && !overflow2 else {
        throw fail(
          "the number \(numberText(from: start)) is too large (at most \(UInt64.max))", at: start)
      }
      magnitude = sum
      position += 1
    }
    if first == UInt8(ascii: "0") && position - start > (negative ? 2 : 1) {
      throw fail("a number may not start with 0", at: start)
    }
    if let byte = peek,
      byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    {
      throw fail(
        "\(numberText(from: start)) is not a whole number; a trace holds only whole numbers",
        at: start)
    }
    return (negative, magnitude)
  }

  /// The number starting at `start`, shortened, for an error message.
  private func numberText(from start: Int) -> String {
    var end = start
    while end < bytes.count, end - start < 40,
      Self.isDigit(bytes[end])
        || [
          UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"),
          UInt8(ascii: "E"),
        ].contains(bytes[end])
    {
      end += 1
    }
    let text = String(decoding: bytes[start..<end], as: UTF8.self)
    return end - start == 40 ? text + "..." : text
  }

  // MARK: Bytes

  private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func take(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    position += 1
    return true
  }

  private mutating func skipWhitespace() {
    while let byte = peek,
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "\t")
    {
      position += 1
    }
  }

  /// What is at `position`, for "expected X, found Y".
  var found: String {
    guard let byte = peek else { return "the end of the file" }
    switch byte {
    case UInt8(ascii: "{"): return "an object"
    case UInt8(ascii: "["): return "an array"
    case UInt8(ascii: "\""): return "a string"
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return "true or false"
    case UInt8(ascii: "n"): return "null"
    default: return "'\(Self.printable(byte))'"
    }
  }

  private static let nullBytes: [UInt8] = Array("null".utf8)

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  static func printable(_ byte: UInt8) -> String {
    byte >= 0x21 && byte < 0x7F ? String(UnicodeScalar(byte)) : hex(byte)
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count == 1 ? "0" : "") + digits
  }

  /// `.events`, or `["odd key"]` for a key that is not a plain name.
  static func component(_ key: String) -> String {
    let plain =
      !key.isEmpty && key.utf8.count <= 40
      && key.utf8.allSatisfy {
        $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
          || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
      }
    if plain { return "." + key }
    let shown = key.unicodeScalars.prefix(40).map {
      $0.isASCII && $0.value >= 0x20 ? String($0) : "?"
    }.joined()
    return "[\"" + shown + (key.unicodeScalars.count > 40 ? "..." : "") + "\"]"
  }
}
