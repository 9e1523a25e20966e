import PaxosScript

/// What `paxlab lesson` prints: each lesson with its number, whether it is done, its title and
/// summary, then how far the student is and what to type next (`listCommand N`).
enum LessonList {
  static func lines(_ catalogue: LessonCatalogue, progress: LessonProgress, listCommand: String)
    -> [String]
  {
    let lessons = catalogue.lessons
    let width = String(catalogue.numbers.max() ?? 0).count
    var lines = ["Lessons in \(catalogue.folder)/:"]
    for (index, lesson) in lessons.enumerated() {
      let number = String(catalogue.numbers[index])
      let padded = String(repeating: " ", count: width - number.count) + number
      let mark = progress.finished.contains(lesson.name) ? "[x]" : "[ ]"
      lines.append("  \(padded) \(mark) \(lesson.title): \(lesson.summary)")
    }
    let done = lessons.filter { progress.finished.contains($0.name) }.count
    let next = lessons.firstIndex { !progress.finished.contains($0.name) }
    lines.append(
      "\(done) of \(lessons.count) done; "
        + (next.map { "next: '\(listCommand) \(catalogue.numbers[$0])'" }
          ?? "the course is complete")
    )
    return lines
  }
}
