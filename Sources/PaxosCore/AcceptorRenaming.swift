/// Acceptors given one another's names and positions: the model checker's symmetry. Acceptors
/// with the same roles behave alike, so a state and its renaming are the same state up to
/// names, and the checker visits one of them.
public struct AcceptorRenaming: Hashable, Sendable {
  /// The acceptors' names, in the configuration's order.
  public let acceptors: [NodeID]
  /// `positions[i]`: the new position of the acceptor at position `i`.
  public let positions: [Int]

  public init(acceptors: [NodeID], positions: [Int]) {
    self.acceptors = acceptors
    self.positions = positions
  }

  public func callAsFunction(_ id: NodeID) -> NodeID {
    guard let position = acceptors.firstIndex(of: id) else { return id }
    return acceptors[positions[position]]
  }

  public func callAsFunction(_ set: AcceptorSet) -> AcceptorSet {
    var renamed = AcceptorSet()
    for position in positions.indices where set.contains(position) {
      renamed.insert(positions[position])
    }
    return renamed
  }
}

extension Message {
  public func renamed(_ renaming: AcceptorRenaming) -> Message {
    var message = self
    message.from = renaming(from)
    message.to = renaming(to)
    return message
  }
}

extension Acceptor {
  public func renamed(_ renaming: AcceptorRenaming) -> Acceptor {
    Acceptor(id: renaming(id), state: state, votes: votes)
  }
}

extension Proposer {
  /// Its tallies of promises and acceptances, and who reported what, renamed.
  public func renamed(_ renaming: AcceptorRenaming) -> Proposer {
    var proposer = self
    switch attempt {
    case .preparing(let ballot, var promises):
      promises.from = renaming(promises.from)
      promises.highestReporter = renaming(promises.highestReporter)
      proposer.attempt = .preparing(ballot, promises)
    case .accepting(let ballot, let value, let acceptedBy):
      proposer.attempt = .accepting(ballot, value, acceptedBy: renaming(acceptedBy))
    case .idle, .awaitingValue, .decided, .abandoned, .leading:
      break
    }
    guard !log.tallies.isEmpty || !log.reported.isEmpty else { return proposer }
    proposer.log.tallies = log.tallies.map { $0.renamed(renaming) }
    proposer.log.reported = log.reported.mapValues {
      ReportedVote(vote: $0.vote, reporter: renaming($0.reporter))
    }
    return proposer
  }
}

extension Learner {
  public func renamed(_ renaming: AcceptorRenaming) -> Learner {
    var learner = self
    learner.tallies = tallies.map {
      Tally(ballot: $0.ballot, value: $0.value, acceptors: renaming($0.acceptors))
    }
    if !slotTallies.isEmpty { learner.slotTallies = slotTallies.map { $0.renamed(renaming) } }
    return learner
  }
}

extension SlotTally {
  func renamed(_ renaming: AcceptorRenaming) -> SlotTally {
    SlotTally(vote: vote, acceptors: renaming(acceptors))
  }
}
