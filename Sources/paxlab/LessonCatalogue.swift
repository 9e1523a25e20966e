import PaxosScript
import PaxosSession

/// The lessons of a folder, numbered 1, 2, ... in the order of their file names.
struct LessonCatalogue {
  let folder: String
  let lessons: [Lesson]

  init(folder: String) throws(FileSystem.Failure) {
    self.folder = folder
    var lessons: [Lesson] = []
    for file in FileSystem.names(in: folder, endingWith: ".paxos") {
      let bytes = try FileSystem.read(folder + "/" + file)
      lessons.append(
        Lesson(
          name: String(file.dropLast(".paxos".count)),
          lines: ScriptText.lines(of: bytes).map(String.init)))
    }
    self.lessons = lessons
  }

  /// The lesson `N` (1-based) or `NAME` (its file name, or that name without `lesson-NN-`).
  func find(_ key: String) -> (number: Int, lesson: Lesson)? {
    if let number = Int(key), lessons.indices.contains(number - 1) {
      return (number, lessons[number - 1])
    }
    let lowered = key.lowercased()
    guard let index = lessons.firstIndex(where: { $0.name == lowered || $0.shortName == lowered })
    else { return nil }
    return (index + 1, lessons[index])
  }

  func path(of lesson: Lesson) -> String { folder + "/" + lesson.name + ".paxos" }
}
