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

  /// `prepare 1.p1`, `promise 1.p1 (3.p2=red)`, `accept 1.p1 red`, `nack 1.p1 (2.p2)`.
  func shortLabel(_ message: Message) -> String {
    let head = "\(message.kind.name) \(message.ballot)"
    switch message.kind {
    case .prepare:
      return head
    case .promise:
      let accepted = message.value.map { "\(message.prior)=" + shortValue($0) } ?? "none"
      return head + " (\(accepted))"
    case .accept, .accepted:
      return head + (message.value.map { " " + shortValue($0) } ?? "")
    case .nack:
      return head + " (\(message.prior))"
    }
  }
}
