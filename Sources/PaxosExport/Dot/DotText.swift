/// Text inside a Graphviz double-quoted string, shown as written.
///
/// In a quoted string `"` ends the string and `\` starts an escape (`\n`, `\N`, `\G` are
/// Graphviz's own); labels also decode HTML entities, so a value holding `&amp;` would shrink
/// to `&`. The three are escaped. A value may hold a tab or a carriage return (the only control
/// characters the language allows); they are shown as the symbols ␉ and ␍ instead.
enum DotText {
  static func append(_ text: String, to buffer: inout TextBuffer) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": buffer.append("\\\"" as StaticString)
      case "\\": buffer.append("\\\\" as StaticString)
      case "&": buffer.append("&amp;" as StaticString)
      case "\t": buffer.append("␉" as StaticString)
      case "\r": buffer.append("␍" as StaticString)
      case "\n": buffer.append("␤" as StaticString)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          buffer.append("�" as StaticString)
        } else {
          var utf8 = scalar.utf8.makeIterator()
          while let byte = utf8.next() { buffer.append(byte) }
        }
      }
    }
  }
}
