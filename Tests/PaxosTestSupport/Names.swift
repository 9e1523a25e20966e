import PaxosCore

// Names and ballots shared by the test targets.

/// A node name the test knows to be valid.
public func node(_ name: String) -> NodeID {
  guard let id = NodeID(name) else { preconditionFailure("'\(name)' is not a valid node name") }
  return id
}

public let a1 = node("a1")
public let a2 = node("a2")
public let a3 = node("a3")
public let a4 = node("a4")
public let a5 = node("a5")
public let p1 = node("p1")
public let p2 = node("p2")
public let p3 = node("p3")
public let l1 = node("l1")
public let l2 = node("l2")

/// Ballot `round.proposer`.
public func ballot(_ round: Int, _ proposer: NodeID) -> Ballot {
  Ballot(round: round, proposer: proposer)
}
