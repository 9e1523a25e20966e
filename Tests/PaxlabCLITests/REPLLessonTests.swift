import Foundation
import Testing

/// `lesson` typed in the REPL with piped input: it lists the lessons or plays one, reading the
/// replies from the same input, and the REPL goes on on the lesson's session. A mistake leaves
/// the session as it was; scripts refuse the command.
@Suite struct REPLLessonTests {
  /// A folder where `paxlab` finds the course in `./lessons`, as in the Paxos Lab folder.
  func classroom() throws -> Scratch {
    let scratch = try Scratch()
    try FileManager.default.createSymbolicLink(
      at: scratch.url.appendingPathComponent("lessons"),
      withDestinationURL: URL(fileURLWithPath: LessonCLITests.lessons))
    return scratch
  }

  func sessionFile(_ name: String, in scratch: Scratch) -> String {
    let url = scratch.url.appendingPathComponent(".paxlab/\(name).paxos")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }

  @Test func aLessonTakenInTheREPLLeavesItOnTheLessonsSession() throws {
    let scratch = try classroom()
    // Lesson 1: a pause (an experiment, then Enter), three questions and two more pauses; then
    // lines for the REPL, now on the lesson's cluster.
    let input = "cluster 5\nlesson 1\ncrash a1\n\nyes\n\nNo.\nno\n\nexpect chosen red\nhistory\n"
    let run = try Paxlab.run([], stdin: Data(input.utf8), in: scratch.url)
    #expect(run.status == 0, "\(run.output)")
    let lines = run.lines
    let start = try #require(lines.firstIndex(of: "> lesson 1"))
    #expect(lines[start + 1] == "Lesson: First consensus")
    #expect(lines.contains(LessonPrompts.pause + "crash a1"))
    #expect(lines.contains("You said \"yes\"; the answer is no."))
    #expect(lines.contains("Lesson 1 done; 'lesson' shows your progress."))
    #expect(lines.contains("The REPL is now on the lesson's cluster: session 'lesson-1'."))
    #expect(
      lines.contains(
        "Session 'default' is kept as it was; 'open default' goes back to it."))
    #expect(lines.contains("ok: chosen red"), "the lines after the lesson run on its cluster")
    #expect(sessionFile("default", in: scratch).hasSuffix("\ncluster 5\n"), "never journaled")
    #expect(sessionFile("lesson-1", in: scratch).contains("\npropose p1 red\n"))
    let progress = try String(
      contentsOf: scratch.url.appendingPathComponent(".paxlab/progress"), encoding: .utf8)
    #expect(progress == "lesson-01-first-consensus\n")

    let list = try Paxlab.run([], stdin: Data("lesson\n".utf8), in: scratch.url)
    #expect(list.lines.contains { $0.hasPrefix("   1 [x] First consensus: ") })
    #expect(list.lines.last?.hasSuffix("next: 'lesson 2'") == true, "\(list.output)")
  }

  /// On the lesson's own session, the lesson taken again goes on there: the session this
  /// process has open is not opened a second time (which its lock would refuse).
  @Test func aLessonTakenAgainOnItsSessionGoesOnThere() throws {
    let scratch = try classroom()
    let lesson = "lesson 1\n\nyes\n\nNo.\nno\n\n"
    let input = lesson + "crash a1\n" + lesson + "expect chosen red\n"
    let run = try Paxlab.run(
      ["--session", "lesson-1"], stdin: Data(input.utf8), in: scratch.url)
    #expect(run.status == 0, "\(run.output)")
    #expect(
      run.lines.filter { $0 == "The REPL is now on the lesson's cluster: session 'lesson-1'." }
        .count == 2, "\(run.output)")
    #expect(run.lines.contains("ok: chosen red"), "\(run.output)")
  }

  /// When another paxlab has the lesson's session, the student is told before the lesson, not
  /// after it.
  @Test func aLessonWhoseSessionIsOpenElsewhereIsNotStarted() throws {
    let scratch = try classroom()
    let holder = try PipedREPL(arguments: ["--session", "lesson-1"], in: scratch.url)
    try holder.send("cluster 3")
    try holder.waitFor(echoOf: "cluster 3")
    let run = try Paxlab.run([], stdin: Data("lesson 1\n\nyes\n".utf8), in: scratch.url)
    try holder.close()
    #expect(run.status == 2, "\(run.output)")
    #expect(
      run.lines.contains {
        $0.hasPrefix("error: session 'lesson-1' is open in another paxlab (pid \(holder.pid))")
      }, "\(run.output)")
    #expect(!run.lines.contains("Lesson: First consensus"), "\(run.output)")
  }

  /// A lesson that suggests 'reset' then 'load PATH' names a path that works at the paxlab
  /// prompt where the lesson ends: in the folder where paxlab found `lessons/`.
  @Test func theScriptsALessonSuggestsLoadWhereItEnds() throws {
    let scratch = try classroom()
    let root = URL(fileURLWithPath: LessonCLITests.lessons).deletingLastPathComponent()
    try FileManager.default.createSymbolicLink(
      at: scratch.url.appendingPathComponent("examples"),
      withDestinationURL: root.appendingPathComponent("examples"))
    let texts = try FileManager.default.contentsOfDirectory(atPath: LessonCLITests.lessons)
      .filter { $0.hasSuffix(".paxos") }
      .map { try String(contentsOfFile: LessonCLITests.lessons + "/" + $0, encoding: .utf8) }
    let prose = texts.joined(separator: "\n").replacing("\nsay ", with: " ")
    let suggested = prose.matches(of: /'reset' and then 'load ([^']+)'/).map { String($0.1) }
    #expect(!suggested.isEmpty, "lesson 9 suggests loading a duel")
    for path in suggested {
      // As at the end of a lesson: a cluster is already there.
      let input = "cluster 3 2 1\nreset\nload \(path)\nexpect safe\n"
      let run = try Paxlab.run([], stdin: Data(input.utf8), in: scratch.url)
      #expect(run.status == 0 && !run.output.contains("error"), "\(path): \(run.output)")
    }
  }

  @Test(arguments: [
    ("lesson 99", "error: no lesson '99' in 'lessons'"),
    ("lesson nosuch", "error: no lesson 'nosuch' in 'lessons'"),
    ("lesson 1 2", "error: unexpected '2' at column 10"),
  ])
  func aBadLessonIsAnErrorAndTheSessionStays(_ line: String, _ error: String) throws {
    let scratch = try classroom()
    let input = "cluster 3\n\(line)\nexpect inflight 0\nhistory\n"
    let run = try Paxlab.run(["--session", "mine"], stdin: Data(input.utf8), in: scratch.url)
    #expect(run.status == 2, "\(run.output)")
    let lines = run.lines
    let at = try #require(lines.firstIndex(of: "> " + line))
    #expect(lines[at + 1] == error)
    #expect(lines[at + 2].hasPrefix("hint: "))
    #expect(lines[at + 2].contains("'lesson 1'"), "the hint shows how to write it")
    #expect(lines.suffix(2) == ["> history", "  #1  cluster 3"], "still on the same session")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: scratch.url.path + "/.paxlab/lesson-1.paxos"))
  }

  @Test func withoutALessonsFolderTheREPLSaysWhereLessonsAreRead() throws {
    let run = try Paxlab.run([], stdin: Data("lesson\nlesson 1\n".utf8))
    #expect(run.status == 2)
    #expect(run.lines.filter { $0 == "error: no lessons (*.paxos) in 'lessons'" }.count == 2)
    #expect(run.lines.contains { $0.hasPrefix("hint: lessons are read from ./lessons") })
  }

  @Test func aScriptCannotTakeALesson() throws {
    let run = try Paxlab.run("cluster 3\nlesson 1\n")
    #expect(run.status == 2)
    #expect(
      run.lines.contains(
        "script.paxos:2: error: 'lesson' works only at the paxlab prompt, not in a script or a lesson"
      ), "\(run.output)")
  }
}
