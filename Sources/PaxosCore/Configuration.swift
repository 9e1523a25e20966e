/// What every node knows about the cluster: who the acceptors and learners are, and how many
/// acceptors make a quorum. Kept apart from any node's state, which changes as messages arrive.
public struct Configuration: Hashable, Sendable {
  /// At most this many acceptors, so that a set of them fits in one machine word.
  public static let maxAcceptors = 64

  public private(set) var acceptors: [NodeID] = []
  public private(set) var learners: [NodeID] = []
  /// A replicated log: messages name slots, and a leader keeps its ballot for every slot.
  public var isLog = false
  /// Quorums are majorities, unless a teaching switch shrinks them.
  public var quorumShortfall = 0
  /// Teaching switch: proposers ignore the values that promises report.
  public var proposersIgnoreAcceptedValues = false
  /// Teaching switch: acceptors accept ballots below the one they promised.
  public var acceptorsIgnorePromises = false

  public init() {}

  public var majority: Int { acceptors.count / 2 + 1 }

  /// How many acceptors a proposer or learner waits for.
  public var quorum: Int { max(1, majority - quorumShortfall) }

  public func acceptorIndex(_ id: NodeID) -> Int? {
    acceptors.firstIndex(of: id)
  }

  public mutating func reserve(acceptors: Int, learners: Int) {
    self.acceptors.reserveCapacity(acceptors)
    self.learners.reserveCapacity(learners)
  }

  /// Takes over the storage of `other`'s lists, emptied.
  public mutating func reuse(_ other: inout Configuration) {
    other.acceptors.removeAll(keepingCapacity: true)
    other.learners.removeAll(keepingCapacity: true)
    swap(&acceptors, &other.acceptors)
    swap(&learners, &other.learners)
  }

  public mutating func addAcceptor(_ id: NodeID) { acceptors.append(id) }
  public mutating func addLearner(_ id: NodeID) { learners.append(id) }
}
