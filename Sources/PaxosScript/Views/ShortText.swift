import PaxosCore
import PaxosSim

/// Short forms of values and messages for views where space is tight. The full text stays in
/// the transcript and in `net`.
extension Cluster {
  /// Values longer than this are cut with `…` in tables and diagrams.
  static let shortValueWidth = 12

  /// A value as scripts write it, shortened for a view.
  func shortValue(_ id: ValueID) -> String {
    values.display(id).withVisibleControls.truncated(toWidth: Self.shortValueWidth)
  }

  /// A catch-up request's ranges named in a label; the rest are counted.
  static let rangesShown = 2

  /// A message's words as the transcript writes them, values shortened; a report of several
  /// slots (a promise's, a catch-up answer's) is summed up, and a catch-up request's ranges cut
  /// to the first few.
  func shortLabel(_ message: Message) -> String {
    let report = trace.report(in: message)
    switch report {
    case .votes(let votes)? where votes.count > 1:
      return "\(message.kind.name) \(message.ballot) (accepted \(Self.slots(votes)))"
    case .chosen(let votes)? where votes.count > 1:
      return "\(message.kind.name) \(Self.slots(votes))"
    case .learned(let ranges)? where ranges.count > Self.rangesShown:
      let words = message.words(report: .learned(Array(ranges.prefix(Self.rangesShown)))) {
        shortValue($0)
      }
      return words.dropLast() + " and \(ranges.count - Self.rangesShown) more)"
    default:
      return message.words(report: report, value: shortValue)
    }
  }

  /// `3 slots up to [5]`
  private static func slots(_ votes: [SlotVote]) -> String {
    "\(votes.count) slots up to [\(votes.last?.slot ?? 0)]"
  }

  /// `[2] put x 1`, the command shortened.
  func shortSlot(_ vote: SlotVote) -> String { "[\(vote.slot)] \(shortValue(vote.command))" }
}
