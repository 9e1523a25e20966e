/// Turns a script's bytes into lines, the same way for files, sessions and loaded scripts.
public enum ScriptText {
  /// Lines split at LF (a CR before it is blank space to the lexer), without a leading
  /// byte-order mark; invalid UTF-8 becomes U+FFFD. Slices of one string: no copy per line.
  public static func lines(of bytes: [UInt8]) -> [Substring] {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let body = bytes.starts(with: bom) ? bytes.dropFirst(bom.count) : bytes[...]
    let text = String(decoding: body, as: UTF8.self)
    // Split by bytes, not Characters ("\r\n" is a single Character), nor scalars, which cost
    // more to walk: LF is ASCII, so every byte after one starts a scalar.
    let utf8 = text.utf8
    var lines: [Substring] = []
    var start = utf8.startIndex
    var position = start
    while position != utf8.endIndex {
      if utf8[position] == UInt8(ascii: "\n") {
        lines.append(text[start..<position])
        start = utf8.index(after: position)
      }
      position = utf8.index(after: position)
    }
    if start != utf8.endIndex { lines.append(text[start...]) }
    return lines
  }
}
