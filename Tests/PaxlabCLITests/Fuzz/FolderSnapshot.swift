import Foundation

/// Every entry under a folder and what it holds, to tell which files a run created, changed or
/// removed.
struct FolderSnapshot: Equatable {
  /// Relative path -> contents (a symlink's target, prefixed, for links; "<dir>" for folders).
  private(set) var entries: [String: Data] = [:]

  init(_ folder: URL) {
    let manager = FileManager.default
    guard let walker = manager.enumerator(atPath: folder.path) else { return }
    while let path = walker.nextObject() as? String {
      let full = folder.appendingPathComponent(path).path
      if let target = try? manager.destinationOfSymbolicLink(atPath: full) {
        entries[path] = Data(("<link> " + target).utf8)
      } else if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
        entries[path] = Data("<dir>".utf8)
      } else {
        entries[path] = manager.contents(atPath: full) ?? Data("<unreadable>".utf8)
      }
    }
  }

  /// The paths whose entry differs between the two snapshots, sorted.
  func changes(to later: FolderSnapshot) -> [String] {
    Set(entries.keys).union(later.entries.keys).filter { entries[$0] != later.entries[$0] }.sorted()
  }

  /// Whether some file here holds exactly these bytes.
  func holds(_ bytes: Data) -> Bool { entries.values.contains(bytes) }
}
