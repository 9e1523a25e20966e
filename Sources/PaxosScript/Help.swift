import PaxosCheck
import PaxosSim

/// `help`, `help COMMAND` and `help TOPIC`, from the vocabulary table.
enum Help {
  static func text(_ topic: String?) throws(ScriptError) -> [String] {
    guard let topic else { return overview() }
    if let spec = Vocabulary.spec(named: topic) { return command(spec) }
    if let found = Self.topic(named: topic) { return [found.rawValue + ":"] + listing(found) }
    let suggestions = Vocabulary.suggestions(for: topic)
    throw ScriptError(
      "no command '\(Words.shorten(topic))'"
        + (suggestions.isEmpty ? "" : "; did you mean '\(suggestions[0])'?"),
      hint: "'help' lists the commands")
  }

  /// Every command, grouped by what it is about.
  private static func overview() -> [String] {
    ["commands by topic ('help COMMAND' shows its forms and an example):"]
      + Topic.allCases.flatMap { topic in [topic.rawValue + ":"] + listing(topic) }
  }

  private static let nameWidth = (Vocabulary.commands.map(\.name.count).max() ?? 0) + 2

  private static func listing(_ topic: Topic) -> [String] {
    Vocabulary.commands.filter { $0.topic == topic }.map {
      "  " + $0.name.padded(to: nameWidth) + $0.summary
    }
  }

  /// The summary first, then every form, then an example.
  private static func command(_ spec: CommandSpec) -> [String] {
    [spec.summary] + spec.forms.map { "  " + $0 } + details(spec.word)
      + ["example: " + spec.example]
      + (spec.aliases.isEmpty ? [] : ["also written: " + spec.aliases.joined(separator: ", ")])
  }

  /// What a form's words stand for, where a form alone cannot say it.
  private static func details(_ word: CommandWord) -> [String] {
    switch word {
    case .set:
      [
        "backoff K: a refused proposer waits K ticks (fixed) or 1 to 2K (random) before retrying;"
          + " timeout K: a proposer retries an attempt still unfinished after K ticks",
        "ticks count the simulated time that 'status' shows: each step takes one",
        "teaching switches, each breaking one rule:",
      ]
        + Bug.allCases.map { "  \($0.rawValue): \($0.summary)" }
    case .run:
      [
        "steps=K: take at most K steps, each one delivery or one timer firing; when only timers"
          + " are left, the time jumps ahead to the next one",
        "until violation: stop at the step that breaks safety, and say so",
        "brief: print only choices, learns, refusals (a proposer abandoning its ballot),"
          + " faults (crashes, recoveries, lost messages) and violations, then where things stand",
      ]
    case .compare:
      [
        "waits=K,K,...: compare no wait (0) and, for each other K, a fixed wait of K ticks and"
          + " a random one of 1 to 2K; without it, no wait against the cluster's own backoff"
      ]
    case .check: checkDetails
    default: []
    }
  }

  /// What `check` does, with the defaults of its options as `CheckOptions` sets them.
  private static var checkDetails: [String] {
    let defaults = CheckOptions()
    let budgets = [CheckOptions.Bound.drops, .duplicates, .crashes, .recoveries, .timeouts]
    return [
      "from the cluster as it is, it tries every order of what can happen: deliver any message"
        + " in flight and, each within its budget per schedule, drop one, duplicate one, crash a"
        + " node that is up, recover one that is down, fire a proposer's timeout (a new round)",
      "it makes no new proposals or requests, and the partition stays as it is",
      "depth=D: at most D events in one schedule (\(defaults.depth)); "
        + budgets.map { "\($0.rawValue)=N (\(defaults[$0]))" }.joined(separator: ", ")
        + ": the budgets; timeouts bound the ballots",
      "states=N: stop after N distinct states (\(defaults.states)); workers=N: search with N"
        + " threads (\(defaults.workers)), same result; symmetry: acceptors with the same roles"
        + " count as interchangeable (off)",
      "breadth first: a schedule it reports is a shortest one; 'check apply' plays it here, as"
        + " commands that 'undo' takes back ('check apply stuck': the one to a stuck state);"
        + " both need the cluster as it was at the check",
      "two states are the same when the nodes' protocol state (in memory and on disk), which"
        + " nodes are up, the messages in flight (a multiset of their contents), the partition,"
        + " what was chosen and the budgets used are; the trace, message numbers, the clock and"
        + " when timers are due (only whether one is armed) do not count",
      "a bounded check is not a proof: 'no violation' says no schedule within these bounds breaks"
        + " safety; only Paxos's proof covers every schedule",
    ]
  }

  /// A topic by its name; `time-travel` or `time` for "time travel", as a line has no spaces
  /// inside a word.
  static func topic(named name: String) -> Topic? {
    Topic.allCases.first { topic in
      topic.rawValue == name || topic.rawValue.replacing(" ", with: "-") == name
        || topic.rawValue.split(separator: " ").first.map(String.init) == name
    }
  }
}
