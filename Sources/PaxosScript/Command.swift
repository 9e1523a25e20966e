import PaxosCheck
import PaxosCore
import PaxosSim

/// One line of the language, parsed.
public enum Command: Hashable, Sendable {
  /// `log`: a replicated log running a key-value store, not a single decision.
  case cluster(acceptors: Int, proposers: Int, learners: Int, log: Bool = false)
  case add(Roles, [NodeID])
  case reset
  case propose(NodeID, String)
  case prepare(NodeID, round: Int, value: String?)
  case timeout(NodeID)
  /// A client hands a command to a proposer of a log cluster.
  case request(NodeID, ClientCommand)
  /// The client sends a request (by its id) again, to a proposer.
  case retry(ValueID, NodeID)
  case catchup(NodeID)
  case deliver(MessageSelector)
  case deliverAll
  case drop(MessageSelector)
  case duplicate(MessageSelector)
  case crash([NodeID])
  case recover([NodeID])
  case partition([[NodeID]])
  case heal
  /// `until violation` stops at the first step that breaks safety; `brief` prints only what
  /// matters to the outcome (see `Transcript`).
  case run(steps: Int, seed: UInt64?, untilViolation: Bool = false, brief: Bool = false)
  /// Many seeded runs from here under each backoff, on copies: a table, the cluster unchanged.
  /// `waits` lists the lengths of wait to compare; nil for none against the cluster's own.
  case compareBackoff(seeds: Int, steps: Int, waits: [Int]? = nil)
  case setBugs(Set<Bug>)
  case setBackoff(Backoff)
  case setTimeout(Int)
  case status
  case net
  case log
  case diagram(last: Int?)
  case history(all: Bool)
  case explain(time: Int?)
  case undo(Int)
  case redo(Int)
  case goto(Moment)
  case bookmark(String)
  case help(String?)
  case expect(Expectation)
  /// Explores every schedule from here within the bounds; the cluster is unchanged.
  case check(CheckOptions)
  /// Plays the last check's schedule, to its violation or (`stuck`) to its stuck state, as the
  /// commands it is made of.
  case checkApply(stuck: Bool)
  case export(ExportRequest)
  /// Commands about the session's files, carried out by the REPL, not by the interpreter.
  case save(path: String)
  case load(path: String)
  case sessions
  /// Go on in another saved session.
  case open(String)
  case quit
  /// Takes a lesson (or lists them, for nil): the REPL goes on on the lesson's session.
  case lesson(String?)
  /// A lesson's teaching line: narration, a pause, a question or its reveal.
  case teach(Teaching)
}

/// Where `goto` goes: just after a numbered command, or to a bookmark.
public enum Moment: Hashable, Sendable {
  case command(Int)
  case bookmark(String)
}

extension Command {
  /// The command word the line started with, for usage hints.
  public var word: CommandWord {
    switch self {
    case .cluster: .cluster
    case .add: .add
    case .reset: .reset
    case .propose: .propose
    case .prepare: .prepare
    case .timeout: .timeout
    case .request: .request
    case .retry: .retry
    case .catchup: .catchup
    case .log: .log
    case .deliver, .deliverAll: .deliver
    case .drop: .drop
    case .duplicate: .duplicate
    case .crash: .crash
    case .recover: .recover
    case .partition: .partition
    case .heal: .heal
    case .run: .run
    case .compareBackoff: .compare
    case .setBugs, .setBackoff, .setTimeout: .set
    case .status: .status
    case .net: .net
    case .diagram: .diagram
    case .history: .history
    case .explain: .explain
    case .undo: .undo
    case .redo: .redo
    case .goto: .goto
    case .bookmark: .bookmark
    case .help: .help
    case .expect: .expect
    case .check, .checkApply: .check
    case .export: .export
    case .save: .save
    case .load: .load
    case .sessions: .sessions
    case .quit: .quit
    case .lesson: .lesson
    case .open: .open
    case .teach(let teaching): teaching.word
    }
  }

  /// The word after the command word that picks one of its forms (`expect applied`), so that a
  /// refusal shows that form alone.
  var topic: String? {
    switch self {
    case .expect(let expectation): expectation.keyword
    case .checkApply: "apply"
    default: nil
    }
  }

  /// Whether the command changes the cluster, and so belongs in the history that rebuilds it.
  /// Not `check apply`: the history keeps the commands it plays, each as its own.
  public var changesCluster: Bool {
    switch self {
    case .cluster, .add, .reset, .propose, .prepare, .timeout, .request, .retry, .catchup,
      .deliver, .deliverAll, .drop, .duplicate, .crash, .recover, .partition, .heal, .run,
      .setBugs, .setBackoff, .setTimeout:
      true
    case .status, .net, .log, .diagram, .history, .explain, .compareBackoff, .undo, .redo, .goto,
      .bookmark, .help, .expect, .check, .checkApply, .export, .save, .load, .sessions, .open,
      .quit, .lesson, .teach:
      false
    }
  }

  /// Whether the command goes back or forth in the history instead of adding to it.
  public var movesInTime: Bool {
    switch self {
    case .undo, .redo, .goto: true
    default: false
    }
  }

  /// Whether a session file keeps the line: everything that changes the cluster or moves in
  /// its history, not views, checks or file commands.
  public var isRecorded: Bool {
    switch self {
    case .bookmark: true
    default: changesCluster || movesInTime
    }
  }
}

/// What an `expect` line checks.
public enum Expectation: Hashable, Sendable {
  case chosen(String?)
  case learned(NodeID, String?)
  case decided(NodeID, String?)
  case promised(NodeID, Ballot?)
  case accepted(NodeID, Ballot?, String?)
  /// How many messages are in flight, of one kind when it is given.
  case inFlight(Int, MessageKind?)
  case safe
  case violation
  // Log clusters only.
  /// The command chosen in a slot: a command's text, `noop`, or nil for none.
  case slot(Int, String?)
  /// The learner applied slots 1 through N, and not N + 1.
  case applied(NodeID, Int)
  /// The value of a key in a learner's store; nil for none.
  case keyValue(NodeID, key: String, value: String?)
  /// The reply of a request: `ok`, a value, `none`, or `pending`.
  case reply(ValueID, String)
  /// Exactly these up proposers lead; none when empty.
  case leaders([NodeID])

  /// The word that names the check, as the forms in `help expect` write it.
  var keyword: String {
    switch self {
    case .chosen: "chosen"
    case .learned: "learned"
    case .decided: "decided"
    case .promised: "promised"
    case .accepted: "accepted"
    case .inFlight: "inflight"
    case .safe: "safe"
    case .violation: "violation"
    case .slot: "slot"
    case .applied: "applied"
    case .keyValue: "kv"
    case .reply: "reply"
    case .leaders: "leader"
    }
  }
}
