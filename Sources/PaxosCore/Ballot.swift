/// A proposal number: round `n` of proposer `p`, written `n.p`.
///
/// Ordered by round, then by proposer name, so two proposers never share a ballot.
public struct Ballot: Hashable, Comparable, Sendable {
  public var round: Int
  public var proposer: NodeID

  /// Below every real ballot: what an acceptor has promised or accepted before anything happened.
  public static let zero = Ballot(round: 0, proposer: .none)

  public init(round: Int, proposer: NodeID) {
    self.round = round
    self.proposer = proposer
  }

  public var isZero: Bool { self == .zero }

  public static func < (lhs: Ballot, rhs: Ballot) -> Bool {
    (lhs.round, lhs.proposer) < (rhs.round, rhs.proposer)
  }
}

extension Ballot: CustomStringConvertible {
  public var description: String { isZero ? "none" : "\(round).\(proposer.name)" }
}
