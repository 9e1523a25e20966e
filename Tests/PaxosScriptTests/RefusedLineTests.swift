import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// A refused line leaves the cluster exactly as it was: nothing half done.
@Suite struct RefusedLineTests {
  static let badLines = [
    // Words the parser refuses.
    "delvier", "xyzzy", "\"deliver\"", "| deliver", "deliver sideways", "deliver 1 2",
    "deliver all now", "deliver 0", "deliver -1", "deliver 99999999999999999999999",
    "deliver p1->", "deliver p1 ->", "deliver ->a1", "deliver p1->1a", "drop", "duplicate",
    "dup", "crash", "recover", "crash 1a", "crash averyverylongname", "crash ä1",
    "propose", "propose p1", "propose p1 \"\"", "propose p1 \"red", "propose p1 none",
    "propose p1 \"a\\nb\"", "propose p1 |", "propose p1 red blue",
    "propose p1 " + String(repeating: "x", count: 1001), "prepare p1", "prepare p1 0",
    "prepare p1 -3", "prepare p1 x", "prepare p1 99999999999999999999999", "timeout",
    "timeout p1 p2", "set", "set bug", "set bug sloppy", "set bug none extra", "set colour red",
    "set backoff", "set backoff wobbly", "set backoff fixed -1", "set timeout", "set timeout 0",
    "run steps=0", "run steps=-1", "run steps=x", "run seed=-1", "run seed=99999999999999999999999",
    "run fast", "run steps", "run until", "run until chosen", "run brief=1", "compare",
    "compare votes", "compare backoff seeds=0",
    "compare backoff seeds=1001", "compare backoff steps=0", "compare backoff steps=x",
    "compare backoff fast", "compare backoff seeds", "compare backoff seeds=1000 steps=2001",
    "compare backoff waits=", "compare backoff waits=5,5", "compare backoff waits=x",
    "compare backoff waits=1,2,3,4,5,6,7,8,9", "compare backoff waits=1,2,3 seeds=1000",
    "expect", "expect chosen",
    "expect chosen red blue", "expect nothing",
    "expect learned", "expect promised a1 1", "expect promised a1 0.p1",
    "expect accepted a1 1.p1", "expect inflight", "expect inflight -1", "expect inflight 3 letters",
    "expect inflight 3 accept now", "expect safe now",
    "add", "add wizard w1", "add proposer+ w1", "add proposer 7up", "add proposer",
    "partition", "partition a1 |", "partition | a1", "heal now", "reset now", "status now",
    "cluster", "cluster -3", "cluster three", "cluster 3 1 1 1", "cluster 3\u{0}",
    "\u{7}", "propose p1 \"a\u{1B}b\"",
    // Lines the cluster refuses.
    "cluster 3", "cluster 0", "propose a1 red", "propose p9 red", "propose zz red",
    "prepare p1 1", "prepare p2 1 blue", "prepare a1 9", "timeout a1", "timeout l1",
    "deliver 999", "deliver #1", "drop #1", "duplicate #1",
    "deliver a4->p1", "drop l1->a1", "duplicate p9->a1",
    "crash a5", "crash zz", "crash a1 a1", "crash a1 zz", "crash a1 a5", "recover a1",
    "recover a5 a1", "recover zz",
    "partition a1 | a1", "partition a1 | zz", "partition a1 a2 a3 a4 a5 p1 p2 l1 l2",
    "add proposer p1", "add acceptor a6", "add learner s1 s1", "add learner l1 s2",
    "set backoff fixed 0", "set backoff random 99999999", "set timeout 99999999",
    "expect learned p1 red", "expect learned zz red", "expect promised l1 none",
    "expect accepted p1 none", "expect decided a1 red", "expect decided zz none",
    "help delvier", "help xyzzy",
  ]

  /// A hint shows a way forward, never the very line that was just refused. Each command's
  /// example is tried on an empty cluster and a busy one, twice: the second may be refused for
  /// what the first did (a node crashed, a ballot used, a name taken).
  @Test func aHintNeverRepeatsTheRefusedLine() {
    for spec in Vocabulary.commands {
      for setup in [[], midRunScript] {
        var interpreter = Interpreter.running(setup)
        for _ in 0..<2 {
          guard case .error(let error) = interpreter.execute(spec.example).outcome else { continue }
          #expect(
            error.hint?.contains("'\(spec.example)'") != true,
            "'\(spec.example)': \(error.message); hint: \(error.hint ?? "")")
        }
      }
    }
  }

  @Test func theMidRunClusterIsBusy() {
    let cluster = Interpreter.running(midRunScript).cluster
    #expect(!cluster.inFlight.isEmpty)
    #expect(cluster.choices.value != nil)
    #expect(cluster.nodes.contains { !$0.isUp })
    #expect(cluster.nodes.contains { $0.side != 0 })
  }

  @Test(arguments: badLines) func aRefusedLineChangesNothing(_ line: String) {
    var interpreter = Interpreter.running(midRunScript)
    let before = interpreter.cluster
    let result = interpreter.execute(line)
    guard case .error(let error) = result.outcome else {
      Issue.record("'\(line)' was not refused: \(result.outcome)")
      return
    }
    #expect(interpreter.cluster == before, "'\(line)' changed the cluster: \(error.message)")
    #expect(result.events.isEmpty)
    #expect(!error.message.isEmpty)
    #expect(
      !error.message.contains("\n"), "'\(line)': the message holds a newline: \(error.message)")
    #expect(error.message.count < 400, "'\(line)': \(error.message)")
  }

  @Test(arguments: badLines) func aRefusedLineChangesNothingInAnEmptyCluster(_ line: String) {
    var interpreter = Interpreter()
    let result = interpreter.execute(line)
    if case .error = result.outcome {
      #expect(interpreter.cluster == Cluster())
    }
  }

  @Test(arguments: [
    "expect chosen blue", "expect learned l1 blue", "expect learned l2 red",
    "expect decided p1 red",
    "expect promised a1 none", "expect accepted a2 1.p1 blue", "expect accepted a5 1.p1 red",
    "expect inflight 0", "expect violation",
  ])
  func aFailedExpectChangesNothing(_ line: String) {
    var interpreter = Interpreter.running(midRunScript)
    let before = interpreter.cluster
    let result = interpreter.execute(line)
    guard case .expectationFailed = result.outcome else {
      Issue.record("'\(line)' did not fail: \(result.outcome)")
      return
    }
    #expect(interpreter.cluster == before)
  }

  @Test func aLineAfterARefusedOneRunsAsIfTheRefusedOneWereNotThere() {
    var withErrors = Interpreter.running(midRunScript)
    var without = Interpreter.running(midRunScript)
    for line in Self.badLines + ["run seed=9"] { _ = withErrors.execute(line) }
    _ = without.execute("run seed=9")
    #expect(withErrors.cluster == without.cluster)
  }
}
