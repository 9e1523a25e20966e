import Foundation
import Testing

/// Where scripts come from: files, several files, standard input.
@Suite struct InputTests {
  @Test func aDashReadsStandardInput() throws {
    let script = "cluster 1\npropose p1 red\ndeliver all\nexpect chosen red\n"
    let run = try Paxlab.run(["run", "-"], stdin: Data(script.utf8))
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.last == "ok: chosen red")
  }

  @Test func standardInputIsNamedInErrors() throws {
    let run = try Paxlab.run(["run", "-"], stdin: Data("cluster 1\n\nexpect chosen red\n".utf8))
    #expect(run.status == 1)
    #expect(run.lines.contains("<stdin>:3: expectation failed: expect chosen red"), "\(run.output)")
  }

  @Test func standardInputTakesWindowsLineEndings() throws {
    let script = "cluster 1\r\npropose p1 red\r\ndeliver all\r\nexpect chosen red\r\n"
    let run = try Paxlab.run(["run", "-"], stdin: Data(script.utf8))
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.last == "ok: chosen red")
  }

  @Test func eachFileRunsOnAFreshCluster() throws {
    let scratch = try Scratch()
    try scratch.file("first.paxos", "cluster 3\npropose p1 red\ndeliver all\nexpect chosen red\n")
    try scratch.file("second.paxos", "cluster 3\nexpect chosen none\nexpect inflight 0\n")
    let run = try Paxlab.run(["run", "first.paxos", "second.paxos"], in: scratch.url)
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.filter { $0 == "> cluster 3" }.count == 2)
  }

  @Test func filesAndStandardInputMix() throws {
    let scratch = try Scratch()
    try scratch.file("first.paxos", "cluster 3\npropose p1 red\n")
    let run = try Paxlab.run(
      ["run", "first.paxos", "-"], stdin: Data("cluster 2\nexpect inflight 0\n".utf8),
      in: scratch.url)
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.suffix(2) == ["> expect inflight 0", "ok: in flight 0"])
  }

  @Test func theFirstFailingFileStopsTheRunAndIsNamed() throws {
    let scratch = try Scratch()
    try scratch.file("good.paxos", "cluster 3\n")
    try scratch.file("bad.paxos", "cluster 3\n\n\nexpect chosen red\n")
    try scratch.file("never.paxos", "cluster 5\n")
    let run = try Paxlab.run(["run", "good.paxos", "bad.paxos", "never.paxos"], in: scratch.url)
    #expect(run.status == 1)
    #expect(
      run.lines.contains("bad.paxos:4: expectation failed: expect chosen red"), "\(run.output)")
    #expect(!run.output.contains("cluster 5"))
  }

  @Test func aMissingFileAfterAGoodOneExitsTwo() throws {
    let scratch = try Scratch()
    try scratch.file("good.paxos", "cluster 3\n")
    let run = try Paxlab.run(["run", "good.paxos", "missing.paxos"], in: scratch.url)
    #expect(run.status == 2)
    #expect(run.lines.first == "> cluster 3")
    #expect(run.output.contains("cannot open 'missing.paxos'"))
  }

  @Test func aMissingFinalNewlineIsFine() throws {
    let run = try Paxlab.run("cluster 1\npropose p1 red\ndeliver all\nexpect chosen red")
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.last == "ok: chosen red")
  }

  /// A script saved with Windows line endings. `SourceFile.lines` splits a String on the
  /// Character "\n", but "\r\n" is one Character (one grapheme), so the whole file is one line.
  @Test func windowsLineEndingsAreFine() throws {
    let run = try Paxlab.run("cluster 1\r\npropose p1 red\r\ndeliver all\r\nexpect chosen red\r\n")
    #expect(run.status == 0, "\(run.output)")
    #expect(run.lines.last == "ok: chosen red")
  }
}
