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
    case .catchup:
      // A node answers once: from what it learned when it is a learner, else from what its
      // proposer knows chosen.
      if nodes[index].roles.contains(.learner) {
        learnerReceives(message, report: report, at: index)
      } else {
        proposerReceives(message, report: report, at: index)
      }
    case .chosen:
      proposerReceives(message, report: report, at: index)
      learnerReceives(message, report: report, at: index)
    }
  }

  private mutating func acceptInLog(_ message: Message, at index: Int) {
    finishWrite(at: index)
    guard let step = nodes[index].acceptor?.receiveInLog(message, config: config, outbox: &outbox),
      step.reply.mustPersist
    else { return flushOutbox() }
    let id = message.to
    let (state, vote) = (step.state, step.vote)
    if settings.bugs.contains(.replyFirst) {
      flushOutbox()
      nodes[index].unwritten = state
      nodes[index].unwrittenVote = vote
    } else if !settings.bugs.contains(.noPersist) {
      // An accept that raises the promise writes both; one at the promise only the vote.
      if step.promiseRose || vote == nil {
        nodes[index].disk.acceptor = state
        record(.persistedAcceptor(id, state))
      }
      if let vote { writeVote(vote, at: index) }
    }
    checkPromise(state.minProposal, of: id)
    flushOutbox()
    if let vote {
      countAccepted(
        ChoiceHistory.Proposal(ballot: vote.ballot, value: vote.command, slot: vote.slot), by: id)
    }
  }

  /// An acceptor's vote in one slot reaches its disk.
  mutating func writeVote(_ vote: SlotVote, at index: Int) {
    nodes[index].disk.record(vote: vote)
    record(.persistedVote(nodes[index].id, vote))
  }

  private mutating func proposerReceives(_ message: Message, report: Report?, at index: Int) {
    if !proposerEvents.isEmpty { proposerEvents.removeAll(keepingCapacity: true) }
    guard
      let step = nodes[index].proposer?.receiveInLog(
        message, report: report, config: config, outbox: &outbox, events: &proposerEvents)
    else { return }
    applyLogEvents(step, of: message.to, at: index)
    flushOutbox()
  }

  /// Records what a proposer of a log cluster did, and sets its timer: armed while phase 1 is
  /// under way or a slot it proposed is not known chosen; after a nack, armed to retry.
  mutating func applyLogEvents(_ step: Proposer.LogStep, of id: NodeID, at index: Int) {
    guard !proposerEvents.isEmpty else { return }
    var startedLeading = false
    for event in proposerEvents {
      switch event {
      case .leads(let ballot, let top):
        record(.leads(ballot, top: top))
        startedLeading = true
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
    guard step.isLeading else { return }
    // A new leadership, or a first slot outstanding, starts the wait afresh.
    if !step.hasOutstanding {
      nodes[index].timer = nil
    } else if startedLeading || nodes[index].timer == nil {
      armTimer(at: index, delay: settings.attemptTimeout)
    }
  }

  private mutating func learnerReceives(_ message: Message, report: Report?, at index: Int) {
    guard nodes[index].roles.contains(.learner) else { return }
    if !learnedSlots.isEmpty { learnedSlots.removeAll(keepingCapacity: true) }
    nodes[index].learner?.receiveInLog(
      message, report: report, config: config, outbox: &outbox, learnedSlots: &learnedSlots)
    flushOutbox()
    for vote in learnedSlots { learn(vote, by: message.to, at: index) }
  }
}
