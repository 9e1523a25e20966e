import Foundation
import Testing

/// The session and the files it writes, with the real binary: one process per session at a
/// time, and no `export` over the session or the script being run.
@Suite struct FileSafetyCLITests {
  @Test func aSecondProcessIsToldWhoHasTheSession() throws {
    let scratch = try Scratch()
    let first = try PipedREPL(arguments: ["--session", "k"], in: scratch.url)
    try first.send("cluster 3")
    try first.waitFor(echoOf: "cluster 3")
    let second = try Paxlab.run(
      ["--session", "k"], stdin: Data("cluster 5\n".utf8), in: scratch.url, timeout: 20)
    #expect(second.status == 2, "\(second.output)")
    #expect(
      second.stderr.contains("session 'k' is open in another paxlab (pid \(first.pid))"),
      "\(second.stderr)")
    #expect(second.stderr.contains("paxlab --session NAME"), "\(second.stderr)")
    // At the prompt, 'open' is refused the same way and the REPL stays where it is.
    let opening = try Paxlab.run(
      [], stdin: Data("open k\ncluster 7\n".utf8), in: scratch.url, timeout: 20)
    #expect(opening.stdout.contains("the REPL stays on session 'default'"), "\(opening.output)")
    try first.close()
    #expect(try scratch.sessionText("k").hasSuffix("\ncluster 3\n"))
    let after = try Paxlab.run(
      ["--session", "k"], stdin: Data("propose p1 red\n".utf8), in: scratch.url, timeout: 20)
    #expect(after.status == 0, "\(after.output)")
    #expect(try scratch.sessionText("k").hasSuffix("\ncluster 3\npropose p1 red\n"))
  }

  @Test func neitherExportNorSaveWritesOverTheSessionFile() throws {
    let scratch = try Scratch()
    let input = """
      cluster 3
      export markdown .paxlab/default.paxos
      save ./.paxlab/../.paxlab/default.paxos
      propose p1 red

      """
    let run = try Paxlab.run([], stdin: Data(input.utf8), in: scratch.url)
    #expect(run.status == 2)
    for path in [".paxlab/default.paxos", "./.paxlab/../.paxlab/default.paxos"] {
      #expect(
        run.stdout.contains("error: '\(path)' is this session's own file"), "\(run.output)")
    }
    let reopened = try Paxlab.run([], stdin: Data("history\n".utf8), in: scratch.url)
    #expect(reopened.status == 0, "\(reopened.output)")
    #expect(try scratch.sessionText("default").hasSuffix("\ncluster 3\npropose p1 red\n"))
  }

  /// A script may begin as Markdown notes do: it is still never exported over.
  @Test func aScriptNeverExportsOverItself() throws {
    let script = "# Paxos Lab run: my notes\ncluster 3\nexport markdown notes.paxos\n"
    let scratch = try Scratch()
    try scratch.file("notes.paxos", script)
    let run = try Paxlab.run(["run", "notes.paxos"], in: scratch.url)
    #expect(run.status == 2)
    #expect(run.output.contains("'notes.paxos' is the script being run"), "\(run.output)")
    #expect(
      try String(contentsOf: scratch.url.appendingPathComponent("notes.paxos"), encoding: .utf8)
        == script)
  }

  @Test func aTraceIsNeverExportedOverItself() throws {
    let scratch = try ExportCLITests.exported()
    let before = try ExportCLITests.contents(scratch, "out/duel.json")
    let run = try Paxlab.run(
      ["export", "out/duel.json", "--format", "json", "--from", "3", "-o", "out/duel.json"],
      in: scratch.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("'out/duel.json' is the trace being exported"), "\(run.stderr)")
    #expect(try ExportCLITests.contents(scratch, "out/duel.json") == before)
  }
}
