import PaxosCore

extension Message {
  /// What the message says, in the transcript's words: `prepare 5.p1`,
  /// `promise 5.p1 (accepted 3.p2 = red)`, `promise 5.p1 (nothing accepted)`, `accept 5.p1 red`,
  /// `accepted 5.p1 red`, `nack 5.p1 (promised 7.p2)`; in a log cluster `accept 1.p1 [2] put x 1`,
  /// `promise 2.p2 (accepted [1] 1.p1 put x 1)`, `catchup (has [1-3])`,
  /// `chosen [4] put x 1, [5] noop`. The one place these words are written: the transcript,
  /// `net`, the diagrams and the exports all label messages with them, each writing text its
  /// own way (a `String`, escaped bytes) and values whole or shortened. `report` is what a
  /// promise, catchup or chosen message of a log cluster carries.
  public func writeWords(
    report: Report? = nil, _ words: (StaticString) -> Void, _ ballot: (Ballot) -> Void,
    _ value: (ValueID) -> Void
  ) {
    words(kind.staticName)
    // A catch-up and its answer belong to no ballot.
    if kind != .catchup && kind != .chosen {
      words(" ")
      ballot(self.ballot)
    }
    if let report { return Self.writeReport(report, words, ballot, value) }
    switch kind {
    case .prepare, .catchup, .chosen:
      break
    case .promise:
      guard let accepted = self.value else { return words(" (nothing accepted)") }
      words(" (accepted ")
      ballot(prior)
      words(" = ")
      value(accepted)
      words(")")
    case .accept, .accepted:
      if slot > 0 { Self.writeSlot(slot, words) }
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

  private static func writeReport(
    _ report: Report, _ words: (StaticString) -> Void, _ ballot: (Ballot) -> Void,
    _ value: (ValueID) -> Void
  ) {
    switch report {
    case .votes(let votes):
      guard !votes.isEmpty else { return words(" (nothing accepted)") }
      words(" (accepted")
      for (position, vote) in votes.enumerated() {
        if position > 0 { words(",") }
        writeSlot(vote.slot, words)
        words(" ")
        ballot(vote.ballot)
        words(" ")
        value(vote.command)
      }
      words(")")
    case .learned(let ranges):
      guard !ranges.isEmpty else { return words(" (has nothing)") }
      words(" (has")
      for (position, range) in ranges.enumerated() {
        words(position == 0 ? " [" : ", ")
        writeNumber(range.lowerBound, words)
        if range.count > 1 {
          words("-")
          writeNumber(range.upperBound, words)
        }
      }
      words("])")
    case .chosen(let votes):
      guard !votes.isEmpty else { return words(" (nothing new)") }
      for (position, vote) in votes.enumerated() {
        if position > 0 { words(",") }
        writeSlot(vote.slot, words)
        words(" ")
        value(vote.command)
      }
    }
  }

  /// ` [12]`
  private static func writeSlot(_ slot: Int, _ words: (StaticString) -> Void) {
    words(" [")
    writeNumber(slot, words)
    words("]")
  }

  private static let digits: [StaticString] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]

  private static func writeNumber(_ number: Int, _ words: (StaticString) -> Void) {
    if number >= 10 { writeNumber(number / 10, words) }
    words(digits[number % 10])
  }

  /// The words as text, each value as `value` writes it (whole, or shortened for a view).
  public func words(report: Report? = nil, value: (ValueID) -> String) -> String {
    var text = ""
    writeWords(
      report: report, { text += $0.description }, { text += $0.description },
      { text += value($0) })
    return text
  }
}
