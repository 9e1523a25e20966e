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
/// (`promise 5.p1 (accepted 3.p2 = red)`, `nack 5.p1 (promised 7.p2)`, `accept 1.p1 [2] put x 1`),
/// values cut to `ValueTexts.labelLength` and escaped for the format by `values`.
enum MessageLabel {
  /// A label shows at most this many slots of a report; the transcript and `net` show them all.
  static let reportLength = 3

  /// `report` is what a log cluster's promise, catch-up or answer carries; past `reportLength`
  /// slots the label says how many more there are: `... [3] 1.p1 get x) +5 more`.
  static func append(
    _ message: Message, report: Report?, to buffer: inout TextBuffer, values: inout ValueTexts
  ) {
    let (shown, more) = shortened(report)
    message.writeWords(
      report: shown, { buffer.append($0) }, { buffer.append($0) },
      { values.appendShort($0, to: &buffer) })
    guard more > 0 else { return }
    buffer.append(" +" as StaticString)
    buffer.append(more)
    buffer.append(" more" as StaticString)
  }

  /// The report cut to `reportLength` entries, and how many were left out.
  static func shortened(_ report: Report?) -> (Report?, Int) {
    switch report {
    case .votes(let votes) where votes.count > reportLength:
      (.votes(Array(votes.prefix(reportLength))), votes.count - reportLength)
    case .chosen(let votes) where votes.count > reportLength:
      (.chosen(Array(votes.prefix(reportLength))), votes.count - reportLength)
    case .learned(let ranges) where ranges.count > reportLength:
      (.learned(Array(ranges.prefix(reportLength))), ranges.count - reportLength)
    default:
      (report, 0)
    }
  }
}
