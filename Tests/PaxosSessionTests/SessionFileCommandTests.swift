import Foundation
import PaxosScript
import PaxosSession
import Testing

/// `save` and `load`: sessions become scripts and scripts become sessions.
@Suite struct SessionFileCommandTests {
  @Test func saveWritesAScriptThatRebuildsTheCluster() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    session.run([
      "cluster 3 2 1", "bookmark start", "propose p1 red", "deliver all", "undo",
      "propose p2 \"dark blue\"",
      "run seed=5",
    ])
    let path = temporary.folder.path + "/saved.paxos"
    #expect(session.execute("save \(path)").succeeded)
    var runner = ScriptRunner(quiet: true) { _ in }
    let bytes = [UInt8](temporary.fileBytes(path))
    #expect(runner.run(name: path, lines: ScriptText.lines(of: bytes)) == .passed)
    #expect(runner.interpreter.cluster == session.interpreter.cluster)
    #expect(String(decoding: bytes, as: UTF8.self).contains("bookmark start\npropose p1 red\n"))
  }

  @Test func saveNeverOverwritesAFileThatIsNotAScript() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    let path = temporary.folder.path + "/notes.txt"
    try Data("precious notes\n".utf8).write(to: URL(fileURLWithPath: path))
    session.run(["cluster 3"])
    #expect(!session.execute("save \(path)").succeeded)
    #expect(temporary.fileBytes(path) == Data("precious notes\n".utf8))
  }

  @Test func loadRunsAScriptHereAndSavesItsCommands() throws {
    let temporary = try TemporaryPlace()
    let path = temporary.folder.path + "/lesson.paxos"
    try Data("cluster 3\npropose p1 red\ndeliver all\nexpect chosen red\n".utf8)
      .write(to: URL(fileURLWithPath: path))
    let session = try Session(opening: temporary.place)
    #expect(session.execute("load \(path)").succeeded)
    #expect(temporary.fileText == header + "cluster 3\npropose p1 red\ndeliver all\n")
    #expect(session.interpreter.cluster.choices.value != nil)
  }

  @Test func loadStopsAtTheFirstBadLineAndNamesIt() throws {
    let temporary = try TemporaryPlace()
    let path = temporary.folder.path + "/broken.paxos"
    try Data("cluster 3\nfrobnicate\npropose p1 red\n".utf8).write(to: URL(fileURLWithPath: path))
    try temporary.inSession { session in
      let result = session.execute("load \(path)")
      guard case .error(let error) = result.outcome else {
        Issue.record("a bad line stops the load")
        return
      }
      #expect(error.message.hasPrefix("\(path):2: unknown command 'frobnicate'"))
      #expect(error.message.hasSuffix("(the command before it was taken back)"))
      #expect(session.interpreter.cluster.isEmpty, "a failed load leaves the cluster as it was")
    }
    let reopened = try Session(opening: temporary.place)
    #expect(reopened.interpreter.cluster.isEmpty)
  }

  @Test func lessonAndOpenAreHandedToTheREPLAndNeverSaved() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    session.run(["cluster 3"])
    for (line, command) in [
      ("lesson 2", Command.lesson("2")), ("lesson", .lesson(nil)), ("open other", .open("other")),
    ] {
      guard case .forREPL(let handed) = session.execute(line).outcome else {
        Issue.record("'\(line)' is for the REPL to carry out")
        continue
      }
      #expect(handed == command)
    }
    #expect(temporary.fileText == header + "cluster 3\n")
  }

  @Test func aLoadedScriptCannotTakeALesson() throws {
    let temporary = try TemporaryPlace()
    let path = temporary.folder.path + "/takes.paxos"
    try Data("cluster 3\nlesson 1\n".utf8).write(to: URL(fileURLWithPath: path))
    let session = try Session(opening: temporary.place)
    guard case .error(let error) = session.execute("load \(path)").outcome else {
      Issue.record("a script's 'lesson' stops the load")
      return
    }
    #expect(error.message.hasPrefix("\(path):2: 'lesson' works only at the paxlab prompt"))
    #expect(session.interpreter.cluster.isEmpty)
  }

  @Test func loadingAMissingFileSaysSo() throws {
    let temporary = try TemporaryPlace()
    let session = try Session(opening: temporary.place)
    let result = session.execute("load /nonexistent/file.paxos")
    guard case .error(let error) = result.outcome else {
      Issue.record("a missing file is an error")
      return
    }
    #expect(error.message.contains("cannot open '/nonexistent/file.paxos'"))
  }
}
