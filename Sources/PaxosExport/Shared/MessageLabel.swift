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

/// A message's label on a diagram: `prepare 5.p1`, `promise 5.p1 (3.p2=red)`,
/// `promise 5.p1 (none)`, `accept 5.p1 red`, `accepted 5.p1 red`, `nack 5.p1 (7.p2)`.
///
/// The same short forms as the terminal diagram, so that a student recognizes them; only the
/// value's escaping differs between formats, and that is what `values` does.
enum MessageLabel {
  static func append(_ message: Message, to buffer: inout TextBuffer, values: inout ValueTexts) {
    buffer.append(message.kind.staticName)
    buffer.append(UInt8(ascii: " "))
    buffer.append(message.ballot)
    switch message.kind {
    case .prepare:
      break
    case .promise:
      buffer.append(" (" as StaticString)
      if let value = message.value {
        buffer.append(message.prior)
        buffer.append(UInt8(ascii: "="))
        values.appendShort(value, to: &buffer)
      } else {
        buffer.append("none" as StaticString)
      }
      buffer.append(UInt8(ascii: ")"))
    case .accept, .accepted:
      if let value = message.value {
        buffer.append(UInt8(ascii: " "))
        values.appendShort(value, to: &buffer)
      }
    case .nack:
      buffer.append(" (" as StaticString)
      buffer.append(message.prior)
      buffer.append(UInt8(ascii: ")"))
    }
  }
}
