import Glibc

/// Reads scripts as bytes, so that any file, even binary, becomes lines the parser can refuse.
enum SourceFile {
  static func read(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    return readAll(descriptor)
  }

  /// Standard input, a line at a time, so each command runs as soon as it is typed.
  static func standardInputLines() -> some Sequence<Substring> {
    AnySequence { AnyIterator { readLine().map { Substring($0) } } }
  }

  private static func readAll(_ descriptor: Int32) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  /// The text split into lines at LF (a CR before it is blank space to the lexer); a
  /// leading byte-order mark is dropped; invalid UTF-8 becomes U+FFFD.
  static func lines(_ bytes: [UInt8]) -> [Substring] {
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
