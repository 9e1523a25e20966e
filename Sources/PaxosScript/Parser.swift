import PaxosCore
import PaxosSim

/// Turns a line into a `Command`, or says what is wrong with it and how to write it.
public enum Parser {
  /// Nil for a blank line or a comment.
  public static func parse(_ line: String) throws(ScriptError) -> Command? {
    // Narration is prose, not tokens: quotes, apostrophes and # are part of the text.
    if let prose = try ProseLine.parse(line) { return prose }
    var words = try Words(line: line)
    guard let head = words.next() else { return nil }
    if head.kind == .quoted {
      throw ScriptError(
        "a line starts with a command word, not a quoted value",
        hint: "remove the quotes: \(Words.shorten(head.text))")
    }
    guard head.kind == .word, let command = Vocabulary.command(named: head.text) else {
      let shown = head.text.count > 40 ? String(head.text.prefix(40)) + "..." : head.text
      let suggestions = head.kind == .word ? Vocabulary.suggestions(for: head.text) : []
      throw ScriptError(
        "unknown command '\(shown)'"
          + (suggestions.isEmpty
            ? ""
            : "; did you mean " + suggestions.prefix(3).map { "'\($0)'" }.joined(separator: " or ")
              + "?"),
        hint: "'help' lists the commands")
    }
    words.command = command
    let parsed = try parse(command, &words)
    try words.finish()
    return parsed
  }

  private static func parse(_ command: CommandWord, _ words: inout Words) throws(ScriptError)
    -> Command
  {
    switch command {
    case .cluster:
      let limit = Configuration.maxAcceptors
      let acceptors = try words.count("the number of acceptors", minimum: 1, maximum: limit)
      let proposers =
        words.peekWord == "log"
        ? 1 : try words.optionalCount("the number of proposers", maximum: limit) ?? 1
      let learners =
        words.peekWord == "log"
        ? 1 : try words.optionalCount("the number of learners", maximum: limit) ?? 1
      let log = words.peekWord == "log"
      if log { _ = words.next() }
      return .cluster(acceptors: acceptors, proposers: proposers, learners: learners, log: log)
    case .add:
      let roles = try words.roles()
      let names = try words.nodes(atLeastOne: "a name for the new node")
      return .add(roles, names)
    case .reset: return .reset
    case .propose:
      return .propose(try words.node("a proposer"), try words.value())
    case .prepare:
      let proposer = try words.node("a proposer")
      let round = try words.count("a round number", minimum: 1)
      return .prepare(proposer, round: round, value: try words.optionalValue())
    case .timeout: return .timeout(try words.node("a proposer"))
    case .request:
      let proposer = try words.node("a proposer")
      return .request(proposer, try words.clientCommand())
    case .retry:
      let request = try words.requestID()
      return .retry(request, try words.node("the proposer to send it to"))
    case .catchup: return .catchup(try words.node("a learner"))
    case .log: return .log
    case .deliver:
      if words.peekWord == "all" {
        _ = words.next()
        return .deliverAll
      }
      return .deliver(try words.optionalSelector() ?? .oldest)
    case .drop:
      return .drop(try words.selector())
    case .duplicate:
      return .duplicate(try words.selector())
    case .crash: return .crash(try words.nodes(atLeastOne: "a node to crash"))
    case .recover: return .recover(try words.nodes(atLeastOne: "a node to recover"))
    case .partition: return .partition(try words.groups())
    case .heal: return .heal
    case .run: return try words.runOptions()
    case .compare: return try words.comparison()
    case .set: return try words.setting()
    case .status: return .status
    case .net: return .net
    case .diagram:
      guard words.peekWord == "last" else { return .diagram(last: nil) }
      _ = words.next()
      return .diagram(last: try words.count("how many messages", minimum: 1))
    case .history:
      guard words.peekWord == "all" else { return .history(all: false) }
      _ = words.next()
      return .history(all: true)
    case .explain: return .explain(time: try words.optionalCount("a time", minimum: 1))
    case .undo: return .undo(try words.optionalCount("how many commands", minimum: 1) ?? 1)
    case .redo: return .redo(try words.optionalCount("how many commands", minimum: 1) ?? 1)
    case .goto: return .goto(try words.moment())
    case .bookmark: return .bookmark(try words.bookmarkName())
    case .export: return .export(try words.exportRequest())
    case .save: return .save(path: try words.path())
    case .load: return .load(path: try words.path())
    case .sessions: return .sessions
    case .open: return .open(try words.text("the session's name"))
    case .quit: return .quit
    case .lesson: return .lesson(words.next()?.text)
    case .help: return .help(words.next()?.text)
    case .expect: return .expect(try words.expectation())
    case .check: return try words.check()
    case .pause: return .teach(.pause)
    case .ask: return .teach(.ask(try words.question()))
    case .title, .summary, .say, .reveal:
      // Reached only if ProseLine did not see the word first; keep the words as the text.
      var text: [String] = []
      while let token = words.next() { text.append(token.text) }
      return .teach(Teaching.prose(command, text.joined(separator: " ")))
    }
  }
}
