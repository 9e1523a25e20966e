import PaxosCore

/// The commands only a log cluster takes: clients' requests, their retries, and catching up.
extension Cluster {
  /// A client hands `command` to `proposer`: request `r1`, `r2`, ... in order. Returns its id.
  @discardableResult
  public mutating func request(_ proposer: NodeID, _ command: ClientCommand) throws(ClusterError)
    -> ValueID
  {
    try requireLog(for: "request")
    let index = try require(proposer, role: .proposer)
    try requireUp(index)
    try requireRoundFor(command: nil, at: index)
    beginStep()
    let id = values.appendCommand(command)
    requests.append(ClientRequest(command: command))
    record(.requested(id, to: proposer, retry: false))
    hand(id, to: index)
    return id
  }

  /// The client sends request `id` again, to `proposer`: what it does when the reply is late.
  public mutating func retry(_ id: ValueID, to proposer: NodeID) throws(ClusterError) {
    try requireLog(for: "retry")
    guard Int(id.raw) < requests.count else {
      throw ClusterError(
        "there is no request \(id.requestName)"
          + (requests.isEmpty
            ? "; no request was made yet" : "; requests: r1 to r\(requests.count)"),
        hint: "'request P put KEY VALUE' makes one")
    }
    let index = try require(proposer, role: .proposer)
    try requireUp(index)
    try requireRoundFor(command: id, at: index)
    beginStep()
    record(.requested(id, to: proposer, retry: true))
    hand(id, to: index)
  }

  /// Learner `learner` asks every proposer and every other learner for the slots it lacks.
  public mutating func catchup(_ learner: NodeID) throws(ClusterError) {
    try requireLog(for: "catchup")
    let index = try require(learner, role: .learner)
    try requireUp(index)
    beginStep()
    record(.asksForSlots(learner))
    let others = nodes.filter {
      $0.id != learner && ($0.roles.contains(.proposer) || $0.roles.contains(.learner))
    }
    nodes[index].learner?.askForMissingSlots(from: others.map(\.id), outbox: &outbox)
    flushOutbox()
  }

  private mutating func hand(_ command: ValueID, to index: Int) {
    proposerEvents.removeAll(keepingCapacity: true)
    guard
      let step = nodes[index].proposer?.request(
        command, config: config, outbox: &outbox, events: &proposerEvents)
    else { return }
    applyLogEvents(step, of: nodes[index].id, at: index)
    flushOutbox()
    if step.needsPhase1, let round = nodes[index].proposer?.nextRound {
      startPhase1(at: index, round: round)
    }
  }

  /// A request that would start phase 1 needs a round left; refused before anything changes.
  private func requireRoundFor(command: ValueID?, at index: Int) throws(ClusterError) {
    guard let proposer = nodes[index].proposer, proposer.nextRound == nil else { return }
    switch proposer.attempt {
    case .leading, .preparing: return
    default:
      if let command, proposer.log.knownSlot(of: command) != nil { return }
      throw roundsExhausted(proposer.id)
    }
  }

  func requireLog(for verb: String) throws(ClusterError) {
    guard !config.isLog else { return }
    guard !isEmpty else {
      throw ClusterError(
        "there is no cluster; '\(verb)' needs a log cluster",
        hint: "create one with 'cluster 3 1 1 log'")
    }
    throw ClusterError(
      "'\(verb)' works in a log cluster only; this one decides a single value",
      hint: "'reset', then 'cluster 3 1 1 log' creates a log cluster; here 'propose P VALUE'")
  }
}
