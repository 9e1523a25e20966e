import PaxosCore

extension Cluster {
  /// A client asks `proposer` to get `value` chosen: phase 1 with a fresh, higher round, or
  /// phase 2 at once if the proposer already holds promises from a quorum and waits for a value.
  public mutating func propose(_ proposer: NodeID, _ text: String) throws(ClusterError) {
    guard !config.isLog else {
      throw ClusterError(
        "a log cluster takes clients' commands, not single values",
        hint: "'request \(proposer) put KEY VALUE' (or append, get) hands one to \(proposer)")
    }
    let index = try require(proposer, role: .proposer)
    try requireUp(index)
    if case .awaitingValue = nodes[index].proposer?.attempt {
      beginStep()
      let value = values.intern(text)
      let event = nodes[index].proposer?.supply(value, config: config, outbox: &outbox)
      if let event { apply(event, at: index) }
      flushOutbox()
      return
    }
    guard let round = nodes[index].proposer?.nextRound else { throw roundsExhausted(proposer) }
    beginStep()
    nodes[index].proposer?.value = values.intern(text)
    startPhase1(at: index, round: round)
  }

  /// Phase 1 with ballot `round.proposer`, optionally giving the proposer a value first.
  public mutating func prepare(_ proposer: NodeID, round: Int, value text: String?)
    throws(ClusterError)
  {
    let index = try require(proposer, role: .proposer)
    try requireUp(index)
    if text != nil, config.isLog {
      throw ClusterError(
        "in a log cluster a prepare carries no value: one phase 1 covers every slot",
        hint: "'prepare \(proposer) \(round)', then 'request \(proposer) put KEY VALUE'")
    }
    let used = nodes[index].proposer?.highestRound ?? 0
    guard round > used else {
      throw ClusterError(
        "\(proposer) already used round \(used), and a proposer never reuses a ballot;"
          + " pick a round above \(used), or let 'propose' pick one")
    }
    beginStep()
    if let text { nodes[index].proposer?.value = values.intern(text) }
    startPhase1(at: index, round: round)
  }

  /// The proposer's retry timer fires: it gives up its ballot and starts over, higher.
  public mutating func timeout(_ proposer: NodeID) throws(ClusterError) {
    let index = try require(proposer, role: .proposer)
    try requireUp(index)
    guard let state = nodes[index].proposer else { return }
    // In a log cluster a timeout always starts phase 1: a follower that suspects the leader.
    if config.isLog {
      guard let round = state.nextRound else { throw roundsExhausted(proposer) }
      beginStep()
      return fireTimer(at: index, round: round)
    }
    switch state.attempt {
    case .idle:
      throw ClusterError(
        "\(proposer) has no attempt to retry; start one with 'propose \(proposer) VALUE'")
    case .decided(let value, _):
      throw ClusterError(
        "\(proposer) already knows \(values.display(value)) is chosen; it has nothing to retry")
    default:
      guard let round = state.nextRound else { throw roundsExhausted(proposer) }
      beginStep()
      fireTimer(at: index, round: round)
    }
  }

  mutating func fireTimer(at index: Int, round: Int) {
    record(.timerFired(nodes[index].id))
    startPhase1(at: index, round: round)
  }

  /// Starts phase 1: the new round reaches the disk before any prepare leaves.
  mutating func startPhase1(at index: Int, round: Int) {
    guard let ballot = nodes[index].proposer?.prepare(round: round, config: config, outbox: &outbox)
    else { return }
    record(.startedPhase1(ballot))
    if !settings.bugs.contains(.forgetBallot) {
      nodes[index].disk.proposerRound = round
      record(.persistedRound(ballot.proposer, round))
    }
    armTimer(at: index, delay: settings.attemptTimeout)
    flushOutbox()
  }

  /// A proposer's next round would be past `Int.max`: it used that round, or saw it in another
  /// proposer's ballot, above which it may not go either.
  func roundsExhausted(_ proposer: NodeID) -> ClusterError {
    let used = node(proposer)?.proposer?.highestRound == Int.max
    return ClusterError(
      (used
        ? "\(proposer) has used the highest round there is"
        : "\(proposer) has no round left: it has seen round \(Int.max), the highest there is,"
          + " in another proposer's ballot") + "; 'reset' to start over")
  }
}
