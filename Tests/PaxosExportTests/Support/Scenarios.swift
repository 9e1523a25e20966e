import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

/// Runs that exercise every kind of mark the exports draw.
enum Scenarios {
  static let oneProposer = ["cluster 3 1 1", "propose p1 red", "deliver all"]

  static let dueling = [
    "cluster 3 2 1", "set backoff none", "prepare p1 1 red",
    "deliver p1->a1", "deliver p1->a2", "deliver a1->p1", "deliver a2->p1",
    "prepare p2 2 blue", "deliver p2->a1", "deliver p2->a2", "deliver p1->a1",
    "deliver a1->p1", "deliver a1->p2", "deliver a2->p2", "timeout p1",
    "set backoff random", "run seed=8",
  ]

  static let crashes = [
    "cluster 3 1 1", "propose p1 red", "deliver p1->a1", "deliver p1->a2", "crash a2",
    "deliver all", "recover a2", "crash p1", "recover p1", "propose p1 blue", "run seed=3",
  ]

  static let dropsAndDuplicates = [
    "cluster 3 1 1", "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1",
    "deliver a2->p1", "deliver p1->a1", "duplicate a1->l1", "dup 11", "deliver a1->l1",
    "deliver a1->l1", "deliver #12", "duplicate 7", "deliver p1->a2", "deliver p1->a3",
    "deliver #13", "drop a1->p1", "deliver all",
  ]

  static let partitions = [
    "cluster 3 2 1", "partition p1 a1 | a2 a3 p2 l1", "propose p1 red", "deliver all",
    "propose p2 blue", "deliver all", "heal", "timeout p1", "deliver all",
    "partition p1", "propose p2 green", "deliver all", "heal",
  ]

  static let violation = [
    "cluster 3 2 1", "set bug no-persist", "propose p1 red", "deliver all", "crash a1 a2",
    "recover a1 a2", "propose p2 blue", "deliver all",
  ]

  /// Red is chosen under 1.p1; p2 adopts it, and 1.p2 reaches a quorum too: chosen again.
  static let chosenAgain = [
    "cluster 3 2 1", "propose p1 red", "deliver p1->a1", "deliver p1->a2", "deliver a1->p1",
    "deliver a2->p1", "deliver p1->a1", "deliver p1->a2", "propose p2 blue", "deliver p2->a2",
    "deliver p2->a3", "deliver a3->p2", "deliver a2->p2", "deliver all",
  ]

  /// Messages left in flight at the end.
  static let inFlight = ["cluster 3 1 1", "propose p1 red", "deliver p1->a1"]

  /// A log cluster: slot 2 is lost, so the learners wait for it; p2 takes over and fills it
  /// with a no-op while l2 is down; p1's next accepts are refused; retries, one of a request p1
  /// knows chosen, two copies of r2; an acceptor and a learner recover and l2 catches up.
  static let logGapAndCatchUp = [
    "cluster 3 2 2 log", "request p1 put x 1", "deliver all", "request p1 append x 2",
    "request p1 put y 3", "drop p1->a1", "drop p1->a2", "drop p1->a3", "deliver all",
    "timeout p2", "request p2 get x", "crash l2", "deliver all", "request p1 put z 5",
    "deliver all", "retry r1 p1", "retry r1 p2", "retry r2 p2", "retry r2 p2", "deliver all",
    "crash a1", "recover a1 l2", "catchup l2", "deliver all",
  ]

  /// A log under `no-dedup` (a retried append is applied twice) and `skip-gaps` (l1 applies
  /// slot 4 before the gap below it is filled; l2, down then, applies in order): at-most-once
  /// and applied-log violations.
  static let logSwitches = [
    "cluster 3 1 2 log", "set bug no-dedup skip-gaps", "request p1 append x 1", "deliver all",
    "retry r1 p1", "deliver all", "request p1 put y 2", "request p1 put y 3", "drop p1->a1",
    "drop p1->a2", "drop p1->a3", "crash l2", "deliver all", "recover l2", "timeout p1",
    "deliver all",
  ]

  /// A log whose new leader ignores the slots promises report: slot 1 is chosen twice, with
  /// different commands, one of them with words that mean something to the formats.
  static let logIgnoresAccepted = [
    "cluster 3 2 1 log", "set bug ignore-accepted",
    "request p1 put \"a key\" \"naïve | #; --> %% {x}\"",
    "deliver all", "request p2 put x 2", "deliver all",
  ]

  static let all: [(name: String, lines: [String])] = [
    ("one-proposer", oneProposer), ("dueling", dueling), ("crashes", crashes),
    ("drops", dropsAndDuplicates), ("partitions", partitions), ("violation", violation),
    ("chosen-again", chosenAgain),
    ("in-flight", inFlight), ("empty", []),
    ("log-gap-and-catch-up", logGapAndCatchUp), ("log-switches", logSwitches),
    ("log-ignores-accepted", logIgnoresAccepted),
  ]

  /// Values a user could type that mean something to Mermaid, Graphviz or Markdown.
  static let adversarialValues: [String] = [
    "he said \"hi\"", "a;b;c", "#35;", "#", "x --> y", "p1->>a1: forged", "%% comment",
    "%%{init: {\"theme\": \"dark\"}}%%", "key: value", "<br>next line", "a<br/>b",
    "<script>alert(1)</script>", "&amp; &lt;", "日本語の値", "😀🎉👩‍👩‍👧", "e\u{301}", "ﬂ°°35¶ß",
    "tab\there", "cr\rhere", "end", "`code` ```fence```", "| pipe |", "$x^2$", "==mark==",
    "back\\slash\\", "style:#fff;", "classDef x fill:#f00;", "[link](http://x)", "*_~strong~_*",
    "\u{202E}reversed", "zero\u{200B}width", "nbsp\u{00A0}here", "\\n\\l\\N", "{a} [b] (c)",
    String(repeating: "#", count: 1000), String(repeating: "😀", count: 1000),
    String(repeating: "a;", count: 500), String(repeating: "é", count: 1000),
  ]

  /// A round in which `value` is proposed, accepted, chosen and reported in a promise.
  static func adversarialRun(_ value: String, other: String = "blue") -> [String] {
    [
      "cluster 3 2 1", "propose p1 \(ValueTable.literal(value))", "deliver all",
      "propose p2 \(ValueTable.literal(other))", "deliver all",
    ]
  }

  /// Node names that are Mermaid keywords or look like arrows.
  static let awkwardNames = [
    "add proposer end", "add proposer+learner Note", "add acceptor a-x x1 box loop",
    "add learner par_over", "add learner activate", "add proposer over",
    "propose end red", "deliver all", "propose Note \"a;b\"", "crash a-x", "deliver all",
    "recover a-x", "propose over blue", "run seed=2",
  ]

  /// A long run of three proposers and five acceptors with random backoff: thousands of
  /// messages, crossing arrows, timers.
  static func longRun(messages: Int) -> Interpreter {
    var interpreter = Interpreter()
    for line in ["cluster 5 3 1", "set backoff random 20", "set timeout 60"] {
      _ = interpreter.execute(line)
    }
    var attempt = 0
    while interpreter.cluster.trace.messages.count < messages {
      attempt += 1
      for proposer in 1...3 { _ = interpreter.execute("propose p\(proposer) v\(attempt)") }
      _ = interpreter.execute("run steps=\(max(50, messages / 20)) seed=\(attempt)")
    }
    return interpreter
  }
}
