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

  /// A message's words as the transcript writes them, values shortened.
  func shortLabel(_ message: Message) -> String {
    message.words(report: trace.report(in: message), value: shortValue)
  }

  /// `[2] put x 1`, the command shortened.
  func shortSlot(_ vote: SlotVote) -> String { "[\(vote.slot)] \(shortValue(vote.command))" }
}
