import Foundation
import Testing

/// Nothing a script holds can crash `paxlab run`: every input ends in a clean error or a clean run.
@Suite struct RobustnessTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var script: String
    var status: Set<Int32>
    /// Text the output must contain.
    var says: String?
    var testDescription: String { script.debugDescription }
  }

  static let cases: [Case] = [
    // Unknown words, in every position.
    Case(script: "frobnicate\n", status: [2], says: "unknown command 'frobnicate'"),
    Case(script: "cluster 3\ndeliver sideways\n", status: [2]),
    Case(script: "cluster 3\nset colour red\n", status: [2]),
    Case(script: "cluster 3\nexpect miracles\n", status: [2]),
    Case(script: "cluster 3\nrun faster=yes\n", status: [2]),
    // Missing and extra arguments.
    Case(
      script: "cluster\n", status: [2],
      says: "script.paxos:1: error: missing the number of acceptors"),
    Case(
      script: "cluster 3 1 1 1\n", status: [2],
      says: "script.paxos:1: error: unexpected '1' at column 15"),
    Case(script: "cluster 3\npropose\n", status: [2]),
    Case(script: "cluster 3\nexpect inflight 0 0\n", status: [2]),
    // Negative and huge numbers.
    Case(
      script: "cluster -1\n", status: [2],
      says: "script.paxos:1: error: the number of acceptors cannot be negative: '-1'"),
    Case(script: "cluster 99999999999999999999999\n", status: [2]),
    Case(script: "cluster 9223372036854775807\n", status: [2]),
    Case(script: "cluster 3 9223372036854775807\n", status: [2]),
    Case(script: "cluster 3\nrun steps=99999999999999999999999\n", status: [2]),
    Case(script: "cluster 3\nrun seed=18446744073709551615\n", status: [0]),
    Case(script: "cluster 3\ndeliver 4294967296\n", status: [2]),
    Case(script: "cluster 3\ndeliver 4294967295\n", status: [2]),
    Case(script: "cluster 3\nexpect inflight 99999999999999999999999\n", status: [2]),
    Case(script: "cluster 3\nexpect promised a1 99999999999999999999999.p1\n", status: [2]),
    Case(script: "cluster 3\nset backoff random 9223372036854775807\n", status: [2]),
    Case(script: "cluster 3\nset timeout 9223372036854775807\n", status: [2]),
    // The last round there is: the next attempt has none left.
    Case(
      script: "cluster 3\nprepare p1 9223372036854775807 red\ndeliver all\nexpect chosen red\n",
      status: [0]),
    Case(
      script: "cluster 3\nprepare p1 9223372036854775807 red\npropose p1 blue\n", status: [2],
      says: "script.paxos:3: error: p1 has used the highest round there is; 'reset' to start over"),
    Case(
      script: "cluster 3 2\nprepare p1 9223372036854775807\ndeliver all\nprepare p2 5 red\nrun\n",
      status: [0]),
    // Empty and unterminated strings.
    Case(
      script: "cluster 3\npropose p1 \"\"\n", status: [2],
      says: "script.paxos:2: error: a value cannot be empty"),
    Case(
      script: "cluster 3\npropose p1 \"red\n", status: [2],
      says: "script.paxos:2: error: unterminated string starting at column 12"),
    Case(script: "cluster 3\npropose p1 \"\n", status: [2]),
    Case(script: "cluster 3\npropose p1 \"\\\n", status: [2]),
    Case(script: "\"\n", status: [2]),
    Case(script: "\"\"\n", status: [2]),
    // Unicode names and values.
    Case(
      script: "cluster 3\ncrash ä1\n", status: [2],
      says: "script.paxos:2: error: 'ä1' is not a node name"),
    Case(script: "add acceptor Ω\n", status: [2]),
    Case(script: "add acceptor a\u{301}\n", status: [2]),
    Case(
      script: "кластер 3\n", status: [2], says: "script.paxos:1: error: unknown command 'кластер'"),
    Case(
      script: "cluster 1\npropose p1 日本語\ndeliver all\nexpect chosen 日本語\nexpect learned l1 日本語\n",
      status: [0]),
    Case(
      script:
        "cluster 1\npropose p1 \"🧑‍🚀 e\u{301} \u{202E}rtl\"\ndeliver all\nexpect chosen \"🧑‍🚀 e\u{301} \u{202E}rtl\"\n",
      status: [0]),
    // A byte order mark, as some editors write: read or refused, never a crash.
    Case(script: "\u{FEFF}cluster 3\n", status: [0, 2]),
    Case(script: "cluster\u{00A0}3\n", status: [2]),
    // Control characters and NUL.
    Case(
      script: "cluster 3\0\n", status: [2],
      says: "script.paxos:1: error: unexpected control character U+"),
    Case(script: "\0\0\0\n", status: [2]),
    Case(script: "cluster 3\npropose p1 \"a\u{7}b\"\n", status: [2]),
    Case(script: "cluster 3\u{1B}[31m\n", status: [2]),
    // Invalid UTF-8 is read as U+FFFD.
    Case(
      script: "cluster 3\npropose p1 \u{FFFD}\ndeliver all\nexpect chosen \u{FFFD}\n", status: [0]),
  ]

  @Test(arguments: cases) func aNastyScriptEndsCleanly(_ nasty: Case) throws {
    let run = try Paxlab.run(nasty.script, timeout: 20)
    expectCleanExit(run, nasty.status, nasty.script.debugDescription)
    if let text = nasty.says {
      #expect(run.output.contains(text), "\(run.output)")
    }
    if run.status == 2 {
      #expect(run.lines.contains { $0.hasPrefix("script.paxos:") && $0.contains(": error: ") })
    }
  }

  @Test func invalidUTF8IsRefusedOrReadNotCrashedOn() throws {
    let bytes: [UInt8] =
      Array("cluster 1\npropose p1 ".utf8) + [0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x80]
      + Array("\ndeliver all\nexpect chosen red\n".utf8)
    let run = try Paxlab.run(script: bytes)
    expectCleanExit(run, [1], "invalid UTF-8")
    #expect(run.lines.contains("script.paxos:4: expectation failed: expect chosen red"))
  }

  @Test func aOneMegabyteValueIsRefusedWithAShortMessage() throws {
    let run = try Paxlab.run(
      "cluster 3\npropose p1 " + String(repeating: "x", count: 1 << 20) + "\n")
    expectCleanExit(run, [2], "1 MB value")
    #expect(run.lines.contains("script.paxos:2: error: a value is at most 1000 characters long"))
    #expect(run.output.utf8.count < 2000, "the error repeats the whole line")
  }

  @Test func aOneMegabyteQuotedValueIsRefusedWithAShortMessage() throws {
    let run = try Paxlab.run(
      "cluster 3\npropose p1 \"" + String(repeating: "y ", count: 1 << 19) + "\"\n")
    expectCleanExit(run, [2], "1 MB quoted value")
    #expect(
      run.output.contains("script.paxos:2: error: the value at column 12 is longer than 1000"))
    #expect(run.output.utf8.count < 2000)
  }

  @Test func aOneMegabyteLineOfWordsIsRefusedWithAShortMessage() throws {
    let run = try Paxlab.run("cluster 3\ncrash" + String(repeating: " a1", count: 350_000) + "\n")
    expectCleanExit(run, [2], "1 MB of words")
    #expect(run.output.contains("script.paxos:2: error: a1 is named twice"))
    #expect(run.output.utf8.count < 2000)
  }

  @Test func aOneMegabyteCommentIsIgnored() throws {
    let run = try Paxlab.run("cluster 3\n#" + String(repeating: "z", count: 1 << 20) + "\n")
    expectCleanExit(run, [0], "1 MB comment")
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func randomBytesEndCleanly(_ seed: UInt64) throws {
    let bytes = Array(ByteStream(seed: seed).prefix(64 * 1024))
    #expect(bytes.contains(0), "seed \(seed) has no NUL byte")
    let run = try Paxlab.run(script: bytes, timeout: 20)
    expectCleanExit(run, [0, 1, 2], "random bytes, seed \(seed)")
    #expect(run.output.utf8.count < 4000)
  }

  @Test(arguments: [9, 10] as [UInt64])
  func randomBytesOnStandardInputEndCleanly(_ seed: UInt64) throws {
    let bytes = Data(ByteStream(seed: seed).prefix(1 << 20))
    let run = try Paxlab.run(["run", "-"], stdin: bytes, timeout: 20)
    expectCleanExit(run, [0, 1, 2], "1 MB of random bytes on stdin, seed \(seed)")
    #expect(run.output.utf8.count < 4000)
  }

  @Test(arguments: [6, 7, 8] as [UInt64])
  func randomBytesAfterAGoodStartEndCleanly(_ seed: UInt64) throws {
    let bytes =
      Array("cluster 3 2 1\npropose p1 red\n".utf8) + Array(ByteStream(seed: seed).prefix(1 << 20))
    let run = try Paxlab.run(script: bytes, timeout: 20)
    expectCleanExit(run, [2], "1 MB of random bytes, seed \(seed)")
    #expect(
      run.lines.contains { $0.hasPrefix("script.paxos:") && $0.contains(": error: ") },
      "\(run.output.prefix(500))")
  }

  /// With two of three acceptors down, p1's timer fires forever, so `run` only stops at its step
  /// limit, and `run steps=K` takes any K up to Int.max. In a debug build that is about 400,000
  /// steps and 50 MB of trace per second, so this line would run for ages and then exhaust memory.
  @Test func aRunThatNeverSettlesEndsInReasonableTime() throws {
    let run = try Paxlab.run(
      "cluster 3\ncrash a2 a3\npropose p1 red\nrun steps=9223372036854775807\n", options: ["-q"],
      timeout: 5)
    expectCleanExit(run, [0, 1, 2], "run steps=Int.max")
  }

  @Test func aMillionCommentLinesRunQuickly() throws {
    var script = "cluster 3\n"
    script.reserveCapacity(20_000_000)
    for _ in 0..<1_000_000 { script += "# nothing to see here\n" }
    script += "expect inflight 0\n"
    let run = try Paxlab.run(script, timeout: 30)
    expectCleanExit(run, [0], "a million comments")
    #expect(run.lines.count == 4)
  }

  @Test func aMillionCommandsRunAndLinesAreCountedRight() throws {
    var script = "cluster 3\n"
    script.reserveCapacity(20_000_000)
    for _ in 0..<1_000_000 { script += "expect inflight 0\n" }
    script += "expect inflight 1\n"
    let run = try Paxlab.run(script, options: ["-q"], timeout: 30)
    expectCleanExit(run, [1], "a million lines")
    #expect(run.lines.first == "script.paxos:1000002: expectation failed: expect inflight 1")
  }
}
