import Glibc

/// The few file operations a session needs, each durable where it matters: data reaches the
/// disk (fsync) before a caller goes on, and a file is replaced only by renaming a complete copy.
public enum FileSystem {
  public struct Failure: Error, CustomStringConvertible {
    public let path: String
    public let action: String
    public let code: Int32

    public init(path: String, action: String, code: Int32) {
      self.path = path
      self.action = action
      self.code = code
    }

    public var description: String {
      "cannot \(action) '\(path)': \(String(cString: strerror(code)))"
    }
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  public static func createDirectory(_ path: String) throws(Failure) {
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
      throw Failure(path: path, action: "create the folder", code: errno)
    }
  }

  public static func read(_ path: String) throws(Failure) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw Failure(path: path, action: "open", code: errno) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, action: "read", code: errno)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<count])
    }
  }

  /// Writes `bytes` to a new file beside `path`, syncs it, renames it over `path` and syncs the
  /// folder: readers see the old file or the new one, never half of one.
  public static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
    let temporary = path + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw Failure(path: temporary, action: "create", code: errno) }
    do throws(Failure) {
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

  static func rename(_ path: String, to newPath: String) throws(Failure) {
    guard Glibc.rename(path, newPath) == 0 else {
      throw Failure(path: path, action: "rename", code: errno)
    }
    syncFolder(of: newPath)
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

  /// A new or renamed file survives a power cut only once its folder is synced too.
  static func syncFolder(of path: String) {
    let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
    let descriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
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
