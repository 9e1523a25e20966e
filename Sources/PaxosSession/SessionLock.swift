import Glibc

/// Keeps a second paxlab out of a session one has open, so that two never mix their commands in
/// one file: an advisory lock (flock) on `NAME.lock` beside the session file, which the session
/// file's own replacements cannot drop, held while the session is open and released by the
/// system however the process ends. The file holds the holder's pid, to say who has it.
final class SessionLock {
  private var descriptor: Int32

  /// Takes the lock at once or throws `inUse`: opening a session never waits.
  init(_ place: SessionPlace) throws(SessionError) {
    let path = place.lockFile
    let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .fileSystem(FileSystem.Failure(path: path, action: "open", code: errno).description)
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let code = errno
      let holder = Self.pid(in: descriptor)
      close(descriptor)
      guard code == EWOULDBLOCK else {
        throw .fileSystem(FileSystem.Failure(path: path, action: "lock", code: code).description)
      }
      throw .inUse(name: place.name, file: place.file, pid: holder)
    }
    let pid = Array("\(getpid())\n".utf8)
    ftruncate(descriptor, 0)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    self.descriptor = descriptor
  }

  deinit { release() }

  /// Lets another process open the session.
  func release() {
    guard descriptor >= 0 else { return }
    close(descriptor)
    descriptor = -1
  }

  /// Whether a process has the session whose file is `file` open, and which (once it has
  /// written its pid): a file that must not be replaced under it.
  static func holder(ofSessionFile file: String) -> Int32?? {
    guard file.hasSuffix(SessionFormat.fileExtension) else { return nil }
    let path = file.dropLast(SessionFormat.fileExtension.count) + ".lock"
    let descriptor = open(String(path), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    // A shared lock, let go at once: it only asks whether an exclusive one is held.
    guard flock(descriptor, LOCK_SH | LOCK_NB) != 0, errno == EWOULDBLOCK else { return nil }
    return .some(pid(in: descriptor))
  }

  /// The pid the holder wrote, if it has yet.
  private static func pid(in descriptor: Int32) -> Int32? {
    var bytes = [UInt8](repeating: 0, count: 16)
    let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
    guard count > 0 else { return nil }
    return Int32(String(decoding: bytes[..<count], as: UTF8.self).prefix { $0.isNumber })
  }
}
