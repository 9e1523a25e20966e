/// The command words, their forms and examples: one table that parsing, `help` and "did you
/// mean" all read.
/// The command words of the language.
public enum CommandWord: String, CaseIterable, Sendable {
  case cluster, add, reset, propose, prepare, timeout, deliver, drop, duplicate, crash, recover
  case partition, heal, run, set, status, expect, help
}

public struct CommandSpec: Sendable {
  public let word: CommandWord
  public var name: String { word.rawValue }
  public let aliases: [String]
  public let forms: [String]
  public let summary: String
  public let example: String
}

public enum Vocabulary {
  public static let commands: [CommandSpec] = [
    CommandSpec(
      word: .cluster, aliases: [], forms: ["cluster A [P [L]]"],
      summary:
        "create acceptors a1..aA, proposers p1..pP and learners l1..lL (P and L default to 1)",
      example: "cluster 3 2 1"),
    CommandSpec(
      word: .add, aliases: [], forms: ["add ROLE[+ROLE...] NAME..."],
      summary: "add nodes with roles proposer, acceptor, learner",
      example: "add proposer+learner s1"),
    CommandSpec(
      word: .reset, aliases: [], forms: ["reset"], summary: "forget the cluster and its history",
      example: "reset"),
    CommandSpec(
      word: .propose, aliases: [], forms: ["propose P VALUE"],
      summary: "a client asks P to get VALUE chosen: phase 1 with a fresh, higher round",
      example: "propose p1 red"),
    CommandSpec(
      word: .prepare, aliases: [], forms: ["prepare P N [VALUE]"],
      summary: "P starts phase 1 with ballot N.P", example: "prepare p1 5 red"),
    CommandSpec(
      word: .timeout, aliases: [], forms: ["timeout P"],
      summary: "P's retry timer fires: it starts phase 1 again with a higher round",
      example: "timeout p1"),
    CommandSpec(
      word: .deliver, aliases: [],
      forms: ["deliver", "deliver ID", "deliver FROM->TO", "deliver all"],
      summary:
        "deliver the oldest message, message #ID, the oldest on a link, or all until none is left",
      example: "deliver #7"),
    CommandSpec(
      word: .drop, aliases: [], forms: ["drop ID", "drop FROM->TO"],
      summary: "lose a message in flight", example: "drop 4"),
    CommandSpec(
      word: .duplicate, aliases: ["dup"], forms: ["duplicate ID", "duplicate FROM->TO"],
      summary: "put a second copy of a message in flight", example: "duplicate 4"),
    CommandSpec(
      word: .crash, aliases: [], forms: ["crash NODE..."],
      summary: "stop nodes: they forget all but their disk", example: "crash a2"),
    CommandSpec(
      word: .recover, aliases: [], forms: ["recover NODE..."],
      summary: "restart nodes from their disk", example: "recover a2"),
    CommandSpec(
      word: .partition, aliases: [], forms: ["partition N... | N... [| N...]"],
      summary: "cut the network into sides; nodes not named form one more side",
      example: "partition a1 p1 | a2 a3"),
    CommandSpec(
      word: .heal, aliases: [], forms: ["heal"], summary: "remove the partition", example: "heal"),
    CommandSpec(
      word: .run, aliases: [], forms: ["run [steps=K] [seed=S]"],
      summary: "let a seeded scheduler deliver messages and fire timers (K defaults to 1000)",
      example: "run seed=3"),
    CommandSpec(
      word: .set, aliases: [],
      forms: [
        "set bug NAME... | set bug none", "set backoff none | fixed [K] | random [K]",
        "set timeout K",
      ],
      summary: "teaching switches that break the protocol, the retry backoff, the attempt timeout",
      example: "set bug no-persist"),
    CommandSpec(
      word: .status, aliases: ["st"], forms: ["status"],
      summary: "every node's state and the messages in flight", example: "status"),
    CommandSpec(
      word: .expect, aliases: [],
      forms: [
        "expect chosen VALUE|none", "expect learned L VALUE|none", "expect decided P VALUE|none",
        "expect promised A N.P|none", "expect accepted A N.P VALUE|none", "expect inflight K",
        "expect safe", "expect violation",
      ],
      summary: "check the cluster; a script stops with an error when the check fails",
      example: "expect chosen red"),
    CommandSpec(
      word: .help, aliases: ["?"], forms: ["help [COMMAND]"], summary: "list commands or show one",
      example: "help deliver"),
  ]

  public static func spec(named word: String) -> CommandSpec? {
    command(named: word).map(spec)
  }

  public static func spec(_ word: CommandWord) -> CommandSpec {
    specsByWord[word] ?? CommandSpec(word: word, aliases: [], forms: [], summary: "", example: "")
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
  /// takes no arguments: its name is all there is to write.
  public static func usage(_ spec: CommandSpec, topic: String? = nil) -> String? {
    guard spec.forms != [spec.name] else { return nil }
    let matching = spec.forms.filter { form in
      form.split(separator: " ").dropFirst().first.map { topic == String($0) } ?? false
    }
    let forms = matching.isEmpty ? spec.forms : matching
    let example = matching.isEmpty ? " e.g. '\(spec.example)'" : ""
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
