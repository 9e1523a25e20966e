/// Text that Markdown shows as written, in notes apps too.
///
/// CommonMark lets a backslash escape any ASCII punctuation, so every character that some
/// dialect gives a meaning gets one: emphasis and code (`* _ ~ \``), links (`[ ]`), HTML
/// (`< > &`), table cells (`|`), headings (`#`), maths in GitHub and Obsidian (`$`), Obsidian's
/// highlights and comments (`= %`), GitHub's emoji codes (`:`). Tabs and carriage returns, the
/// only control characters a value may hold, would break a table row; they show as ␉ and ␍.
enum MarkdownText {
  static func inline(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t": escaped += "␉"
      case "\r": escaped += "␍"
      case "\n": escaped += "␤"
      default:
        if special.contains(scalar) { escaped.unicodeScalars.append("\\") }
        escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }

  private static let special = Set("\\`*_~[]<>&|#$=%:!{}".unicodeScalars)

  /// A fence longer than any run of backticks in `text`, so that nothing inside closes it.
  static func fence(for text: String) -> String {
    var longest = 0
    var run = 0
    for byte in text.utf8 {
      run = byte == UInt8(ascii: "`") ? run + 1 : 0
      longest = max(longest, run)
    }
    return String(repeating: "`", count: max(3, longest + 1))
  }
}
