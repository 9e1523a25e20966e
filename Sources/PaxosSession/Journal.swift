import Glibc

/// The session file, open for appending: each line reaches the disk before `append` returns.
final class Journal {
  let path: String
  private let descriptor: Int32

  /// Opens an existing session file, or creates one holding only the header.
  init(path: String) throws(FileSystem.Failure) {
    let isNew = !FileSystem.exists(path)
    if isNew { try FileSystem.replace(path, with: Array(SessionFormat.header.utf8)) }
    descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw FileSystem.Failure(path: path, action: "open for writing", code: errno)
    }
    self.path = path
  }

  deinit { close(descriptor) }

  /// One line in one write, then fsync: a crash leaves the line whole, or torn at the end of
  /// the file where opening the session finds and drops it.
  func append(_ line: String) throws(FileSystem.Failure) {
    try FileSystem.writeAll(descriptor, Array((line + "\n").utf8), path: path)
    guard fsync(descriptor) == 0 else {
      throw FileSystem.Failure(path: path, action: "sync", code: errno)
    }
  }
}
