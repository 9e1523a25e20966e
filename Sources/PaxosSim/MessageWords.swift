import PaxosCore

extension Message {
  /// What the message says, in the transcript's words: `prepare 5.p1`,
  /// `promise 5.p1 (accepted 3.p2 = red)`, `promise 5.p1 (nothing accepted)`, `accept 5.p1 red`,
  /// `accepted 5.p1 red`, `nack 5.p1 (promised 7.p2)`. The one place these words are written:
  /// the transcript, `net`, the diagrams and the exports all label messages with them, each
  /// writing text its own way (a `String`, escaped bytes) and values whole or shortened.
  public func writeWords(
    _ words: (StaticString) -> Void, _ ballot: (Ballot) -> Void, _ value: (ValueID) -> Void
  ) {
    words(kind.staticName)
    words(" ")
    ballot(self.ballot)
    switch kind {
    case .prepare:
      break
    case .promise:
      guard let accepted = self.value else { return words(" (nothing accepted)") }
      words(" (accepted ")
      ballot(prior)
      words(" = ")
      value(accepted)
      words(")")
    case .accept, .accepted:
      guard let proposed = self.value else { return }
      words(" ")
      value(proposed)
    case .nack:
      // A prepare for the very ballot already promised is refused too (it must be higher).
      words(prior == self.ballot ? " (already promised " : " (promised ")
      ballot(prior)
      words(")")
    }
  }

  /// The words as text, each value as `value` writes it (whole, or shortened for a view).
  public func words(value: (ValueID) -> String) -> String {
    var text = ""
    writeWords({ text += $0.description }, { text += $0.description }, { text += value($0) })
    return text
  }
}
