import PaxosCheck
import PaxosCore
import PaxosSim

/// Tab completion for the REPL: what may come at the cursor, given the words before it and the
/// state of the cluster. Pure: the line editor asks, this answers.
public enum Completion {
  /// What ends a word for completion. The line editor must break words on the same characters.
  public static let wordBreaks: Set<Character> = [" ", "\t", "|"]

  /// The words that may replace the word under the cursor, in the order to offer them.
  /// `cursor` is a UTF-8 offset into `line`, as line editors count.
  public static func candidates(line: String, cursor: Int, cluster: Cluster, timeline: Timeline)
    -> [String]
  {
    guard let place = Place(line: line, cursor: cursor) else { return [] }
    let offers: [String]
    if place.words.isEmpty {
      offers = commandNames(startingWith: place.partial)
    } else if let command = Vocabulary.command(named: place.words[0]) {
      let state = State(cluster: cluster, timeline: timeline)
      offers = arguments(of: command, after: Array(place.words.dropFirst()), place.partial, state)
    } else {
      offers = []
    }
    var seen = Set<String>()
    return offers.filter { $0.hasPrefix(place.partial) && seen.insert($0).inserted }
  }

  /// Whether the word under the cursor is a file's path (`save FILE`, `load FILE`,
  /// `export FORMAT FILE`), which the line editor completes from the disk.
  public static func expectsPath(line: String, cursor: Int) -> Bool {
    guard let place = Place(line: line, cursor: cursor), let first = place.words.first else {
      return false
    }
    switch Vocabulary.command(named: first) {
    case .save, .load: return place.words.count == 1
    case .export: return place.words.count == 2
    default: return false
    }
  }

  /// The command whose name argument is under the cursor when it names something outside the
  /// cluster, which the line editor completes from the files: a lesson (`lesson N|NAME`) or a
  /// saved session (`open NAME`). Nil elsewhere.
  public static func expectsName(line: String, cursor: Int) -> CommandWord? {
    guard let place = Place(line: line, cursor: cursor), place.words.count == 1,
      let command = Vocabulary.command(named: place.words[0]), [.lesson, .open].contains(command)
    else { return nil }
    return command
  }

  // MARK: The words before the cursor

  /// The complete words before the cursor and the partial word under it.
  struct Place {
    var words: [String]
    var partial: String

    /// Nil where nothing can be completed: in a comment, or after a quote (a quoted value may
    /// hold blanks, so the words after it cannot be counted by blanks).
    init?(line: String, cursor: Int) {
      let bytes = line.utf8.prefix(max(0, cursor))
      let text = String(decoding: bytes, as: UTF8.self)
      guard !text.contains("\"") else { return nil }
      var pieces = text.split(
        omittingEmptySubsequences: false, whereSeparator: { Completion.wordBreaks.contains($0) }
      ).map(String.init)
      partial = pieces.popLast() ?? ""
      words = pieces.filter { !$0.isEmpty }
      // `#` starts a comment unless a digit follows it (`#7` is a message).
      let isComment = { (word: String) in
        word.hasPrefix("#") && word.dropFirst().first?.isNumber != true
      }
      guard !words.contains(where: isComment) else { return nil }
      guard partial.count <= 1 || !isComment(partial) else { return nil }
    }
  }

  /// What the cluster offers to complete from, read once per completion.
  struct State {
    let cluster: Cluster
    let timeline: Timeline

    var allNodes: [String] { cluster.nodes.map(\.id.name) }

    func nodes(_ role: Roles, up: Bool? = nil) -> [String] {
      cluster.nodes.filter { $0.roles.contains(role) && (up == nil || $0.isUp == up) }
        .map(\.id.name)
    }

    func nodes(up: Bool) -> [String] {
      cluster.nodes.filter { $0.isUp == up }.map(\.id.name)
    }

    /// `#3` style, or bare numbers when the user started typing digits.
    /// Only the oldest `Completion.maxMessages` that fit are offered: a livelocked run can
    /// leave a million messages in flight, and a key press must stay instant.
    func messageIDs(bare: Bool, startingWith partial: String) -> [String] {
      var offered: [String] = []
      for id in cluster.inFlight {
        let text = bare ? "\(id.raw)" : id.description
        guard text.hasPrefix(partial) else { continue }
        offered.append(text)
        if offered.count == Completion.maxMessages { break }
      }
      return offered
    }

    /// `p1->a1` for each link with a message in flight, in the order of their oldest message;
    /// read from the oldest messages only, for the same reason.
    var links: [String] {
      var seen = Set<String>()
      return cluster.inFlight.prefix(Completion.maxScannedLinks).compactMap { id in
        let message = cluster.trace[id]
        let link = "\(message.from)->\(message.to)"
        return seen.insert(link).inserted ? link : nil
      }
    }

    /// The values proposed so far, written as a script writes them.
    var values: [String] {
      cluster.config.isLog ? [] : cluster.values.texts.map(ValueTable.literal)
    }

    /// The ids of the requests made so far, the newest first: the one a client retries.
    var requestIDs: [String] {
      let count = cluster.requests.count
      return stride(from: count, to: max(0, count - Completion.maxMessages), by: -1).map {
        "r\($0)"
      }
    }

    /// The ballots proposers tried lately, newest first. Only the recent messages are read, so
    /// a key press costs the same after a million messages as after ten.
    var recentBallots: [String] {
      let messages = cluster.trace.messages
      let recent = messages[max(messages.startIndex, messages.endIndex - 4096)...]
      var seen = Set<Ballot>()
      return recent.reversed().filter { $0.kind == .prepare && seen.insert($0.ballot).inserted }
        .map(\.ballot.description)
    }
  }

  // MARK: Candidates

  /// Command names; their aliases only when no name fits (`ex` is `expect`, `exi` is `exit`).
  static func commandNames(startingWith partial: String) -> [String] {
    let names = Vocabulary.commands.map(\.name)
    guard !names.contains(where: { $0.hasPrefix(partial) }) else { return names }
    return Vocabulary.commands.flatMap(\.aliases).filter { $0.first?.isLetter == true }
  }

  private static func arguments(
    of command: CommandWord, after arguments: [String], _ partial: String, _ state: State
  ) -> [String] {
    let position = arguments.count
    switch command {
    case .propose:
      return position == 0 ? state.nodes(.proposer, up: true) : position == 1 ? state.values : []
    case .prepare, .timeout:
      return position == 0 ? state.nodes(.proposer, up: true) : []
    case .request:
      if position == 0 { return state.nodes(.proposer, up: true) }
      return position == 1 ? ClientCommand.Operation.allCases.map(\.rawValue) : []
    case .retry:
      if position == 0 { return state.requestIDs }
      return position == 1 ? state.nodes(.proposer, up: true) : []
    case .catchup:
      return position == 0 ? state.nodes(.learner, up: true) : []
    case .deliver:
      return position == 0 ? keywords(of: command) + messages(partial, state) : []
    case .drop, .duplicate:
      return position == 0 ? messages(partial, state) : []
    case .crash:
      return state.nodes(up: true).filter { !arguments.contains($0) }
    case .recover:
      return state.nodes(up: false).filter { !arguments.contains($0) }
    case .partition:
      return state.allNodes.filter { !arguments.contains($0) }
    case .add:
      return position == 0 ? roles(partial) : []
    case .set:
      return setting(arguments)
    case .run:
      if arguments.last == "until" { return ["violation"] }
      return ["steps=", "seed=", "until", "brief"].filter { option in
        !arguments.contains { $0.hasPrefix(option) }
      }
    case .compare:
      if position == 0 { return keywords(of: command) }
      return ["seeds=", "steps=", "waits="].filter { option in
        !arguments.contains { $0.hasPrefix(option) }
      }
    case .check:
      if arguments.first == "apply" { return position == 1 ? ["stuck"] : [] }
      let options = CheckOptions.Bound.allCases.map { $0.rawValue + "=" } + ["symmetry"]
      return (position == 0 ? keywords(of: command) : [])
        + options.filter { option in !arguments.contains { $0.hasPrefix(option) } }
    case .diagram, .history:
      return position == 0 ? keywords(of: command) : []
    case .goto:
      return position == 0 ? state.timeline.bookmarks.keys.sorted() : []
    case .help:
      return position == 0 ? Vocabulary.commands.map(\.name) + topicNames : []
    case .expect:
      return expectation(arguments, state)
    case .export:
      if position == 0 { return ExportFormat.allCases.map(\.rawValue) }
      return position >= 2
        ? ["from=", "to="].filter { option in !arguments.contains { $0.hasPrefix(option) } } : []
    case .cluster:
      return position >= 1 && position <= 3 ? ["log"] : []
    case .reset, .heal, .status, .net, .log, .explain, .undo, .redo, .bookmark, .save, .load,
      .sessions, .open, .quit, .lesson, .title, .summary, .say, .pause, .ask, .reveal:
      return []
    }
  }

  /// Lowercase words that open a command's forms: `deliver all`, `set bug`, `expect chosen`.
  static func keywords(of command: CommandWord) -> [String] {
    Vocabulary.spec(command).forms.compactMap { form in
      let words = form.split(separator: " ")
      guard words.count > 1 else { return nil }
      let word = words[1].trimmingPrefix("[").prefix { $0 != "]" }
      guard !word.isEmpty, word.allSatisfy({ $0.isLowercase || $0 == "-" }) else { return nil }
      return String(word)
    }
  }

  /// `help` takes a topic as one word: `time-travel`.
  static var topicNames: [String] {
    Topic.allCases.map { $0.rawValue.replacing(" ", with: "-") }
  }

  static let maxMessages = 500
  static let maxScannedLinks = 10_000

  private static func messages(_ partial: String, _ state: State) -> [String] {
    let bare = partial.first?.isNumber == true
    return state.messageIDs(bare: bare, startingWith: partial) + (bare ? [] : state.links)
  }

  /// `proposer`, or after `proposer+` the roles not named yet: `proposer+learner`.
  private static func roles(_ partial: String) -> [String] {
    let named = partial.split(separator: "+", omittingEmptySubsequences: false).dropLast()
    let head = named.map { $0 + "+" }.joined()
    return Roles.all.map(\.name).filter { !named.contains(Substring($0)) }.map { head + $0 }
  }

  private static func setting(_ arguments: [String]) -> [String] {
    guard let what = arguments.first else { return keywords(of: .set) }
    switch what {
    case "bug", "bugs":
      guard !arguments.contains("none") else { return [] }
      let bugs = Bug.allCases.map(\.rawValue).filter { !arguments.contains($0) }
      return arguments.count == 1 ? bugs + ["none"] : bugs
    case "backoff":
      return arguments.count == 1 ? ["none", "fixed", "random"] : []
    default:
      return []
    }
  }

  /// `expect` offers what could be true, not what is: the student states a prediction, and
  /// completing the actual answer would make it for them.
  private static func expectation(_ arguments: [String], _ state: State) -> [String] {
    guard let what = arguments.first else { return keywords(of: .expect) }
    switch (what, arguments.count) {
    case ("chosen", 1): return state.values + ["none"]
    case ("learned", 1): return state.nodes(.learner)
    case ("decided", 1): return state.nodes(.proposer)
    case ("promised", 1), ("accepted", 1): return state.nodes(.acceptor)
    case ("learned", 2), ("decided", 2): return state.values + ["none"]
    case ("promised", 2), ("accepted", 2): return state.recentBallots + ["none"]
    case ("accepted", 3): return state.values
    case ("inflight", 2), ("in-flight", 2): return MessageKind.allCases.map(\.name)
    case ("applied", 1), ("kv", 1): return state.nodes(.learner)
    case ("reply", 1): return state.requestIDs
    case ("reply", 2): return ["ok", "none", "pending"]
    case ("slot", 2): return ClientCommand.Operation.allCases.map(\.rawValue) + ["noop", "none"]
    case ("leader", _): return state.nodes(.proposer) + (arguments.count == 1 ? ["none"] : [])
    default: return []
    }
  }
}
