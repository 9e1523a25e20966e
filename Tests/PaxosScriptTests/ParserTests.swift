import PaxosCheck
import PaxosCore
import PaxosSim
import Testing

@testable import PaxosScript

/// Every form of every command parses to the command it means.
@Suite struct ParserTests {
  static func node(_ name: String) -> NodeID { NodeID(name)! }
  static let p1 = node("p1")
  static let a1 = node("a1")
  static let a2 = node("a2")
  static let l1 = node("l1")

  static func ballot(_ round: Int, _ proposer: String) -> Ballot {
    Ballot(round: round, proposer: node(proposer))
  }

  static let forms: [(String, Command)] = [
    ("cluster 3", .cluster(acceptors: 3, proposers: 1, learners: 1)),
    ("cluster 5 2", .cluster(acceptors: 5, proposers: 2, learners: 1)),
    ("cluster 3 2 0", .cluster(acceptors: 3, proposers: 2, learners: 0)),
    ("cluster 007", .cluster(acceptors: 7, proposers: 1, learners: 1)),
    ("cluster 3 2 2 log", .cluster(acceptors: 3, proposers: 2, learners: 2, log: true)),
    ("cluster 5 log", .cluster(acceptors: 5, proposers: 1, learners: 1, log: true)),
    ("request p1 put x 1", .request(p1, ClientCommand(.put, key: "x", argument: "1"))),
    (
      "request p2 append \"my key\" \"two words\"",
      .request(node("p2"), ClientCommand(.append, key: "my key", argument: "two words"))
    ),
    ("request p1 get x", .request(p1, ClientCommand(.get, key: "x"))),
    ("retry r12 p2", .retry(ValueID(raw: 11), node("p2"))),
    ("catchup l1", .catchup(l1)),
    ("log", .log),
    ("expect slot 2 put x 1", .expect(.slot(2, "put x 1"))),
    ("expect slot 3 noop", .expect(.slot(3, "noop"))),
    ("expect slot 4 none", .expect(.slot(4, nil))),
    ("expect applied l1 3", .expect(.applied(l1, 3))),
    ("expect kv l1 x none", .expect(.keyValue(l1, key: "x", value: nil))),
    ("expect reply r1 pending", .expect(.reply(ValueID(raw: 0), "pending"))),
    ("expect leader p1 p2", .expect(.leaders([p1, node("p2")]))),
    ("expect leader none", .expect(.leaders([]))),
    ("add proposer s1", .add(.proposer, [node("s1")])),
    ("add acceptors x y z", .add(.acceptor, [node("x"), node("y"), node("z")])),
    ("add proposer+acceptor+learner s1", .add([.proposer, .acceptor, .learner], [node("s1")])),
    ("add learner+learner l", .add(.learner, [node("l")])),
    ("reset", .reset),
    ("propose p1 red", .propose(p1, "red")),
    ("propose p1 \"two words\"", .propose(p1, "two words")),
    ("propose p1 \"none\"", .propose(p1, "none")),
    ("propose p1 \"say \\\"hi\\\"\"", .propose(p1, "say \"hi\"")),
    ("propose p1 日本語", .propose(p1, "日本語")),
    ("propose p1 3", .propose(p1, "3")),
    ("prepare p1 5", .prepare(p1, round: 5, value: nil)),
    ("prepare p1 5 red", .prepare(p1, round: 5, value: "red")),
    ("timeout p1", .timeout(p1)),
    ("deliver", .deliver(.oldest)),
    ("deliver 7", .deliver(.id(MessageID(raw: 7)))),
    ("deliver #7", .deliver(.id(MessageID(raw: 7)))),
    ("deliver p1->a1", .deliver(.link(from: p1, to: a1))),
    ("deliver p1 -> a1", .deliver(.link(from: p1, to: a1))),
    ("deliver p1-> a1", .deliver(.link(from: p1, to: a1))),
    ("deliver p1 ->a1", .deliver(.link(from: p1, to: a1))),
    ("deliver all", .deliverAll),
    ("drop 4", .drop(.id(MessageID(raw: 4)))),
    ("drop #4", .drop(.id(MessageID(raw: 4)))),
    ("drop a1->p1", .drop(.link(from: a1, to: p1))),
    ("duplicate #4", .duplicate(.id(MessageID(raw: 4)))),
    ("duplicate p1 -> a2", .duplicate(.link(from: p1, to: a2))),
    ("dup 4", .duplicate(.id(MessageID(raw: 4)))),
    ("crash a2", .crash([a2])),
    ("crash a1 a2", .crash([a1, a2])),
    ("recover a1 a2", .recover([a1, a2])),
    ("partition a1 p1 | a2", .partition([[a1, p1], [a2]])),
    ("partition a1|a2|l1", .partition([[a1], [a2], [l1]])),
    ("partition p1", .partition([[p1]])),
    ("heal", .heal),
    ("run", .run(steps: Cluster.defaultRunSteps, seed: nil)),
    ("run steps=10", .run(steps: 10, seed: nil)),
    ("run seed=3", .run(steps: Cluster.defaultRunSteps, seed: 3)),
    ("run seed=18446744073709551615 steps=1", .run(steps: 1, seed: UInt64.max)),
    ("run brief", .run(steps: Cluster.defaultRunSteps, seed: nil, brief: true)),
    (
      "run until violation seed=2",
      .run(steps: Cluster.defaultRunSteps, seed: 2, untilViolation: true)
    ),
    (
      "run brief steps=9 until violation",
      .run(steps: 9, seed: nil, untilViolation: true, brief: true)
    ),
    ("set bug no-persist", .setBugs([.noPersist])),
    ("set bugs no-persist small-quorum", .setBugs([.noPersist, .smallQuorum])),
    ("set bug none", .setBugs([])),
    ("set backoff none", .setBackoff(.none)),
    ("set backoff fixed", .setBackoff(.fixed(Backoff.defaultBase))),
    ("set backoff fixed 7", .setBackoff(.fixed(7))),
    ("set backoff random", .setBackoff(.randomized(Backoff.defaultBase))),
    ("set backoff randomized 3", .setBackoff(.randomized(3))),
    ("set timeout 30", .setTimeout(30)),
    ("status", .status),
    ("st", .status),
    ("help", .help(nil)),
    ("help deliver", .help("deliver")),
    ("?", .help(nil)),
    ("expect chosen red", .expect(.chosen("red"))),
    ("expect chosen none", .expect(.chosen(nil))),
    ("expect chosen \"none\"", .expect(.chosen("none"))),
    ("expect learned l1 red", .expect(.learned(l1, "red"))),
    ("expect learned l1 none", .expect(.learned(l1, nil))),
    ("expect decided p1 red", .expect(.decided(p1, "red"))),
    ("expect promised a1 5.p1", .expect(.promised(a1, ballot(5, "p1")))),
    ("expect promised a1 none", .expect(.promised(a1, nil))),
    ("expect accepted a1 5.p1 red", .expect(.accepted(a1, ballot(5, "p1"), "red"))),
    ("expect accepted a1 none", .expect(.accepted(a1, nil, nil))),
    ("expect inflight 0", .expect(.inFlight(0, nil))),
    ("expect in-flight 3", .expect(.inFlight(3, nil))),
    ("expect inflight 3 accept", .expect(.inFlight(3, .accept))),
    ("expect safe", .expect(.safe)),
    ("expect violation", .expect(.violation)),
    ("net", .net),
    ("explain", .explain(time: nil)),
    ("explain 12", .explain(time: 12)),
    ("diagram", .diagram(last: nil)),
    ("diagram last 5", .diagram(last: 5)),
    ("history", .history(all: false)),
    ("history all", .history(all: true)),
    ("undo", .undo(1)),
    ("undo 3", .undo(3)),
    ("redo", .redo(1)),
    ("redo 2", .redo(2)),
    ("goto 4", .goto(.command(4))),
    ("goto start", .goto(.bookmark("start"))),
    ("bookmark start", .bookmark("start")),
    ("save duel.paxos", .save(path: "duel.paxos")),
    ("load \"my lesson.paxos\"", .load(path: "my lesson.paxos")),
    ("sessions", .sessions),
    ("export json run.json", .export(ExportRequest(format: .json, path: "run.json"))),
    ("export mermaid - from=3", .export(ExportRequest(format: .mermaid, path: "-", from: 3))),
    (
      "export dot \"my run.dot\" from=2 to=9",
      .export(ExportRequest(format: .dot, path: "my run.dot", from: 2, to: 9))
    ),
    (
      "export markdown notes.md to=0",
      .export(ExportRequest(format: .markdown, path: "notes.md", to: 0))
    ),
    ("compare backoff", .compareBackoff(seeds: 100, steps: 2000)),
    ("compare backoff steps=50 seeds=7", .compareBackoff(seeds: 7, steps: 50)),
    ("compare backoff waits=0,5,40", .compareBackoff(seeds: 100, steps: 2000, waits: [0, 5, 40])),
    ("check", .check(CheckOptions())),
    ("check apply", .checkApply(stuck: false)),
    ("quit", .quit),
    ("exit", .quit),
    ("open lesson-1", .open("lesson-1")),
    ("lesson", .lesson(nil)),
    ("lesson 3", .lesson("3")),
    ("lesson first-consensus", .lesson("first-consensus")),
    ("deliver # a comment", .deliver(.oldest)),
    ("  deliver   #7   # then a comment", .deliver(.id(MessageID(raw: 7)))),
    ("title First consensus", .teach(.title("First consensus"))),
    ("summary Two phases, one value", .teach(.summary("Two phases, one value"))),
    ("say It's \"red\" # as written", .teach(.say("It's \"red\" # as written"))),
    ("pause", .teach(.pause)),
    (
      "ask \"Chosen?\" answer no or \"not yet\"",
      .teach(.ask(Question(text: "Chosen?", answers: ["no", "not yet"])))
    ),
    ("reveal No: one is not a majority.", .teach(.reveal("No: one is not a majority."))),
  ]

  @Test(arguments: forms) func aFormParses(_ line: String, _ command: Command) throws {
    #expect(try Parser.parse(line) == command)
  }

  @Test func everyCommandOfTheVocabularyHasAParsedForm() {
    let parsed = Set(Self.forms.compactMap { $0.0.split(separator: " ").first.map(String.init) })
    for spec in Vocabulary.commands {
      #expect(
        parsed.contains(spec.name) || spec.aliases.contains(where: parsed.contains),
        "no form of '\(spec.name)' is tested")
    }
  }

  @Test(arguments: ["", "   ", "\t", "# only a comment", "#", "  # indented comment"])
  func blankLinesAndCommentsAreNothing(_ line: String) throws {
    #expect(try Parser.parse(line) == nil)
  }

  @Test func aHashSevenIsSeven() throws {
    for selector in ["7", "#7", "007"] {
      #expect(try Parser.parse("deliver \(selector)") == .deliver(.id(MessageID(raw: 7))))
    }
  }

  @Test(arguments: ["Deliver", "DELIVER", "deliver_", "del", "deliver#7"])
  func commandWordsAreExact(_ word: String) {
    #expect(throws: ScriptError.self) { try Parser.parse(word) }
  }
}
