import PaxosCore
import PaxosSim

/// The words of a log cluster's commands: client commands and request ids.
extension Words {
  /// `put KEY VALUE`, `append KEY VALUE` or `get KEY`.
  mutating func clientCommand() throws(ScriptError) -> ClientCommand {
    let forms = "put KEY VALUE, append KEY VALUE or get KEY"
    guard let token = next() else { throw fail("missing the command: \(forms)") }
    guard token.kind == .word, let operation = ClientCommand.Operation(rawValue: token.text) else {
      throw fail("'\(Self.shorten(token.text))' is not a command of the store; write \(forms)")
    }
    let key = try commandWord("a key")
    guard operation != .get else { return ClientCommand(.get, key: key) }
    return ClientCommand(
      operation, key: key, argument: try commandWord("the value to " + operation.rawValue))
  }

  /// A key or a value: a word or a quoted string.
  private mutating func commandWord(_ what: String) throws(ScriptError) -> String {
    guard let token = next() else { throw fail("missing \(what)") }
    return token.text
  }

  /// `r3`: a request's id.
  mutating func requestID() throws(ScriptError) -> ValueID {
    guard let token = next() else { throw fail("missing a request id like r1") }
    let text = token.text
    guard token.kind == .word, text.first == "r", let number = Int(text.dropFirst()),
      number >= 1, number <= Int(UInt32.max - 2)
    else {
      throw fail(
        "'\(Self.shorten(text))' is not a request id; ids are r1, r2, ... as 'request' printed them"
      )
    }
    return ValueID(raw: UInt32(number - 1))
  }

  /// The parts of `expect` only a log cluster has, or nil when `what` is not one of them.
  mutating func logExpectation(_ what: String) throws(ScriptError) -> Expectation? {
    switch what {
    case "slot":
      let slot = try count("a slot number (slots start at 1)", minimum: 1, maximum: Message.maxSlot)
      if let word = peekWord, word == "none" || word == "noop" {
        _ = next()
        return .slot(slot, word == "none" ? nil : "noop")
      }
      return .slot(slot, try clientCommand().text)
    case "applied":
      let learner = try node("a learner")
      return .applied(learner, try count("how many slots it applied in order"))
    case "kv":
      let learner = try node("a learner")
      guard let key = next() else { throw fail("missing the key") }
      return .keyValue(learner, key: key.text, value: try valueOrNone())
    case "reply":
      let request = try requestID()
      guard let token = next() else {
        throw fail("missing the reply: a value, ok, none or pending")
      }
      return .reply(request, token.kind == .quoted ? ValueTable.literal(token.text) : token.text)
    case "leader", "leaders":
      let proposers = try nodes(atLeastOne: "the leading proposers, or none")
      return .leaders(proposers.map(\.name) == ["none"] ? [] : proposers)
    default:
      return nil
    }
  }
}
