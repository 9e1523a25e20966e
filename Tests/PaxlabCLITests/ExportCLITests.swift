import Foundation
import Testing

/// `paxlab export`, `paxlab run --export` and `paxlab replay`, run as the real binary.
@Suite struct ExportCLITests {
  static let script = """
    cluster 3 2 1
    propose p1 "dark red"
    propose p2 blue
    run seed=7
    crash a1

    """

  /// A folder holding `duel.paxos` and its exports in `out/`.
  static func exported() throws -> Scratch {
    let scratch = try Scratch()
    try scratch.file("duel.paxos", script)
    let run = try Paxlab.run(["run", "--export", "out", "duel.paxos"], in: scratch.url)
    expectCleanExit(run, [0], "run --export")
    return scratch
  }

  static func contents(_ scratch: Scratch, _ name: String) throws -> Data {
    try Data(contentsOf: scratch.url.appendingPathComponent(name))
  }

  @Test func runExportWritesEveryFormatNamedAfterTheScript() throws {
    let scratch = try Self.exported()
    let names = try FileManager.default.contentsOfDirectory(
      atPath: scratch.url.appendingPathComponent("out").path
    ).sorted()
    #expect(names == ["duel.dot", "duel.json", "duel.md", "duel.mmd"])
    let json = String(decoding: try Self.contents(scratch, "out/duel.json"), as: UTF8.self)
    #expect(json.hasPrefix("{\n  \"format\": \"paxlab-trace\",\n  \"version\": 3,"))
    #expect(
      json.contains(
        #"{"number": 2, "text": "propose p1 \"dark red\"", "time": {"first": 1, "last": 1}}"#))
  }

  @Test func runExportAlsoAfterAFailedExpectation() throws {
    let scratch = try Scratch()
    try scratch.file("fails.paxos", "cluster 3 1 1\npropose p1 red\nexpect chosen red\n")
    let run = try Paxlab.run(["run", "-q", "--export", "out", "fails.paxos"], in: scratch.url)
    expectCleanExit(run, [1], "failing script")
    #expect(
      FileManager.default.fileExists(
        atPath: scratch.url.appendingPathComponent("out/fails.json").path))
  }

  @Test func twoScriptsWithOneNameAreRefused() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("b"), withIntermediateDirectories: true)
    try scratch.file("x.paxos", "cluster 3\n")
    try scratch.file("b/x.paxos", "cluster 3\n")
    let run = try Paxlab.run(["run", "--export", "out", "x.paxos", "b/x.paxos"], in: scratch.url)
    #expect(run.status != 0)
    #expect(run.stderr.contains("two scripts would export as 'x'"), "\(run.stderr)")
  }

  @Test func exportJSONOfATraceIsByteIdentical() throws {
    let scratch = try Self.exported()
    let run = try Paxlab.run(["export", "out/duel.json", "--format", "json"], in: scratch.url)
    expectCleanExit(run, [0], "export json")
    #expect(Data(run.stdout.utf8) == (try Self.contents(scratch, "out/duel.json")))
  }

  @Test func exportToAFileSaysSoOnStandardError() throws {
    let scratch = try Self.exported()
    let run = try Paxlab.run(
      ["export", "out/duel.json", "--format", "mermaid", "-o", "duel.mmd"], in: scratch.url)
    expectCleanExit(run, [0], "export mermaid")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("wrote duel.mmd"), "\(run.stderr)")
    #expect(!(try Self.contents(scratch, "duel.mmd")).isEmpty)
    let window = try Paxlab.run(
      ["export", "out/duel.json", "--format", "json", "--from", "3", "--to", "5"], in: scratch.url)
    expectCleanExit(window, [0], "export window")
    #expect(window.stdout.contains(#""window": {"from": 3, "to": 5}"#))
  }

  @Test func aBrokenTraceIsRefusedWithItsPlace() throws {
    let scratch = try Self.exported()
    var text = String(decoding: try Self.contents(scratch, "out/duel.json"), as: UTF8.self)
    text = text.replacing(#""kind": "phase1""#, with: #""kind": "phase9""#, maxReplacements: 1)
    try scratch.file("broken.json", text)
    for arguments in [["export", "broken.json", "--format", "dot"], ["replay", "broken.json"]] {
      let run = try Paxlab.run(arguments, in: scratch.url)
      expectCleanExit(run, [2], "\(arguments)")
      #expect(run.stdout.isEmpty)
      #expect(
        run.stderr.contains("$.events[0].kind): unknown event kind 'phase9'"), "\(run.stderr)")
    }
    let missing = try Paxlab.run(["replay", "nothing.json"], in: scratch.url)
    expectCleanExit(missing, [2], "missing file")
    #expect(missing.stderr.contains("No such file"), "\(missing.stderr)")
  }

  @Test func replayPrintsTheTranscriptAndTheStatus() throws {
    let scratch = try Self.exported()
    let replay = try Paxlab.run(["replay", "out/duel.json"], in: scratch.url)
    expectCleanExit(replay, [0], "replay")
    let run = try Paxlab.run(["run", "duel.paxos"], in: scratch.url)
    // The replay's transcript is the script's, then the final status.
    #expect(replay.stdout.hasPrefix(run.stdout), "\(replay.stdout.prefix(500))")
    #expect(replay.stdout.contains("> status\n"))
    #expect(replay.stdout.contains("a1    A      DOWN"), "\(replay.stdout.suffix(800))")
  }

  @Test func theLanguageExportsToStandardOutput() throws {
    let run = try Paxlab.run("cluster 3 1 1\npropose p1 red\nexport json - from=1 to=1\n")
    expectCleanExit(run, [0], "export json -")
    #expect(run.stdout.contains(#"{"time": 1, "order": 1, "kind": "phase1", "ballot": "1.p1"}"#))
    #expect(run.stdout.contains(#""window": {"from": 1, "to": 1}"#))
  }
}
