import Glibc
import PaxosScript
import PaxosSession

/// Which lessons the student finished: one name a line in `.paxlab/progress`, replaced
/// atomically, so a crash mid-write leaves the old list, never half of one.
struct LessonProgress {
  let path: String
  private(set) var finished: Set<String>

  init(folder: String = SessionPlace.defaultFolder) {
    path = folder + "/progress"
    let bytes = (try? FileSystem.read(path)) ?? []
    finished = Set(ScriptText.lines(of: bytes).map(String.init).filter { !$0.isEmpty })
  }

  mutating func markFinished(_ name: String) throws(FileSystem.Failure) {
    guard finished.insert(name).inserted else { return }
    let folder = String(path.dropLast("/progress".count))
    if mkdir(folder, 0o755) != 0 && errno != EEXIST {
      throw FileSystem.Failure(path: folder, action: "create", code: errno)
    }
    let text = finished.sorted().map { $0 + "\n" }.joined()
    try FileSystem.replace(path, with: Array(text.utf8))
  }
}
