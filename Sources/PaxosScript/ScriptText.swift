/// Turns a script's bytes into lines, the same way for files, sessions and loaded scripts.
public enum ScriptText {
  /// Lines split at LF (a CR before it is blank space to the lexer), without a leading
  /// byte-order mark; invalid UTF-8 becomes U+FFFD. Slices of one string: no copy per line.
  public static func lines(of bytes: [UInt8]) -> [Substring] {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let body = bytes.starts(with: bom) ? bytes.dropFirst(bom.count) : bytes[...]
    var text = String(decoding: body, as: UTF8.self)
    // Split by bytes, not Characters ("\r\n" is a single Character), nor scalars, which cost
    // more to walk: LF is ASCII, so every byte after one starts a scalar.
    text.makeContiguousUTF8()
    let ends =
      text.utf8.withContiguousStorageIfAvailable { bytes in
        bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
      } ?? []
    var lines: [Substring] = []
    lines.reserveCapacity(ends.count + 1)
    var start = 0
    for end in ends {
      lines.append(text[index(start, in: text)..<index(end, in: text)])
      start = end + 1
    }
    if start < text.utf8.count { lines.append(text[index(start, in: text)...]) }
    return lines
  }

  /// The index of byte `offset` of a contiguous string: found at once, not by walking.
  private static func index(_ offset: Int, in text: String) -> String.Index {
    text.utf8.index(text.utf8.startIndex, offsetBy: offset)
  }
}
