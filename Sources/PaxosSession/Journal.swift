import Glibc

/// The session file, open for appending: each line reaches the disk before `append` returns.
final class Journal {
  let path: String
  private let descriptor: Int32
  /// The file this journal writes to, whatever happens to its name.
  private let file: FileStatus
  /// The file's last line has no newline yet (an editor left it so): the next line starts one.
  private var endsMidLine: Bool

  /// Opens an existing session file, or creates one holding only the header.
  init(path: String) throws(FileSystem.Failure) {
    if try FileSystem.status(of: path, followingLinks: false) == nil {
      try FileSystem.replace(path, with: Array(SessionFormat.header.utf8))
    }
    descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw FileSystem.Failure(path: path, action: "open for writing", code: errno)
    }
    var info = stat()
    fstat(descriptor, &info)
    file = FileStatus(info)
    var last: UInt8 = 0
    endsMidLine =
      info.st_size > 0 && pread(descriptor, &last, 1, info.st_size - 1) == 1
      && last != UInt8(ascii: "\n")
    self.path = path
  }

  deinit { close(descriptor) }

  /// The lines in one write, then fsync: a crash leaves them whole, or the last one written
  /// torn at the end of the file where opening the session finds it. Refused when the file at
  /// `path` is no longer this journal's (moved, removed or replaced by another program): what it
  /// was told would be written where nobody reads.
  func append(_ lines: [String]) throws(FileSystem.Failure) {
    guard let now = try FileSystem.status(of: path, followingLinks: true), now.isSameFile(as: file)
    else {
      throw FileSystem.Failure(
        path: path, action: "save to",
        reason: "it was moved, removed or replaced since this session opened it")
    }
    try FileSystem.writeAll(
      descriptor, Array(((endsMidLine ? "\n" : "") + lines.map { $0 + "\n" }.joined()).utf8),
      path: path)
    guard fsync(descriptor) == 0 else {
      throw FileSystem.Failure(path: path, action: "sync", code: errno)
    }
    endsMidLine = false
  }
}
