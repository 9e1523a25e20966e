import PaxosCore
import PaxosSim

/// One event of the trace and what `explain` needs around it: the cluster, and the entries of
/// the event's step, where the replies, nacks and timers that go with it were recorded.
struct EventContext {
  let cluster: Cluster
  let index: Int
  let step: Range<Int>

  /// How far back the replies to a ballot are looked for: they come after its phase 1 began.
  static let promiseLookback = 5_000

  var event: Event { cluster.trace.entries[index].event }
  var quorum: Int { cluster.config.quorum }
  var acceptorCount: Int { cluster.config.acceptors.count }

  func explain() -> [String] {
    switch event {
    case .startedPhase1(let ballot): phase1(ballot)
    case .startedPhase2(let ballot, let value, let source): phase2(ballot, value, source)
    case .awaitingValue(let ballot): awaiting(ballot)
    case .abandoned(let ballot, let higher):
      cluster.config.isLog ? leadershipEnded(ballot, higher) : abandoned(ballot, higher)
    case .decided(let value, let ballot): decided(value, ballot)
    case .delivered(let id): delivered(id)
    case .lost(let id, let reason): lost(id, reason)
    case .dropped(let id): dropped(id)
    case .duplicated(let original, let copy): duplicated(original, copy)
    case .chosen(let value, let ballot): chosen(value, ballot)
    case .learned(let node, let value, let ballot):
      [
        "\(node) learned \(show(value)): acceptors told it they accepted \(ballot),"
          + " and \(quorum) of them make a quorum"
      ]
    case .violation(let violation): self.violation(violation)
    case .crashed(let node): crashed(node)
    case .recovered(let node): recovered(node)
    case .partitioned, .healed:
      [cluster.describe(event) + "; " + upAcceptorsThen]
    case .asksForSlots(let learner): catchupAsked(by: learner)
    // Parts of another event's story: the replies of a delivery, what a node writes to or
    // reads from its disk, the timer that a refusal arms or that starts a retry.
    case .sent, .restoredAcceptor, .restoredRound, .persistedAcceptor, .persistedRound, .timerFired,
      .timerArmed:
      []
    case .requested, .holds, .knownChosen, .leads, .proposed, .decidedSlot, .persistedVote,
      .restoredVotes, .restoredLearner, .chosenSlot, .learnedSlot, .applied, .skippedDuplicate,
      .waits:
      explainInLog()
    }
  }

  func show(_ value: ValueID) -> String { cluster.values.display(value) }

  func names(_ ids: [NodeID]) -> String {
    ids.isEmpty ? "none" : ids.map(\.name).joined(separator: " ")
  }

  /// The acceptors that had accepted `proposal` by the end of this event's step, not those
  /// that did later: each sent an `accepted` for it as it did. Beyond `Explanation.lookback`
  /// entries back, all that ever accepted it.
  func acceptors(of proposal: ChoiceHistory.Proposal) -> [NodeID] {
    let entries = cluster.trace.entries
    let last = step.upperBound - 1
    let floor = max(0, last - Explanation.lookback)
    var accepted = Set<NodeID>()
    for position in stride(from: last, through: floor, by: -1) {
      guard case .sent(let id) = entries[position].event else { continue }
      let message = cluster.trace[id]
      if message.kind == .accepted, message.ballot == proposal.ballot,
        message.value == proposal.value, message.slot == proposal.slot
      {
        accepted.insert(message.from)
      }
    }
    guard accepted.isEmpty, floor > 0 else {
      return cluster.config.acceptors.filter(accepted.contains)
    }
    return cluster.choices.acceptors(of: proposal).indices.compactMap { index in
      cluster.config.acceptors.indices.contains(index) ? cluster.config.acceptors[index] : nil
    }
  }

  /// `2 of 3 acceptors are up; a quorum needs 2`, as it was just after this event: the crashes
  /// and recoveries since are taken back.
  var upAcceptorsThen: String {
    let entries = cluster.trace.entries
    let acceptors = cluster.config.acceptors
    var up = acceptors.filter { cluster.node($0)?.isUp ?? false }.count
    for position in (index + 1)..<entries.count {
      switch entries[position].event {
      case .crashed(let node) where acceptors.contains(node): up += 1
      case .recovered(let node) where acceptors.contains(node): up -= 1
      default: break
      }
    }
    return Blockage.upAcceptorsSummary(up: up, of: acceptors.count, quorum: quorum)
  }

  private func phase1(_ ballot: Ballot) -> [String] {
    let retry = step.contains { position in
      if case .timerFired(ballot.proposer) = cluster.trace.entries[position].event { return true }
      return false
    }
    let isLog = cluster.config.isLog
    let why =
      isLog
      ? " because its retry timer fired (a follower that suspects the leader does this, and a"
        + " leader whose slots are not known chosen, or that was outbid)"
      : " because its retry timer fired (its last attempt did not finish)"
    return [
      "\(ballot.proposer) started phase 1 with \(ballot)" + (retry ? why : "")
        + ": it asks the acceptors to promise to ignore lower ballots and to report what they"
        + (isLog ? " accepted in every slot" : " accepted")
        + "; it needs \(quorum) of \(acceptorCount) promises"
        + (ballot.round == Int.max
          ? "; \(ballot.round) is the highest round there is, so if this attempt fails"
            + " \(ballot.proposer) has no round left to try again with"
          : "")
    ]
  }

  private func awaiting(_ ballot: Ballot) -> [String] {
    let promisers = received(.promise, for: ballot, by: ballot.proposer).map(\.from)
    return [
      "\(ballot.proposer) has promises for \(ballot) from a quorum (\(names(promisers))), and"
        + " none reports an accepted value, so it may propose any value; but no client gave it"
        + " one, so it waits ('propose \(ballot.proposer) VALUE')"
    ]
  }

  private func abandoned(_ ballot: Ballot, _ higher: Ballot) -> [String] {
    let refuser = deliveredInStep { message in
      message.kind == .nack && message.to == ballot.proposer && message.ballot == ballot
    }
    return [
      "\(ballot.proposer)'s ballot \(ballot) was refused: "
        + (refuser.map { "\($0.from) answered nack, having promised \($0.prior)" }
          ?? "an acceptor had promised \(higher)")
        + ", a higher ballot, so \(ballot.proposer) abandons \(ballot)",
      "an acceptor that promised \(higher) never takes part in a lower ballot: "
        + valueOfHigher(higher) + ", and a lower ballot must not overrule it",
      retryLine(ballot),
    ]
  }

  /// When the proposer of `ballot`, just refused, tries again.
  func retryLine(_ ballot: Ballot) -> String {
    let delay = step.lazy.compactMap { position -> Int? in
      if case .timerArmed(ballot.proposer, let delay) = cluster.trace.entries[position].event {
        return delay
      }
      return nil
    }.first
    guard let delay else {
      // The simulator arms no timer only when the proposer has no round left.
      return "\(ballot.proposer) will not try again: it has no round left, as \(Int.max) is the"
        + " highest round there is and it has used or seen it; 'reset' starts over"
    }
    return "\(ballot.proposer) will try again with a higher round "
      + (delay == 0 ? "at once" : "in \(delay) ticks")
  }

  /// How the proposer of `higher` picks its value, as far as it had got by this event.
  func valueOfHigher(_ higher: Ballot) -> String {
    guard let (value, position) = proposed(under: higher) else {
      return "the proposer of \(higher) will pick its value from the promises it gets"
    }
    return "the proposer of \(higher) picked its value, \(show(value)), from the promises it got"
      + " (at time \(cluster.trace.entries[position].time))"
  }

  private func decided(_ value: ValueID, _ ballot: Ballot) -> [String] {
    let told = received(.accepted, for: ballot, by: ballot.proposer).filter { $0.value == value }
      .map(\.from)
    return [
      "\(ballot.proposer) knows \(show(value)) is chosen: \(names(told)) reported accepting"
        + " \(ballot), a quorum; its attempt is over"
    ]
  }

  /// The last message of this step, up to this event, delivered and matching `test`.
  func deliveredInStep(_ test: (Message) -> Bool) -> Message? {
    for position in (step.lowerBound..<index).reversed() {
      if case .delivered(let id) = cluster.trace.entries[position].event, test(cluster.trace[id]) {
        return cluster.trace[id]
      }
    }
    return nil
  }

  private func lost(_ id: MessageID, _ reason: LossReason) -> [String] {
    let message = cluster.trace[id]
    switch reason {
    case .receiverDown:
      return [
        "\(cluster.describe(id)) was lost: \(message.to) is down; a down node neither"
          + " answers nor counts toward a quorum. " + upAcceptorsThen
      ]
    case .partitioned:
      return [
        "\(cluster.describe(id)) was lost: \(message.from) and \(message.to) are on different"
          + " sides of the partition, and no message crosses it until 'heal'"
      ]
    }
  }

  private func dropped(_ id: MessageID) -> [String] {
    [
      "\(cluster.describe(id)) was dropped: the network lost it, and nobody is told; Paxos"
        + " allows any message to be lost, so this can cost progress (a retry, a longer wait)"
        + " but never safety"
    ]
  }

  private func duplicated(_ original: MessageID, _ copy: MessageID) -> [String] {
    [
      "the network copied \(original) as \(copy): a message may arrive twice, and Paxos stays"
        + " safe when it does, as an acceptor promises a ballot once and a proposer or learner"
        + " counts each acceptor once"
    ]
  }

  private func chosen(_ value: ValueID, _ ballot: Ballot) -> [String] {
    let proposal = ChoiceHistory.Proposal(ballot: ballot, value: value)
    let accepted = acceptors(of: proposal)
    if cluster.choices.isChosenAgain(value, under: ballot), let first = cluster.choices.chosen.first
    {
      return [
        "\(show(value)) is chosen again: \(names(accepted)) accepted \(ballot), a quorum"
          + " (\(quorum) of \(acceptorCount)); it has been the chosen value since \(first.ballot)"
          + " (at time \(first.time)), so this ballot could carry nothing else"
      ]
    }
    var lines = [
      "\(show(value)) is chosen: \(names(accepted)) accepted \(ballot), a quorum"
        + " (\(quorum) of \(acceptorCount))"
    ]
    // The promise holds only while the protocol is intact and this is the first choice.
    if cluster.settings.bugs.isEmpty, cluster.choices.value == value {
      lines.append(
        "any later quorum of promises includes one of \(names(accepted)), which reports"
          + " \(show(value)), so every later ballot proposes \(show(value)) too")
    }
    return lines
  }

  private func crashed(_ node: NodeID) -> [String] {
    guard let state = cluster.node(node), state.roles.contains(.acceptor) else {
      let roles = cluster.node(node)?.roles ?? []
      if cluster.config.isLog { return crashedInLog(node, roles) }
      return [
        "\(node) crashed: it stops answering"
          + (roles.contains(.proposer)
            ? "; its disk keeps its last round, so no ballot of its will be used twice" : "")
          + (roles.contains(.learner) ? "; it forgets what it counted and learned" : "")
      ]
    }
    let disk = diskThen(of: node)
    let promised = promiseThen(of: node)
    let bugs = cluster.settings.bugs
    let kept =
      promised > disk.minProposal
      ? "its promise of \(promised) never reached its disk ("
        + (bugs.contains(.replyFirst)
          ? "bug reply-first: it answered before writing" : "bug no-persist")
        + "), so it comes back without it"
      : disk.minProposal.isZero
        ? "it had promised nothing yet, so it forgets nothing"
        // The switch wipes the disk at the crash, whatever reached it before.
        : bugs.contains(.noPersist)
          ? "bug no-persist is on, so it comes back with nothing: its promises are forgotten"
          : bugs.contains(.replyFirst)
            ? "bug reply-first is on, so it keeps only what reached its disk"
              + " (\(cluster.describe(disk))): anything it answered after that is forgotten"
            : "it keeps only its disk (\(cluster.describe(disk))), so no promise it gave is"
              + " forgotten"
    return ["\(node) crashed: " + kept] + slotsKept(node) + [upAcceptorsThen]
  }

  private func recovered(_ node: NodeID) -> [String] {
    var read: [String] = []
    for position in step where position > index {
      switch cluster.trace.entries[position].event {
      case .restoredAcceptor(node, let state):
        read.append(state.minProposal.isZero ? "no promise" : cluster.describe(state))
      case .restoredRound(node, let round):
        read.append(
          round == 0 ? "no round used" : "round \(round), so its next ballot goes higher")
      case .restoredVotes(node, let count):
        read.append("\(count) accepted slot\(count == 1 ? "" : "s")")
      case .restoredLearner(node, let learned, let applied):
        read.append(
          "\(learned) learned slot\(learned == 1 ? "" : "s"), applied up to slot \(applied), so"
            + " it resumes where it stopped")
      default: break
      }
    }
    let restart = read.isEmpty ? "" : " (it read " + read.joined(separator: "; ") + ")"
    return ["\(node) recovered from its disk\(restart). " + upAcceptorsThen]
  }
}
