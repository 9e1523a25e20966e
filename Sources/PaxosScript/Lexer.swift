/// One word of a command line.
struct Token: Hashable, Sendable {
  enum Kind: Hashable, Sendable {
    case word
    /// A double-quoted string: always a value, never a keyword.
    case quoted
    /// `|`, separating the sides of a partition.
    case bar
  }

  var kind: Kind
  var text: String
  /// Where the token starts in the line's UTF-8, for error messages.
  var offset: Int
}

/// Splits a line into tokens. `#` starts a comment unless a digit follows it: `#7` is message 7.
///
/// Works on UTF-8 bytes: every byte that means something to the language is ASCII, so a
/// non-ASCII byte is always part of a word or a value. Lexing is on the hot path of every line.
struct Lexer {
  static let maxValueLength = 1000

  static func tokens(_ line: String) throws(ScriptError) -> [Token] {
    var line = line
    let result = line.withUTF8 { bytes in
      Result { () throws(ScriptError) in
        try Lexer(bytes: bytes).tokens()
      }
    }
    return try result.get()
  }

  private let bytes: UnsafeBufferPointer<UInt8>

  /// The 1-based column, in Unicode scalars, of the byte at `offset` in `line`.
  static func column(of offset: Int, in line: String) -> Int {
    1 + line.utf8.prefix(offset).reduce(0) { $0 + (isContinuation($1) ? 0 : 1) }
  }

  /// Columns are only needed for errors: counted then, not for every token.
  private func column(_ offset: Int) -> Int {
    1 + bytes[..<offset].reduce(0) { $0 + (Self.isContinuation($1) ? 0 : 1) }
  }

  private func tokens() throws(ScriptError) -> [Token] {
    var tokens: [Token] = []
    tokens.reserveCapacity(4)  // most lines have up to four words: one allocation, no regrowth
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        index += 1
      case UInt8(ascii: "#"):
        guard index + 1 < bytes.count, Self.isDigit(bytes[index + 1]) else { return tokens }
        let end = wordEnd(from: index + 1)
        tokens.append(Token(kind: .word, text: text(index + 1, end), offset: index))
        index = end
      case UInt8(ascii: "|"):
        tokens.append(Token(kind: .bar, text: "|", offset: index))
        index += 1
      case UInt8(ascii: "\""):
        let (value, end) = try quoted(from: index)
        tokens.append(Token(kind: .quoted, text: value, offset: index))
        index = end
      default:
        if let control = controlCharacter(at: index) {
          throw ScriptError(
            "unexpected control character U+\(Self.hex4(control))"
              + " at column \(column(index))",
            hint: "a command is plain text: words, numbers and double-quoted values")
        }
        let end = wordEnd(from: index)
        tokens.append(Token(kind: .word, text: text(index, end), offset: index))
        index = end
      }
    }
    return tokens
  }

  private func wordEnd(from start: Int) -> Int {
    var end = start
    while end < bytes.count {
      let byte = bytes[end]
      // Printable ASCII other than the quote and the bar: by far the most common case.
      if byte > UInt8(ascii: "\""), byte < 0x7F, byte != UInt8(ascii: "|") {
        end += 1
        continue
      }
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "|"),
        UInt8(ascii: "\""):
        return end
      default:
        if controlCharacter(at: end) != nil { return end }
        end += 1
      }
    }
    return end
  }

  /// The value of a double-quoted string starting at `start`, and the index after its end.
  private func quoted(from start: Int) throws(ScriptError) -> (String, Int) {
    var value: [UInt8] = []
    var index = start + 1
    var length = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") { return (String(decoding: value, as: UTF8.self), index + 1) }
      if byte == UInt8(ascii: "\\") {
        guard index + 1 < bytes.count,
          bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\")
        else {
          throw ScriptError(
            "unknown escape in the value at column \(column(start))",
            hint: "inside a quoted value, write \\\" for a quote and \\\\ for a backslash")
        }
        index += 1
      } else if controlCharacter(at: index) != nil {
        throw ScriptError("a value may not contain control characters (column \(column(index)))")
      }
      value.append(bytes[index])
      if !Self.isContinuation(bytes[index]) { length += 1 }
      guard length <= Self.maxValueLength else {
        throw ScriptError(
          "the value at column \(column(start)) is longer than \(Self.maxValueLength) characters")
      }
      index += 1
    }
    throw ScriptError(
      "unterminated string starting at column \(column(start))", hint: "close the value with a \"")
  }

  /// The code point of a C0 or C1 control character (other than tab and CR) at `index`.
  private func controlCharacter(at index: Int) -> UInt32? {
    let byte = bytes[index]
    if byte < 0x20 && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") || byte == 0x7F {
      return UInt32(byte)
    }
    // U+0080...U+009F are encoded as C2 80...C2 9F.
    if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
      return UInt32(bytes[index + 1])
    }
    return nil
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// `0000`, `000A`: code points as Unicode writes them.
  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
