import PaxosCore

extension Cluster {
  /// Delivers the message at `position` in `inFlight`.
  mutating func deliver(at position: Int) {
    arrive(inFlight.remove(at: position))
  }

  /// Message `id`, already taken out of `inFlight`, arrives: the receiver handles it and its
  /// replies go out. A message to a crashed node or across a partition is lost instead. One
  /// sent by a node that crashed since is still delivered: it had already left.
  mutating func arrive(_ id: MessageID) {
    beginStep()
    let message = trace[id]
    guard let to = index(of: message.to) else { return }
    if !nodes[to].isUp {
      record(.lost(id, .receiverDown))
      return
    }
    if let from = index(of: message.from), nodes[from].side != nodes[to].side {
      record(.lost(id, .partitioned))
      return
    }
    record(.delivered(id))
    handle(message, at: to)
  }

  private mutating func handle(_ message: Message, at index: Int) {
    if config.isLog { return handleInLog(message, at: index) }
    switch message.kind {
    case .prepare, .accept:
      handleAsAcceptor(message, at: index)
    case .promise, .nack:
      handleAsProposer(message, at: index)
    case .accepted:
      handleAsProposer(message, at: index)
      handleAsLearner(message, at: index)
    case .catchup, .chosen:
      break  // sent in log clusters only
    }
  }

  private mutating func handleAsAcceptor(_ message: Message, at index: Int) {
    finishWrite(at: index)
    guard let reply = nodes[index].acceptor?.receive(message, config: config, outbox: &outbox),
      let acceptor = nodes[index].acceptor
    else { return }
    if reply.mustPersist {
      if settings.bugs.contains(.replyFirst) {
        flushOutbox()
        nodes[index].unwritten = acceptor.state
      } else if !settings.bugs.contains(.noPersist) {
        nodes[index].disk.acceptor = acceptor.state
        record(.persistedAcceptor(acceptor.id, acceptor.state))
      }
      checkPromise(of: acceptor)
    }
    flushOutbox()
    if reply == .accepted, let value = message.value {
      countAccepted(ChoiceHistory.Proposal(ballot: message.ballot, value: value), by: acceptor.id)
    }
  }

  /// A `reply-first` acceptor's write of its last change reaches the disk before it takes
  /// another message.
  mutating func finishWrite(at index: Int) {
    guard let state = nodes[index].unwritten else { return }
    let vote = nodes[index].unwrittenVote
    nodes[index].unwritten = nil
    nodes[index].unwrittenVote = nil
    guard !settings.bugs.contains(.noPersist) else { return }
    nodes[index].disk.acceptor = state
    record(.persistedAcceptor(nodes[index].id, state))
    if let vote { writeVote(vote, at: index) }
  }

  private mutating func handleAsProposer(_ message: Message, at index: Int) {
    guard let event = nodes[index].proposer?.receive(message, config: config, outbox: &outbox)
    else { return }
    apply(event, at: index)
    flushOutbox()
  }

  private mutating func handleAsLearner(_ message: Message, at index: Int) {
    if let (value, ballot) = nodes[index].learner?.receive(message, config: config) ?? nil {
      record(.learned(nodes[index].id, value, ballot))
    }
  }

  /// Records what a proposer's step means and sets its timer accordingly.
  mutating func apply(_ event: Proposer.Event, at index: Int) {
    switch event {
    case .startedPhase2(let ballot, let value, let source):
      record(.startedPhase2(ballot, value, source))
    case .awaitingValue(let ballot):
      record(.awaitingValue(ballot))
      nodes[index].timer = nil
    case .decided(let value, let ballot):
      record(.decided(value, ballot))
      nodes[index].timer = nil
    case .abandoned(let ballot, let higher):
      record(.abandoned(ballot, outbidBy: higher))
      // With no round left there is nothing to retry: no timer, and no word of one.
      armRetry(at: index)
    case .promiseCounted, .acceptedCounted, .stale, .leads, .proposed, .decidedSlot, .holds,
      .knownChosen:
      break
    }
  }

  mutating func armTimer(at index: Int, delay: Int) {
    nodes[index].timer = time + delay
  }

  /// A nack ended the proposer's attempt: it retries after a backoff, if it has a round left.
  mutating func armRetry(at index: Int) {
    guard nodes[index].proposer?.nextRound != nil else { return }
    let delay = backoffDelay()
    armTimer(at: index, delay: delay)
    record(.timerArmed(nodes[index].id, delay: delay))
  }

  private mutating func backoffDelay() -> Int {
    switch settings.backoff {
    case .none: 0
    case .fixed(let ticks): ticks
    case .randomized(let base): 1 + backoffRandom.next(below: 2 * base)
    }
  }
}
