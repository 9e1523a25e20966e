import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// What `Interpreter.execute` reports for a line: nothing, done with notes, an error with its
/// hint, or a failed expectation with expected and actual.
@Suite struct InterpreterTests {
  @Test(arguments: ["", "   ", "# comment", "#"]) func aBlankLineIsBlank(_ line: String) {
    var interpreter = Interpreter()
    guard case .blank = interpreter.execute(line).outcome else {
      Issue.record("'\(line)' is not blank")
      return
    }
  }

  @Test func aLineReportsTheEventsItAdded() {
    var interpreter = Interpreter.running(["cluster 3", "propose p1 red"])
    let before = interpreter.cluster.trace.entries.count
    let result = interpreter.execute("deliver")
    #expect(result.events.lowerBound == before)
    #expect(result.events.upperBound == interpreter.cluster.trace.entries.count)
    #expect(
      Transcript.lines(for: result, in: interpreter.cluster, quiet: false) == [
        "deliver #1 p1 -> a1 prepare 1.p1",
        "  a1 persists minProposal 1.p1",
        "  send #4 a1 -> p1 promise 1.p1 (nothing accepted)",
      ])
  }

  @Test func aParseErrorCarriesItsHint() {
    var interpreter = Interpreter()
    guard case .error(let error) = interpreter.execute("propose p1").outcome else {
      Issue.record("not refused")
      return
    }
    #expect(error.message == "missing a value")
    #expect(error.hint == "write 'propose P VALUE', e.g. 'propose p1 red'")
  }

  /// `help delvier` throws a ScriptError with a hint from inside `perform`, and the catch-all in
  /// `Interpreter.execute(_ command:)` turns it into a message holding "\n  hint: ...".
  @Test(arguments: ["help delvier", "help xyzzy"])
  func aHelpErrorKeepsItsHintApart(_ line: String) {
    var interpreter = Interpreter()
    guard case .error(let error) = interpreter.execute(line).outcome else {
      Issue.record("not refused")
      return
    }
    #expect(!error.message.contains("\n"), "\(error.message.debugDescription)")
    #expect(error.hint == "'help' lists the commands")
  }

  @Test func aFailedExpectationSaysExpectedAndActual() {
    var interpreter = Interpreter.running(["cluster 3"])
    guard
      case .expectationFailed(let expected, let actual) = interpreter.execute("expect chosen red")
        .outcome
    else {
      Issue.record("did not fail")
      return
    }
    #expect(expected == "chosen red")
    #expect(actual == "chosen none")
  }

  @Test(arguments: [
    ("expect chosen none", "ok: chosen none"),
    ("expect learned l1 none", "ok: l1 learned none"),
    ("expect decided p1 none", "ok: p1 decided none"),
    ("expect promised a1 none", "ok: a1 promised none"),
    ("expect accepted a1 none", "ok: a1 accepted none"),
    ("expect safe", "ok: the run is safe"),
  ])
  func aCheckThatHoldsSaysSo(_ line: String, _ note: String) {
    var interpreter = Interpreter.running(["cluster 3"])
    #expect(transcript(of: line, in: &interpreter) == [note])
  }

  /// `expect inflight N KIND` counts only the messages of that kind.
  @Test func aCountOfMessagesInFlightCanNameTheirKind() {
    var interpreter = Interpreter.running([
      "cluster 3 1 1", "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1",
      "deliver a2->p1",
    ])
    #expect(transcript(of: "expect inflight 4", in: &interpreter) == ["ok: in flight 4"])
    #expect(
      transcript(of: "expect inflight 3 accept", in: &interpreter) == ["ok: in flight 3 accept"])
    #expect(
      transcript(of: "expect inflight 0 promise", in: &interpreter)
        == ["ok: in flight 0 promise"])
    guard
      case .expectationFailed(let expected, let actual) = interpreter.execute(
        "expect inflight 2 prepare"
      ).outcome
    else {
      Issue.record("did not fail")
      return
    }
    #expect(expected == "in flight 2 prepare")
    #expect(actual == "in flight 1 prepare")
  }

  @Test func resetForgetsTheClusterAndItsHistory() {
    var interpreter = Interpreter.running(midRunScript)
    #expect(transcript(of: "reset", in: &interpreter) == ["reset: no cluster, no history"])
    #expect(interpreter.cluster == Cluster())
  }

  @Test func aQuotedValueReadsBackTheSame() {
    let interpreter = Interpreter.running([
      "cluster 1", #"propose p1 "say \"hi\" \\ bye""#, "deliver all",
      #"expect chosen "say \"hi\" \\ bye""#,
    ])
    #expect(Array(interpreter.cluster.values.texts) == [#"say "hi" \ bye"#])
  }
}
