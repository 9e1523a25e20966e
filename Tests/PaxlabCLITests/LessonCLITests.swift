import Foundation
import Testing

/// `paxlab lesson`: the list with progress, a lesson straight through, and one answered from a
/// pipe, each in a fresh folder so that progress starts empty.
@Suite struct LessonCLITests {
  static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons").path

  @Test func theListShowsEachLessonAndTheProgress() throws {
    let scratch = try Scratch()
    let before = try Paxlab.run(["lesson", "--lessons", Self.lessons], in: scratch.url)
    #expect(before.status == 0, "\(before.output)")
    #expect(before.lines.contains { $0.hasPrefix("   1 [ ] First consensus: ") })
    #expect(before.lines.contains { $0.hasPrefix("   2 [ ] Majorities: ") })
    #expect(before.lines.contains { $0.hasPrefix("   3 [ ] Split votes: ") })
    #expect(before.lines.contains { $0.hasPrefix("   4 [ ] Competing proposers: ") })
    #expect(before.lines.contains { $0.hasPrefix("   5 [ ] Objections: ") })
    #expect(before.lines.contains { $0.hasPrefix("   6 [ ] Proposer crash: ") })
    let count = try FileManager.default.contentsOfDirectory(atPath: Self.lessons)
      .filter { $0.hasPrefix("lesson-") && $0.hasSuffix(".paxos") }.count
    #expect(count >= 6)
    #expect(before.lines.last == "0 of \(count) done; next: 'paxlab lesson 1'")

    let run = try Paxlab.run(
      ["lesson", "first-consensus", "--no-pause", "--lessons", Self.lessons], in: scratch.url)
    #expect(run.status == 0, "\(run.output)")
    let progress = try String(
      contentsOf: scratch.url.appendingPathComponent(".paxlab/progress"), encoding: .utf8)
    #expect(progress == "lesson-01-first-consensus\n")

    let after = try Paxlab.run(["lesson", "--lessons", Self.lessons], in: scratch.url)
    #expect(after.lines.contains { $0.hasPrefix("   1 [x] First consensus: ") })
    #expect(after.lines.last == "1 of \(count) done; next: 'paxlab lesson 2'")
  }

  @Test func lessonOneRunsStraightThroughWithNoPause() throws {
    let run = try Paxlab.run(["lesson", "1", "--no-pause", "--lessons", Self.lessons])
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.first == "Lesson: First consensus")
    // The reveal names the answer; nothing else states it again.
    #expect(run.lines.contains { $0.hasPrefix("No. ") })
    #expect(!run.stdout.contains("The answer: "))
    #expect(!run.stdout.contains(LessonPrompts.pause))
    #expect(
      run.lines.suffix(2) == [
        "End of the lesson: First consensus.",
        "Lesson 1 done; 'paxlab lesson' shows your progress.",
      ])
  }

  @Test func answersFromAPipeAreJudgedAndEchoed() throws {
    // Lesson 1: a pause (an experiment, then Enter), a wrong answer, a pause, a right answer.
    let input = "crash a1 a2 a3\n\nyes\n\nNo.\n"
    let run = try Paxlab.run(
      ["lesson", "1", "--lessons", Self.lessons], stdin: Data(input.utf8))
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.contains(LessonPrompts.pause + "crash a1 a2 a3"))
    #expect(run.lines.contains("(the cluster is back where the lesson left it)"))
    #expect(run.lines.contains(LessonPrompts.answer + "yes"))
    #expect(run.lines.contains("You said \"yes\"; the answer is no."))
    #expect(run.lines.contains("You said \"No.\": right, no."))
    // The input ran out: the last question and pauses go on without an answer.
    #expect(run.lines.contains("The answer: no."))
    #expect(run.lines.last == "Lesson 1 done; 'paxlab lesson' shows your progress.")
  }

  @Test func anUnknownLessonIsAUsageError() throws {
    let run = try Paxlab.run(["lesson", "nine-hundred", "--lessons", Self.lessons])
    #expect(run.status == 2)
    #expect(run.stderr.contains("no lesson 'nine-hundred'"))
  }
}

/// The player's prompts, as the CLI prints them (PaxosScript is not a dependency here).
enum LessonPrompts {
  static let pause = "[Enter: go on; or type a command to try it] "
  static let answer = "your answer> "
}
