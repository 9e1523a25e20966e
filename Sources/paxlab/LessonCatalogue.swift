import PaxosScript
import PaxosSession

/// The lessons of a folder, in the order of their file names, numbered by the `NN` of
/// `lesson-NN-name.paxos` (so a missing lesson leaves a gap rather than renumbering the rest),
/// or by their place when a name has no number.
struct LessonCatalogue {
  let folder: String
  let lessons: [Lesson]
  let numbers: [Int]

  init(folder: String) throws(FileSystem.Failure) {
    self.folder = folder
    var lessons: [Lesson] = []
    for name in Self.names(in: folder) {
      let bytes = try FileSystem.read(folder + "/" + name + ".paxos")
      lessons.append(Lesson(name: name, lines: ScriptText.lines(of: bytes).map(String.init)))
    }
    self.lessons = lessons
    numbers = lessons.enumerated().map { Self.number(of: $1.name, at: $0) }
  }

  /// What a student may type to name each lesson of `folder`, numbers first, then short
  /// names: read from the file names alone, so that Tab stays instant.
  static func keys(in folder: String) -> [String] {
    let names = Self.names(in: folder)
    let numbers = names.enumerated().map { String(number(of: $1, at: $0)) }
    return numbers + names.map(Lesson.shortName)
  }

  /// The lessons' file names without `.paxos`, sorted.
  private static func names(in folder: String) -> [String] {
    FileSystem.names(in: folder, endingWith: ".paxos").map { String($0.dropLast(".paxos".count)) }
  }

  /// The `NN` of `lesson-NN-name`, or the place in the folder when the name has none.
  private static func number(of name: String, at index: Int) -> Int {
    let parts = name.split(separator: "-", maxSplits: 2)
    guard parts.count == 3, parts[0] == "lesson", let number = Int(parts[1]) else {
      return index + 1
    }
    return number
  }

  /// The lesson numbered `N`, or named `NAME` (its file name, or without `lesson-NN-`).
  func find(_ key: String) -> (number: Int, lesson: Lesson)? {
    let lowered = key.lowercased()
    guard
      let index = Int(key).flatMap({ numbers.firstIndex(of: $0) })
        ?? lessons.firstIndex(where: { $0.name == lowered || $0.shortName == lowered })
    else { return nil }
    return (numbers[index], lessons[index])
  }

  func path(of lesson: Lesson) -> String { folder + "/" + lesson.name + ".paxos" }
}
