import Foundation
import Testing

/// A fuzz that stays: every CI run feeds the real binary seeded random scripts, piped sessions,
/// damaged session files and damaged traces, and checks what must hold whatever the input:
/// no crash, exit status 0, 1 or 2, no VIOLATION with the teaching switches off, every command
/// the REPL showed still there after reopening, and no file touched that the input did not name.
/// `PAXLAB_FUZZ_SEEDS=N` runs seeds 1...N of each (24 by default); a failure names its seed.
@Suite struct StandingFuzzTests {
  static let seeds: [UInt64] = {
    let count = ProcessInfo.processInfo.environment["PAXLAB_FUZZ_SEEDS"].flatMap(UInt64.init) ?? 24
    return Array(1...max(count, 1))
  }()

  @Test(arguments: seeds)
  func scripts(seed: UInt64) throws {
    var input = FuzzInput(seed: seed)
    let script = input.script(count: 40, noise: seed % 2 == 0).joined(separator: "\n") + "\n"
    let scratch = try Scratch()
    try scratch.file("script.paxos", script)
    let before = FolderSnapshot(scratch.url)
    let run = try Paxlab.run(["run", "script.paxos"], in: scratch.url)
    let what = "seed \(seed): paxlab run of\n\(script)"
    expectCleanExit(run, [0, 1, 2], what)
    expectSafe(run, what)
    expectOnlyNamedFilesChanged(before, FolderSnapshot(scratch.url), named: script, what)
  }

  @Test(arguments: seeds)
  func pipedSessions(seed: UInt64) throws {
    var input = FuzzInput(seed: seed)
    let lines = input.script(count: 60) + ["history all", "status"]
    let typed = lines.joined(separator: "\n") + "\n"
    let scratch = try Scratch()
    let before = FolderSnapshot(scratch.url)
    let first = try Paxlab.run(["--session", "fuzz"], stdin: Data(typed.utf8), in: scratch.url)
    let what = "seed \(seed): paxlab --session fuzz < \n\(typed)"
    expectCleanExit(first, [0, 1, 2], what)
    expectSafe(first, what)
    expectOnlyNamedFilesChanged(
      before, FolderSnapshot(scratch.url), named: typed, what, sessions: true)

    let reopened = try Paxlab.run(
      ["--session", "fuzz"], stdin: Data("history all\nstatus\n".utf8), in: scratch.url)
    expectCleanExit(reopened, [0], "\(what)\nreopened")
    #expect(
      Self.tail(of: reopened.stdout) == Self.tail(of: first.stdout),
      "\(what)\nthe reopened session differs from the one left:\n\(reopened.output)")
  }

  @Test(arguments: seeds)
  func damagedSessionFiles(seed: UInt64) throws {
    var input = FuzzInput(seed: seed)
    let built = try Scratch()
    let typed = input.script(count: 25, noise: false).joined(separator: "\n") + "\n"
    _ = try Paxlab.run(["--session", "s"], stdin: Data(typed.utf8), in: built.url)
    let original = try [UInt8](
      Data(contentsOf: built.url.appendingPathComponent(".paxlab/s.paxos")))
    let damaged = Data(input.damage(original))

    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent(".paxlab"), withIntermediateDirectories: true)
    try scratch.file(".paxlab/s.paxos", damaged)
    let what =
      "seed \(seed): a session file damaged into\n\(String(decoding: damaged, as: UTF8.self))"
    for recovery in [[], ["--recover", "keep"], ["--recover", "new"]] {
      let run = try Paxlab.run(
        ["--session", "s"] + recovery, stdin: Data("status\n".utf8), in: scratch.url)
      expectCleanExit(run, [0, 1, 2], "\(what)\nopened with \(recovery)")
      if !String(decoding: damaged, as: UTF8.self).contains("bug") { expectSafe(run, what) }
      #expect(
        FolderSnapshot(scratch.url).holds(damaged),
        "\(what)\nopened with \(recovery): the file as it was is kept nowhere\n\(run.output)")
    }
  }

  @Test(arguments: seeds)
  func damagedTraces(seed: UInt64) throws {
    var input = FuzzInput(seed: seed)
    let built = try Scratch()
    let typed =
      (input.script(count: 25, noise: false) + ["export json trace.json"]).joined(separator: "\n")
    _ = try Paxlab.run(["--session", "t"], stdin: Data((typed + "\n").utf8), in: built.url)
    let trace = try [UInt8](Data(contentsOf: built.url.appendingPathComponent("trace.json")))
    let damaged = Data(input.damage(trace))

    let scratch = try Scratch()
    try scratch.file("bad.json", damaged)
    let before = FolderSnapshot(scratch.url)
    let what =
      "seed \(seed): a trace damaged into\n\(String(decoding: damaged.prefix(3000), as: UTF8.self))"
    let replay = try Paxlab.run(["replay", "bad.json"], in: scratch.url)
    expectCleanExit(replay, [0, 1, 2], "\(what)\npaxlab replay")
    let export = try Paxlab.run(
      ["export", "bad.json", "--format", "mermaid", "-o", "out.mmd"], in: scratch.url)
    expectCleanExit(export, [0, 1, 2], "\(what)\npaxlab export")
    let changes = before.changes(to: FolderSnapshot(scratch.url))
    #expect(
      changes.allSatisfy { Self.diagram(ofPart: $0) == "out.mmd" }
        && (export.status == 0 || changes.isEmpty),
      "\(what)\nchanged: \(changes)\n\(export.output)")
  }

  // MARK: What must hold

  /// The teaching switches are never on in fuzzed input, so agreement and validity must hold.
  private func expectSafe(
    _ run: PaxlabRun, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      !run.stdout.contains("VIOLATION"), "\(what)\n\(run.stdout.suffix(3000))",
      sourceLocation: sourceLocation)
  }

  /// Only files that an `export` or `save` line names changed (and the session folder, for the
  /// REPL). Noise may have changed the name a line gives: any word of such a line counts.
  private func expectOnlyNamedFilesChanged(
    _ before: FolderSnapshot, _ after: FolderSnapshot, named lines: String, _ what: String,
    sessions: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let named = Set(
      lines.split(separator: "\n").flatMap { line in
        // Split as the lexer does: a tab or a carriage return separates words too.
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        return ["export", "save"].contains(words.first) ? words.dropFirst() : []
      })
    let unnamed = before.changes(to: after).filter { path in
      !(sessions && (path == ".paxlab" || path.hasPrefix(".paxlab/")))
        && !named.contains(path) && !named.contains(Self.diagram(ofPart: path))
    }
    #expect(
      unnamed.isEmpty, "\(what)\nchanged without being named: \(unnamed)",
      sourceLocation: sourceLocation)
  }

  /// `export mermaid out.mmd` splits a long diagram into out-1.mmd, out-2.mmd...: the file
  /// named for part `out-2.mmd` is `out.mmd`.
  private static func diagram(ofPart path: String) -> String {
    guard path.hasSuffix(".mmd"), let dash = path.lastIndex(of: "-"),
      Int(path[path.index(after: dash)...].dropLast(4)) != nil
    else { return path }
    return path[..<dash] + ".mmd"
  }

  /// What a piped session printed from its last `history all` on: the commands in effect and
  /// the status they built.
  private static func tail(of transcript: String) -> Substring {
    guard let start = transcript.range(of: "> history all\n", options: .backwards) else {
      return transcript[...]
    }
    return transcript[start.lowerBound...]
  }
}
