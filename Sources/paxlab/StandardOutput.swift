import Glibc

/// Buffered lines to stdout: one write per 64 KiB, not one per line, unless someone is watching.
final class StandardOutput {
  private var buffer: [UInt8] = []
  private let flushesEachLine: Bool

  init(flushesEachLine: Bool = false) {
    self.flushesEachLine = flushesEachLine
    buffer.reserveCapacity(1 << 16)
  }

  deinit { flush() }

  func line(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    buffer.append(UInt8(ascii: "\n"))
    if flushesEachLine || buffer.count >= 1 << 16 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { bytes in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        let written = write(STDOUT_FILENO, base + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { break }  // stdout closed: nothing more can be shown
        offset += written
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// Messages about the program itself, not the transcript: unbuffered, on stderr.
enum StandardError {
  static func line(_ line: String) { text(line + "\n") }

  /// Text as it is, without a newline: the progress line redraws itself with `\r`.
  static func text(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { raw in _ = raw.baseAddress.map { write(STDERR_FILENO, $0, raw.count) } }
  }
}
