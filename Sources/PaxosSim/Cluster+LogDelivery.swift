import PaxosCore

/// Delivery in a log cluster: the same roles, each with a slot on every vote.
extension Cluster {
  mutating func handleInLog(_ message: Message, at index: Int) {
    let report = trace.report(in: message)
    switch message.kind {
    case .prepare, .accept:
      acceptInLog(message, at: index)
    case .promise, .nack:
      proposerReceives(message, report: report, at: index)
    case .accepted:
      proposerReceives(message, report: nil, at: index)
      learnerReceives(message, report: nil, at: index)
    case .catchup, .chosen:
      proposerReceives(message, report: report, at: index)
      learnerReceives(message, report: report, at: index)
    }
  }

  private mutating func acceptInLog(_ message: Message, at index: Int) {
    finishWrite(at: index)
    let before = nodes[index].acceptor?.state.minProposal
    guard message.kind == .prepare || message.slot >= 1,
      let reply = nodes[index].acceptor?.receive(message, config: config, outbox: &outbox),
      reply.mustPersist, let state = nodes[index].acceptor?.state
    else { return flushOutbox() }
    let id = nodes[index].id
    let vote = reply == .accepted ? nodes[index].acceptor?.vote(in: message.slot) : nil
    if settings.bugs.contains(.replyFirst) {
      flushOutbox()
      nodes[index].unwritten = state
      nodes[index].unwrittenVote = vote
    } else if !settings.bugs.contains(.noPersist) {
      // An accept that raises the promise writes both; one at the promise only the vote.
      if state.minProposal != before || vote == nil {
        nodes[index].disk.acceptor = state
        record(.persistedAcceptor(id, state))
      }
      if let vote { writeVote(vote, at: index) }
    }
    if let acceptor = nodes[index].acceptor { checkPromise(of: acceptor) }
    flushOutbox()
    if let vote {
      countAccepted(
        ChoiceHistory.Proposal(ballot: vote.ballot, value: vote.command, slot: vote.slot), by: id)
    }
  }

  /// An acceptor's vote in one slot reaches its disk.
  mutating func writeVote(_ vote: SlotVote, at index: Int) {
    if nodes[index].disk.votes.count < vote.slot {
      nodes[index].disk.votes.append(
        contentsOf: repeatElement(nil, count: vote.slot - nodes[index].disk.votes.count))
    }
    nodes[index].disk.votes[vote.slot - 1] = vote
    record(.persistedVote(nodes[index].id, vote))
  }

  private mutating func proposerReceives(_ message: Message, report: Report?, at index: Int) {
    guard nodes[index].proposer != nil else { return }
    proposerEvents.removeAll(keepingCapacity: true)
    nodes[index].proposer?.receiveInLog(
      message, report: report, config: config, outbox: &outbox, events: &proposerEvents)
    applyLogEvents(at: index)
    flushOutbox()
  }

  /// Records what a proposer of a log cluster did, and sets its timer: armed while phase 1 is
  /// under way or a slot it proposed is not known chosen; after a nack, armed to retry.
  mutating func applyLogEvents(at index: Int) {
    guard !proposerEvents.isEmpty, let id = nodes[index].proposer?.id else { return }
    for event in proposerEvents {
      switch event {
      case .leads(let ballot, let top): record(.leads(ballot, top: top))
      case .proposed(let vote, let source): record(.proposed(vote, source))
      case .decidedSlot(let vote): record(.decidedSlot(id, vote))
      case .holds(let command): record(.holds(id, command))
      case .knownChosen(let vote): record(.knownChosen(id, vote))
      case .abandoned(let ballot, let higher):
        record(.abandoned(ballot, outbidBy: higher))
        armRetry(at: index)
      case .promiseCounted, .startedPhase2, .awaitingValue, .acceptedCounted, .decided, .stale:
        break
      }
    }
    guard case .leading = nodes[index].proposer?.attempt,
      let outstanding = nodes[index].proposer?.log.outstanding
    else { return }
    if outstanding.isEmpty {
      nodes[index].timer = nil
    } else if nodes[index].timer == nil {
      armTimer(at: index, delay: settings.attemptTimeout)
    }
  }

  private mutating func learnerReceives(_ message: Message, report: Report?, at index: Int) {
    guard nodes[index].learner != nil else { return }
    learnedSlots.removeAll(keepingCapacity: true)
    nodes[index].learner?.receiveInLog(
      message, report: report, config: config, outbox: &outbox, learnedSlots: &learnedSlots)
    flushOutbox()
    for vote in learnedSlots { learn(vote, at: index) }
  }
}
