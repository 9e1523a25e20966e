import Glibc
import PaxosSession

/// Creating the folder an export goes to.
enum Folder {
  /// Creates `path` and any missing folder above it, like `mkdir -p`.
  static func create(_ path: String) throws(FileSystem.Failure) {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
        throw FileSystem.Failure(path: prefix, action: "create the folder", code: errno)
      }
      prefix += "/"
    }
  }
}
