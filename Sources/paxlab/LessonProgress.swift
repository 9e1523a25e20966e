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
    try FileSystem.createDirectory(String(path.dropLast("/progress".count)))
    let text = finished.sorted().map { $0 + "\n" }.joined()
    try FileSystem.replace(path, with: Array(text.utf8))
  }
}
