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
  /// 1-based, in characters, for error messages.
  var column: Int
}

/// Splits a line into tokens. `#` starts a comment unless a digit follows it: `#7` is message 7.
enum Lexer {
  static let maxValueLength = 1000

  static func tokens(_ line: String) throws(ScriptError) -> [Token] {
    var tokens: [Token] = []
    var characters = line.unicodeScalars[...]
    var column = 1
    while let first = characters.first {
      let start = column
      if first == " " || first == "\t" || first == "\r" {
        characters.removeFirst()
        column += 1
      } else if first == "#" {
        characters.removeFirst()
        column += 1
        guard let next = characters.first, ("0"..."9").contains(next) else { break }
        let word = takeWord(&characters, &column)
        tokens.append(Token(kind: .word, text: word, column: start))
      } else if first == "|" {
        characters.removeFirst()
        column += 1
        tokens.append(Token(kind: .bar, text: "|", column: start))
      } else if first == "\"" {
        characters.removeFirst()
        column += 1
        let text = try takeQuoted(&characters, &column, start: start)
        tokens.append(Token(kind: .quoted, text: text, column: start))
      } else if first.properties.generalCategory == .control {
        throw ScriptError(
          "unexpected control character U+\(String(first.value, radix: 16, uppercase: true))"
            + " at column \(start)",
          hint: "a command is plain text: words, numbers and double-quoted values")
      } else {
        tokens.append(Token(kind: .word, text: takeWord(&characters, &column), column: start))
      }
    }
    return tokens
  }

  private static func takeWord(_ characters: inout Substring.UnicodeScalarView, _ column: inout Int)
    -> String
  {
    var word = String.UnicodeScalarView()
    while let next = characters.first, !" \t\r|\"".unicodeScalars.contains(next),
      next.properties.generalCategory != .control
    {
      word.append(next)
      characters.removeFirst()
      column += 1
    }
    return String(word)
  }

  private static func takeQuoted(
    _ characters: inout Substring.UnicodeScalarView, _ column: inout Int, start: Int
  ) throws(ScriptError) -> String {
    var text = String.UnicodeScalarView()
    var length = 0
    while let next = characters.popFirst() {
      column += 1
      switch next {
      case "\"":
        return String(text)
      case "\\":
        guard let escaped = characters.popFirst(), escaped == "\"" || escaped == "\\" else {
          throw ScriptError(
            "unknown escape in the string at column \(start)",
            hint: "inside a quoted value, write \\\" for a quote and \\\\ for a backslash")
        }
        column += 1
        text.append(escaped)
      default:
        guard next.properties.generalCategory != .control else {
          throw ScriptError("a value may not contain control characters (column \(column - 1))")
        }
        text.append(next)
      }
      length += 1
      guard length <= maxValueLength else {
        throw ScriptError("the value at column \(start) is longer than \(maxValueLength) characters")
      }
    }
    throw ScriptError(
      "unterminated string starting at column \(start)", hint: "close the value with a \"")
  }
}
