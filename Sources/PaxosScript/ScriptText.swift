/// Turns a script's bytes into lines, the same way for files, sessions and loaded scripts.
public enum ScriptText {
  /// Lines split at LF (a CR before it is blank space to the lexer), without a leading
  /// byte-order mark; invalid UTF-8 becomes U+FFFD. Slices of one string: no copy per line.
  public static func lines(of bytes: [UInt8]) -> [Substring] {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let body = bytes.starts(with: bom) ? bytes.dropFirst(bom.count) : bytes[...]
    let text = String(decoding: body, as: UTF8.self)
    // Split by scalars, not Characters: "\r\n" is a single Character.
    var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
      .map(Substring.init)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }
}
