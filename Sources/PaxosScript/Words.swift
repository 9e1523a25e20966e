import PaxosCore
import PaxosSim

/// The tokens of one line after its command word, read one by one with errors that name the
/// command's forms.
struct Words {
  let line: String
  var tokens: [Token]
  var command: CommandWord?
  private var position = 0

  init(line: String) throws(ScriptError) {
    self.line = line
    tokens = try Lexer.tokens(line)
  }

  mutating func next() -> Token? {
    guard position < tokens.count else { return nil }
    defer { position += 1 }
    return tokens[position]
  }

  var peek: Token? { position < tokens.count ? tokens[position] : nil }

  var peekWord: String? { peek.flatMap { $0.kind == .word ? $0.text : nil } }

  func fail(_ message: String) -> ScriptError {
    let topic = tokens.count > 1 ? tokens[1].text : nil
    return ScriptError(
      message,
      hint: command.flatMap { Vocabulary.usage(Vocabulary.spec($0), topic: topic) }.map {
        "write " + $0
      })
  }

  func finish() throws(ScriptError) {
    guard let extra = peek else { return }
    let column = Lexer.column(of: extra.offset, in: line)
    if let command, Vocabulary.usage(Vocabulary.spec(command)) == nil {
      throw fail(
        "'\(command.rawValue)' takes no arguments; unexpected '\(Self.shorten(extra.text))' at column \(column)"
      )
    }
    throw fail("unexpected '\(Self.shorten(extra.text))' at column \(column)")
  }

  static func shorten(_ text: String) -> String {
    text.count > 40 ? String(text.prefix(40)) + "..." : text
  }

  // MARK: Numbers

  mutating func count(_ what: String, minimum: Int = 0, maximum: Int = .max) throws(ScriptError)
    -> Int
  {
    guard let token = next() else { throw fail("missing \(what)") }
    return try number(token, what, minimum: minimum, maximum: maximum)
  }

  mutating func optionalCount(_ what: String, minimum: Int = 0, maximum: Int = .max)
    throws(ScriptError) -> Int?
  {
    guard peek != nil, let token = next() else { return nil }
    return try number(token, what, minimum: minimum, maximum: maximum)
  }

  func number(_ token: Token, _ what: String, minimum: Int, maximum: Int = .max)
    throws(ScriptError) -> Int
  {
    guard token.kind == .word, !token.text.isEmpty,
      token.text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
    else {
      if token.text.hasPrefix("-"), token.text.dropFirst().allSatisfy(\.isNumber) {
        throw fail("\(what) cannot be negative: '\(Self.shorten(token.text))'")
      }
      throw fail("expected \(what), a whole number, not '\(Self.shorten(token.text))'")
    }
    guard let value = Int(token.text), value <= maximum else {
      throw fail("\(what) '\(Self.shorten(token.text))' is too large (at most \(maximum))")
    }
    guard value >= minimum else { throw fail("\(what) must be at least \(minimum), not \(value)") }
    return value
  }

  // MARK: Nodes and values

  mutating func node(_ what: String) throws(ScriptError) -> NodeID {
    guard let token = next() else { throw fail("missing \(what)") }
    return try Self.nodeID(token)
  }

  static func nodeID(_ token: Token) throws(ScriptError) -> NodeID {
    guard token.kind == .word, let id = NodeID(token.text) else {
      throw ScriptError(
        "'\(shorten(token.text))' is not a node name",
        hint: "a node name is 1 to \(NodeID.maxNameLength) letters, digits, _ or -,"
          + " starting with a letter, e.g. a1 or p2")
    }
    return id
  }

  mutating func nodes(atLeastOne what: String) throws(ScriptError) -> [NodeID] {
    var ids: [NodeID] = []
    while let token = peek, token.kind != .bar {
      _ = next()
      ids.append(try Self.nodeID(token))
    }
    guard !ids.isEmpty else { throw fail("missing \(what)") }
    return ids
  }

  mutating func value() throws(ScriptError) -> String {
    guard let value = try optionalValue() else { throw fail("missing a value") }
    return value
  }

  mutating func optionalValue() throws(ScriptError) -> String? {
    guard let token = next() else { return nil }
    return try Self.value(token)
  }

  static func value(_ token: Token) throws(ScriptError) -> String {
    switch token.kind {
    case .quoted:
      guard !token.text.isEmpty else {
        throw ScriptError(
          "a value cannot be empty", hint: "write a word or a quoted text, e.g. red")
      }
      return token.text
    case .word:
      guard token.text != "none" else {
        throw ScriptError(
          "'none' means no value here", hint: "to propose the word itself, quote it: \"none\"")
      }
      guard
        token.text.utf8.count <= Lexer.maxValueLength || token.text.count <= Lexer.maxValueLength
      else {
        throw ScriptError("a value is at most \(Lexer.maxValueLength) characters long")
      }
      return token.text
    case .bar:
      throw ScriptError("'|' is not a value", hint: "quote it: \"|\"")
    }
  }

  /// A value, or nil for the word `none`.
  mutating func valueOrNone() throws(ScriptError) -> String? {
    guard let token = next() else { throw fail("missing a value (or none)") }
    if token.kind == .word, token.text == "none" { return nil }
    return try Self.value(token)
  }

  // MARK: Messages

  mutating func selector() throws(ScriptError) -> MessageSelector {
    guard let selector = try optionalSelector() else { throw fail("missing a message") }
    return selector
  }

  /// `7`, `#7`, `p1->a1` or `p1 -> a1`.
  mutating func optionalSelector() throws(ScriptError) -> MessageSelector? {
    guard let token = next() else { return nil }
    guard token.kind == .word else {
      throw fail("expected a message, not '\(Self.shorten(token.text))'")
    }
    if token.text.first?.isNumber == true {
      let raw = try number(token, "a message number", minimum: 1, maximum: Int(UInt32.max))
      return .id(MessageID(raw: UInt32(raw)))
    }
    let parts = token.text.split(separator: "->", omittingEmptySubsequences: false)
    if parts.count == 2 {
      let from = Token(kind: .word, text: String(parts[0]), offset: token.offset)
      var toToken = Token(kind: .word, text: String(parts[1]), offset: token.offset)
      if parts[1].isEmpty {
        guard let next = next() else { throw fail("missing the receiver after '->'") }
        toToken = next
      }
      guard !parts[0].isEmpty else { throw fail("missing the sender before '->'") }
      return .link(from: try Self.nodeID(from), to: try Self.nodeID(toToken))
    }
    if peekWord == "->" || peekWord?.hasPrefix("->") == true, let arrow = next() {
      let rest = arrow.text.dropFirst(2)
      let toToken =
        rest.isEmpty ? next() : Token(kind: .word, text: String(rest), offset: arrow.offset)
      guard let toToken else { throw fail("missing the receiver after '->'") }
      return .link(from: try Self.nodeID(token), to: try Self.nodeID(toToken))
    }
    throw fail("expected a message: a number like 7 or #7, or a link like p1->a1")
  }

  // MARK: Time travel and files

  static let maxBookmarkLength = 32

  /// A bookmark: a letter, then letters, digits, `-` or `_`, so it never reads as a number.
  mutating func bookmarkName() throws(ScriptError) -> String {
    guard let token = next() else { throw fail("missing the bookmark's name") }
    let bytes = Array(token.text.utf8)
    guard token.kind == .word, let first = bytes.first, first.isASCIILetter,
      bytes.count <= Self.maxBookmarkLength,
      bytes.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x2D || $0 == 0x5F })
    else {
      throw fail(
        "'\(Self.shorten(token.text))' is not a bookmark name: use up to"
          + " \(Self.maxBookmarkLength) letters, digits, - or _, starting with a letter")
    }
    return token.text
  }

  mutating func moment() throws(ScriptError) -> Moment {
    guard let token = peek else {
      throw fail("missing where to go: a command number or a bookmark")
    }
    if token.text.first?.isNumber == true {
      return .command(try count("a command number", minimum: 0))
    }
    return .bookmark(try bookmarkName())
  }

  mutating func path() throws(ScriptError) -> String { try text("the file's path") }

  /// One word or quoted text, taken as it is: a file's path, a session's name.
  mutating func text(_ what: String) throws(ScriptError) -> String {
    guard let token = next(), token.kind != .bar, !token.text.isEmpty else {
      throw fail("missing \(what)")
    }
    return token.text
  }

  mutating func exportRequest() throws(ScriptError) -> ExportRequest {
    guard let token = next() else {
      throw fail("missing the format: json, mermaid, dot or markdown")
    }
    guard let format = ExportFormat(rawValue: token.text) else {
      throw fail(
        "unknown format '\(Self.shorten(token.text))'; formats: "
          + ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }
    var request = ExportRequest(format: format, path: try path())
    while let option = next() {
      let parts = option.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let value = Token(
        kind: .word, text: parts.count == 2 ? String(parts[1]) : "", offset: option.offset)
      switch parts.first {
      case "from" where parts.count == 2: request.from = try number(value, "from", minimum: 0)
      case "to" where parts.count == 2: request.to = try number(value, "to", minimum: 0)
      default:
        throw fail(
          "unknown option '\(Self.shorten(option.text))'; export takes from=TIME and to=TIME")
      }
    }
    if let from = request.from, let to = request.to, from > to {
      throw fail("from=\(from) is after to=\(to)")
    }
    return request
  }

  // MARK: Command-specific

  mutating func roles() throws(ScriptError) -> Roles {
    guard let token = next(), token.kind == .word else { throw fail("missing the roles") }
    var roles = Roles()
    for name in token.text.split(separator: "+", omittingEmptySubsequences: false) {
      guard !name.isEmpty else {
        throw fail("missing a role around '+' in '\(Self.shorten(token.text))'")
      }
      guard let role = Roles.all.first(where: { $0.name == name || $0.name + "s" == name }) else {
        throw fail(
          "unknown role '\(Self.shorten(String(name)))'; roles are proposer, acceptor, learner")
      }
      roles.insert(role.role)
    }
    return roles
  }

  mutating func groups() throws(ScriptError) -> [[NodeID]] {
    var groups: [[NodeID]] = []
    repeat {
      groups.append(try nodes(atLeastOne: "a node on each side of '|'"))
    } while next() != nil
    return groups
  }

  mutating func setting() throws(ScriptError) -> Command {
    guard let what = next() else { throw fail("missing what to set") }
    switch what.text {
    case "bug", "bugs":
      var bugs = Set<Bug>()
      var none = false
      while let token = next() {
        if token.text == "none" {
          none = true
          continue
        }
        guard let bug = Bug(rawValue: token.text) else {
          throw fail(
            "unknown bug '\(Self.shorten(token.text))'; bugs: "
              + Bug.allCases.map(\.rawValue).joined(separator: ", ") + ", or none")
        }
        bugs.insert(bug)
      }
      guard !(none && !bugs.isEmpty) else {
        throw fail("'none' turns every bug off; it cannot go with bug names")
      }
      guard !bugs.isEmpty || none else { throw fail("missing the bug's name, or none") }
      return .setBugs(bugs)
    case "backoff":
      guard let policy = next() else { throw fail("missing the backoff: none, fixed or random") }
      let base =
        try optionalCount("the backoff in ticks", minimum: 1, maximum: Cluster.maxSettingTicks)
        ?? Backoff.defaultBase
      switch policy.text {
      case "none": return .setBackoff(.none)
      case "fixed": return .setBackoff(.fixed(base))
      case "random", "randomized": return .setBackoff(.randomized(base))
      default:
        throw fail("unknown backoff '\(Self.shorten(policy.text))'; choose none, fixed or random")
      }
    case "timeout":
      return .setTimeout(
        try count("the timeout in ticks", minimum: 1, maximum: Cluster.maxSettingTicks))
    default:
      throw fail("cannot set '\(Self.shorten(what.text))'; settings: bug, backoff, timeout")
    }
  }

  mutating func expectation() throws(ScriptError) -> Expectation {
    guard let what = next() else { throw fail("missing what to expect") }
    switch what.text {
    case "chosen": return .chosen(try valueOrNone())
    case "learned": return .learned(try node("a learner"), try valueOrNone())
    case "decided": return .decided(try node("a proposer"), try valueOrNone())
    case "promised":
      let acceptor = try node("an acceptor")
      return .promised(acceptor, try ballotOrNone())
    case "accepted":
      let acceptor = try node("an acceptor")
      guard let ballot = try ballotOrNone() else { return .accepted(acceptor, nil, nil) }
      return .accepted(acceptor, ballot, try value())
    case "inflight", "in-flight":
      return .inFlight(try count("the number of messages"), try optionalMessageKind())
    case "safe": return .safe
    case "violation": return .violation
    default:
      if let expectation = try logExpectation(what.text) { return expectation }
      throw fail("cannot expect '\(Self.shorten(what.text))'")
    }
  }

  /// A message kind (`accept`), or nil when the line ends here.
  mutating func optionalMessageKind() throws(ScriptError) -> MessageKind? {
    guard let token = next() else { return nil }
    guard let kind = MessageKind.allCases.first(where: { $0.name == token.text }) else {
      throw fail(
        "'\(Self.shorten(token.text))' is not a kind of message; the kinds: "
          + MessageKind.allCases.map(\.name).joined(separator: ", "))
    }
    return kind
  }

  /// `5.p1`, or nil for `none`.
  mutating func ballotOrNone() throws(ScriptError) -> Ballot? {
    guard let token = next() else { throw fail("missing a ballot like 5.p1 (or none)") }
    if token.text == "none" { return nil }
    let parts = token.text.split(separator: ".", maxSplits: 1)
    guard parts.count == 2, token.kind == .word else {
      throw fail("'\(Self.shorten(token.text))' is not a ballot; write ROUND.PROPOSER, e.g. 5.p1")
    }
    let round = try number(
      Token(kind: .word, text: String(parts[0]), offset: token.offset), "a round", minimum: 1)
    let proposer = try Self.nodeID(Token(kind: .word, text: String(parts[1]), offset: token.offset))
    return Ballot(round: round, proposer: proposer)
  }
}

extension UInt8 {
  var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
  var isASCIIDigit: Bool { (0x30...0x39).contains(self) }
}
