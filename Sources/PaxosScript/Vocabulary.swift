/// The command words of the language.
public enum CommandWord: String, CaseIterable, Sendable {
  case cluster, add, reset, set
  case propose, prepare, timeout
  case request, retry, catchup
  case deliver, drop, duplicate, partition, heal, run, compare
  case crash, recover
  case status, net, log, diagram, history, explain
  case undo, redo, goto, bookmark
  case expect, check
  case export
  case save, load, sessions, open, quit, help
  case lesson
  case title, summary, say, pause, ask, reveal
}

/// What `help` groups commands by.
public enum Topic: String, CaseIterable, Sendable {
  case cluster, proposers
  case log = "replicated log"
  case network, faults, views
  case timeTravel = "time travel"
  case checks, export, session, lessons
}

/// A command's forms, summary and example.
public struct CommandSpec: Sendable {
  public let word: CommandWord
  public var name: String { word.rawValue }
  public let topic: Topic
  public let aliases: [String]
  public let forms: [String]
  public let summary: String
  public let example: String

  init(
    _ word: CommandWord, _ topic: Topic, aliases: [String] = [], forms: [String],
    summary: String, example: String
  ) {
    self.word = word
    self.topic = topic
    self.aliases = aliases
    self.forms = forms
    self.summary = summary
    self.example = example
  }
}

/// One table of the commands, which parsing, `help`, completion and "did you mean" all read.
public enum Vocabulary {
  public static let commands: [CommandSpec] =
    [
      CommandSpec(
        .cluster, .cluster, forms: ["cluster A [P [L]] [log]"],
        summary:
          "create acceptors a1..aA, proposers p1..pP and learners l1..lL (P and L default to 1);"
          + " with log, a replicated log running a key-value store",
        example: "cluster 3 2 1"),
      CommandSpec(
        .add, .cluster, forms: ["add ROLE[+ROLE...] NAME..."],
        summary: "add nodes with roles proposer, acceptor, learner",
        example: "add proposer+learner s1"),
      CommandSpec(
        .reset, .cluster, forms: ["reset"], summary: "forget the cluster and its history",
        example: "reset"),
      CommandSpec(
        .set, .cluster,
        forms: [
          "set bug NAME... | set bug none", "set backoff none | fixed [K] | random [K]",
          "set timeout K",
        ],
        summary:
          "teaching switches that break the protocol, the retry backoff, the attempt timeout",
        example: "set bug no-persist"),
      CommandSpec(
        .propose, .proposers, forms: ["propose P VALUE"],
        summary: "a client asks P to get VALUE chosen: phase 1 with a fresh, higher round",
        example: "propose p1 red"),
      CommandSpec(
        .prepare, .proposers, forms: ["prepare P N [VALUE]"],
        summary: "P starts phase 1 with ballot N.P (in a log cluster, with no value)",
        example: "prepare p1 5 red"),
      CommandSpec(
        .timeout, .proposers, forms: ["timeout P"],
        summary:
          "P's retry timer fires: it starts phase 1 again with a higher round (in a log cluster,"
          + " also an idle P: a follower that suspects the leader)",
        example: "timeout p1"),
      CommandSpec(
        .request, .log, forms: ["request P put KEY VALUE | append KEY VALUE | get KEY"],
        summary:
          "a client hands a command to P: the next request id (r1, r2, ...); a leader puts it in"
          + " its next slot, any other P starts phase 1",
        example: "request p1 put x 1"),
      CommandSpec(
        .retry, .log, forms: ["retry rN P"],
        summary: "the client sends request rN again, same id and command, to P",
        example: "retry r1 p2"),
      CommandSpec(
        .catchup, .log, forms: ["catchup L"],
        summary: "learner L asks every proposer and learner for the chosen slots it lacks",
        example: "catchup l1"),
      CommandSpec(
        .deliver, .network, forms: ["deliver", "deliver ID", "deliver FROM->TO", "deliver all"],
        summary:
          "deliver the oldest message, message #ID, the oldest on a link, or all until none is left",
        example: "deliver #7"),
      CommandSpec(
        .drop, .network, forms: ["drop ID", "drop FROM->TO"], summary: "lose a message in flight",
        example: "drop 4"),
      CommandSpec(
        .duplicate, .network, aliases: ["dup"], forms: ["duplicate ID", "duplicate FROM->TO"],
        summary: "put a second copy of a message in flight", example: "duplicate 4"),
      CommandSpec(
        .partition, .network, forms: ["partition N... | N... [| N...]"],
        summary: "cut the network into sides; nodes not named form one more side",
        example: "partition a1 p1 | a2 a3"),
      CommandSpec(
        .heal, .network, forms: ["heal"], summary: "remove the partition", example: "heal"),
      CommandSpec(
        .run, .network, forms: ["run [steps=K] [seed=S] [until violation] [brief]"],
        summary:
          "let a seeded scheduler take up to K steps (1000), each delivering a message or firing a timer",
        example: "run seed=3"),
      CommandSpec(
        .compare, .network, forms: ["compare backoff [seeds=N] [steps=K] [waits=K,K,...]"],
        summary:
          "how soon the proposers decide under each backoff, over seeds 1..N (100) of runs"
          + " from here (on copies)",
        example: "compare backoff seeds=50"),
      CommandSpec(
        .crash, .faults, forms: ["crash NODE..."],
        summary: "stop nodes: they forget all but their disk", example: "crash a2"),
      CommandSpec(
        .recover, .faults, forms: ["recover NODE..."], summary: "restart nodes from their disk",
        example: "recover a2"),
      CommandSpec(
        .status, .views, aliases: ["st"], forms: ["status"],
        summary: "a table of every node's state, then what is in flight and what was chosen",
        example: "status"),
      CommandSpec(
        .net, .views, forms: ["net"],
        summary: "the messages in flight, oldest first, and the partition", example: "net"),
      CommandSpec(
        .log, .log, forms: ["log"],
        summary:
          "the replicated log: a row per slot, what each acceptor accepted, what was chosen, and"
          + " which learners applied it; then each learner's store and each request's reply",
        example: "log"),
      CommandSpec(
        .diagram, .views, forms: ["diagram [last N]"],
        summary: "a sequence diagram of the recent messages, one column per node",
        example: "diagram last 20"),
      CommandSpec(
        .history, .views, forms: ["history [all]"],
        summary: "the commands that built the cluster, numbered, with bookmarks",
        example: "history"),
      CommandSpec(
        .explain, .views, forms: ["explain [TIME]"],
        summary:
          "say why your last command did what it did (or what happened at TIME), from the trace",
        example: "explain"),
      CommandSpec(
        .undo, .timeTravel, forms: ["undo [N]"], summary: "take back the last N commands (1)",
        example: "undo 2"),
      CommandSpec(
        .redo, .timeTravel, forms: ["redo [N]"], summary: "bring back N undone commands (1)",
        example: "redo"),
      CommandSpec(
        .goto, .timeTravel, forms: ["goto N", "goto NAME"],
        summary: "go to just after command N of 'history', or to a bookmark", example: "goto 4"),
      CommandSpec(
        .bookmark, .timeTravel, forms: ["bookmark NAME"],
        summary: "name the present moment, to come back with 'goto NAME'",
        example: "bookmark promised"),
      CommandSpec(
        .expect, .checks,
        forms: [
          "expect chosen VALUE|none", "expect learned L VALUE|none", "expect decided P VALUE|none",
          "expect promised A N.P|none", "expect accepted A N.P VALUE|none",
          "expect inflight K [KIND]",
          "expect safe", "expect violation",
          "expect slot S COMMAND|noop|none", "expect applied L N", "expect kv L KEY VALUE|none",
          "expect reply rN VALUE|ok|none|pending", "expect leader P...|none",
        ],
        summary: "check the cluster; a script stops with an error when the check fails",
        example: "expect chosen red"),
      CommandSpec(
        .check, .checks,
        forms: [
          "check [depth=D] [drops=N] [duplicates=N] [crashes=N] [recoveries=N] [timeouts=N]"
            + " [states=N] [workers=N] [symmetry]",
          "check apply [stuck]",
        ],
        summary:
          "try every order of deliveries and faults from here, within budgets: no violation, or"
          + " a shortest schedule that breaks safety, which 'check apply' plays",
        example: "check timeouts=2"),
      CommandSpec(
        .export, .export, forms: ["export json|mermaid|dot|markdown FILE [from=TIME] [to=TIME]"],
        summary:
          "write the run (or what happened from..to) as a JSON trace, a diagram or notes; FILE - prints it",
        example: "export mermaid duel.mmd"),
      CommandSpec(
        .save, .session, forms: ["save FILE"],
        summary: "write the session as a script that rebuilds it; FILE - prints it",
        example: "save duel.paxos"),
      CommandSpec(
        .load, .session, forms: ["load FILE"],
        summary: "run a script's commands here, as if typed", example: "load duel.paxos"),
      CommandSpec(
        .sessions, .session, forms: ["sessions"], summary: "list the saved sessions",
        example: "sessions"),
      CommandSpec(
        .open, .session, forms: ["open NAME"],
        summary: "go on in the saved session NAME (a new one if there is none); this one is kept",
        example: "open default"),
      CommandSpec(
        .quit, .session, aliases: ["exit"], forms: ["quit"],
        summary: "leave; the session is already on disk", example: "quit"),
      CommandSpec(
        .help, .session, aliases: ["?"], forms: ["help [COMMAND]"],
        summary: "list commands or show one", example: "help deliver"),
      CommandSpec(
        .lesson, .lessons, forms: ["lesson [N|NAME]"],
        summary:
          "list the lessons and your progress, or take one, then go on on its cluster (lesson-N)",
        example: "lesson 1"),
    ] + TeachingVocabulary.commands

  public static func spec(named word: String) -> CommandSpec? {
    command(named: word).map(spec)
  }

  public static func spec(_ word: CommandWord) -> CommandSpec {
    specsByWord[word]
      ?? CommandSpec(word, .session, forms: [word.rawValue], summary: "", example: word.rawValue)
  }

  /// The command a word names, by its name or an alias.
  public static func command(named word: String) -> CommandWord? { wordsByName[word] }

  private static let specsByWord = Dictionary(
    commands.map { ($0.word, $0) }, uniquingKeysWith: { first, _ in first })

  private static let wordsByName = Dictionary(
    commands.flatMap { spec in ([spec.name] + spec.aliases).map { ($0, spec.word) } },
    uniquingKeysWith: { first, _ in first })

  /// The closest command names to a misspelt word, nearest first.
  public static func suggestions(for word: String) -> [String] {
    let lowered = word.lowercased()
    let scored = commands.map { spec in
      (spec.name, EditDistance.between(lowered, spec.name))
    }
    let limit = max(1, min(2, lowered.count / 3))
    return scored.filter { $0.1 <= limit || $0.0.hasPrefix(lowered) && !lowered.isEmpty }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
  }

  /// The command's forms, or only those for `topic` (`expect chosen`, `set backoff`) when the
  /// line named one: a mistake in one form does not need all eight. Nil for a command that
  /// takes no arguments: its name is all there is to write. The example is left out when it is
  /// the `refused` command itself: showing a student what they just typed helps nobody.
  public static func usage(_ spec: CommandSpec, topic: String? = nil, refused: Command? = nil)
    -> String?
  {
    guard spec.forms != [spec.name] else { return nil }
    let matching = spec.forms.filter { form in
      form.split(separator: " ").dropFirst().first.map { topic == String($0) } ?? false
    }
    let forms = matching.isEmpty ? spec.forms : matching
    let repeats = refused != nil && (try? Parser.parse(spec.example)) == refused
    let example = matching.isEmpty && !repeats ? " e.g. '\(spec.example)'" : ""
    return forms.map { "'\($0)'" }.joined(separator: " or ")
      + (example.isEmpty ? "" : "," + example)
  }
}

enum EditDistance {
  /// Levenshtein distance over characters.
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
