import PaxosCore
import PaxosSim

extension TextBuffer {
  /// A node's name, straight from its packed bytes.
  mutating func append(_ node: NodeID) {
    var rest = node.raw
    while rest != 0 {
      append(UInt8(truncatingIfNeeded: rest >> 56))
      rest <<= 8
    }
  }

  /// `5.p1`, or `none` for the zero ballot.
  mutating func append(_ ballot: Ballot) {
    guard !ballot.isZero else { return append("none" as StaticString) }
    append(ballot.round)
    append(UInt8(ascii: "."))
    append(ballot.proposer)
  }
}

/// A message's label on a diagram: its words as the transcript writes them
/// (`promise 5.p1 (accepted 3.p2 = red)`, `nack 5.p1 (promised 7.p2)`), values cut to
/// `ValueTexts.labelLength` and escaped for the format by `values`.
enum MessageLabel {
  static func append(_ message: Message, to buffer: inout TextBuffer, values: inout ValueTexts) {
    message.writeWords(
      { buffer.append($0) }, { buffer.append($0) }, { values.appendShort($0, to: &buffer) })
  }
}
