import Glibc

/// The few file operations a session needs, each durable where it matters: data reaches the
/// disk (fsync) before a caller goes on, and a file is replaced only by renaming a complete copy.
public enum FileSystem {
  public struct Failure: Error, CustomStringConvertible {
    public let path: String
    public let action: String
    public let reason: String

    public init(path: String, action: String, code: Int32) {
      self.init(path: path, action: action, reason: String(cString: strerror(code)))
    }

    public init(path: String, action: String, reason: String) {
      self.path = path
      self.action = action
      self.reason = reason
    }

    public var description: String { "cannot \(action) '\(path)': \(reason)" }
  }

  /// The most bytes paxlab reads from one file (a session, a script, a trace): far more than
  /// any real session, and a stop for a file that never ends.
  public static let maxReadBytes = 1 << 30
  static let maxReadText = "1 GiB"

  public static func createDirectory(_ path: String) throws(Failure) {
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
      throw Failure(path: path, action: "create the folder", code: errno)
    }
  }

  /// What is at `path` (a symbolic link itself unless `followingLinks`); nil when nothing is.
  public static func status(of path: String, followingLinks: Bool) throws(Failure) -> FileStatus? {
    var info = stat()
    guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else {
      if errno == ENOENT { return nil }
      throw Failure(path: path, action: "look at", code: errno)
    }
    return FileStatus(info)
  }

  /// Where the symbolic link at `path` points, as it is written there.
  static func destination(of path: String) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
    let count = readlink(path, &buffer, buffer.count)
    guard count > 0 else { return "" }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The whole file, which must be a regular file of at most `maxReadBytes`: a FIFO or a
  /// device is refused before it is opened, so that reading never blocks or runs forever.
  public static func read(_ path: String) throws(Failure) -> [UInt8] {
    guard let status = try status(of: path, followingLinks: true) else {
      throw Failure(path: path, action: "open", code: ENOENT)
    }
    guard status.kind == .regular else {
      throw Failure(path: path, action: "read", reason: "it is \(status.kind), not a regular file")
    }
    let tooLarge = Failure(
      path: path, action: "read",
      reason: "it is larger than \(maxReadText), the most paxlab reads from one file")
    guard status.size <= maxReadBytes else { throw tooLarge }
    // The size again as read: a file may grow while it is read.
    let bytes = try read(path, atMost: maxReadBytes + 1)
    guard bytes.count <= maxReadBytes else { throw tooLarge }
    return bytes
  }

  /// The first `count` bytes of a regular file, or all of it when it is shorter.
  public static func prefix(of path: String, count: Int) throws(Failure) -> [UInt8] {
    try read(path, atMost: count)
  }

  private static func read(_ path: String, atMost limit: Int) throws(Failure) -> [UInt8] {
    // Non-blocking: should the file have become a FIFO since it was looked at, no wait.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(path: path, action: "open", code: errno) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: min(1 << 16, limit))
    while bytes.count < limit {
      let wanted = min(chunk.count, limit - bytes.count)
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, action: "read", code: errno)
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[..<count])
    }
    return bytes
  }

  /// Writes `bytes` to a new file beside `path`, syncs it, renames it over `path` and syncs the
  /// folder: readers see the old file or the new one, never half of one.
  public static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
    // A name no file has (mkstemp creates it exclusively): nothing of the user's is truncated.
    var template = Array((path + ".tmp-XXXXXX").utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else {
      let code = errno
      guard code == ENOENT || code == ENOTDIR else {
        throw Failure(path: path, action: "write", code: code)
      }
      throw Failure(
        path: path, action: "write", reason: "there is no folder '\(folder(of: path))/'")
    }
    let temporary = String(
      decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do throws(Failure) {
      fchmod(descriptor, 0o644)
      try writeAll(descriptor, bytes, path: temporary)
      guard fsync(descriptor) == 0 else {
        throw Failure(path: temporary, action: "sync", code: errno)
      }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard Glibc.rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw Failure(path: path, action: "replace", code: code)
    }
    syncFolder(of: path)
  }

  public static func remove(_ path: String) throws(Failure) {
    guard unlink(path) == 0 else { throw Failure(path: path, action: "remove", code: errno) }
    syncFolder(of: path)
  }

  /// Gives the file at `path` (a symbolic link itself, not what it points to) the second name
  /// `newPath`; false when `newPath` is taken.
  static func link(_ path: String, as newPath: String) throws(Failure) -> Bool {
    guard Glibc.link(path, newPath) == 0 else {
      if errno == EEXIST { return false }
      throw Failure(path: path, action: "keep a copy of", code: errno)
    }
    syncFolder(of: newPath)
    return true
  }

  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        raw.baseAddress.map { write(descriptor, $0 + offset, raw.count - offset) } ?? 0
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, action: "write", code: errno)
      }
      offset += written
    }
  }

  /// The folder `path` is in, as written: `x` for `x/run.json`, `.` for `run.json`.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// A new or renamed file survives a power cut only once its folder is synced too.
  static func syncFolder(of path: String) {
    let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// The names in a folder ending with `suffix`, sorted.
  public static func names(in folder: String, endingWith suffix: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasSuffix(suffix) { names.append(name) }
    }
    return names.sorted()
  }
}

/// A file as the system knows it: its kind, and which file it is whatever path names it.
public struct FileStatus: Sendable {
  public enum Kind: Sendable, CustomStringConvertible {
    case regular, directory, symbolicLink, fifo, device, socket

    public var description: String {
      switch self {
      case .regular: "a regular file"
      case .directory: "a folder"
      case .symbolicLink: "a symbolic link"
      case .fifo: "a FIFO (named pipe)"
      case .device: "a device"
      case .socket: "a socket"
      }
    }
  }

  public let kind: Kind
  /// In bytes, as the system last knew it.
  public let size: Int
  let device: UInt64
  let inode: UInt64

  init(_ info: stat) {
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symbolicLink
    case S_IFIFO: kind = .fifo
    case S_IFSOCK: kind = .socket
    default: kind = .device
    }
    size = Int(info.st_size)
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }

  /// Whether both name one file: two paths to it, or hard links.
  public func isSameFile(as other: FileStatus) -> Bool {
    device == other.device && inode == other.inode
  }
}
