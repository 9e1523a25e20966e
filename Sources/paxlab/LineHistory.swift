import CReadline
import Glibc
import Synchronization

/// The file readline's one history was last read from. A lesson taken from the REPL reads its
/// own; the REPL reads its own back before its next line.
private let loadedFile = Mutex<String?>(nil)

/// The lines typed at the prompt, kept in a file beside the session so that Up and Ctrl-R
/// reach lines from earlier visits. The file is capped, so it never grows without bound.
struct LineHistory {
  static let limit: Int32 = 1000

  let file: String
  private var last: String?
  private var appendedSinceTrim = 0

  init(file: String) {
    self.file = file
    using_history()
    stifle_history(Self.limit)
    // append_history only appends to a file that exists.
    let descriptor = open(file, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    if descriptor >= 0 { Glibc.close(descriptor) }
    load()
    trim()
  }

  /// Makes readline's history this file's lines, unless it holds them already.
  mutating func load() {
    guard loadedFile.withLock({ $0 }) != file else { return }
    clear_history()
    _ = read_history(file)
    loadedFile.withLock { $0 = file }
    last = nil
  }

  /// Keeps a line typed at the prompt, in memory and at the end of the file, unless it is
  /// blank or the same as the one before.
  mutating func add(_ line: String) {
    guard line.contains(where: { $0 != " " && $0 != "\t" }), line != last else { return }
    last = line
    add_history(line)
    _ = append_history(1, file)
    appendedSinceTrim += 1
    if appendedSinceTrim >= 100 { trim() }
  }

  mutating func trim() {
    _ = history_truncate_file(file, Self.limit)
    appendedSinceTrim = 0
  }
}
