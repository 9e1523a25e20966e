import PaxosCore
import PaxosSim

/// `explain` in a log cluster: requests, leaders and their slots, choices per slot, and the
/// learners that apply the log in order, each request once.
extension EventContext {
  /// How many slots of a promise's report `explain` names before saying how many more.
  static let slotsNamed = 4

  func explainInLog() -> [String] {
    switch event {
    case .requested(let command, let proposer, let retry): requested(command, proposer, retry)
    case .holds(let node, let command):
      [
        "\(node) holds \(command.requestName): it does not lead yet, and only a leader gives a"
          + " request a slot; when its phase 1 ends, its held requests go in the slots after"
          + " those the promises report"
      ]
    case .knownChosen(let node, let vote):
      [
        "\(node) already knows \(vote.command.requestName) is chosen, in slot \(vote.slot), so it"
          + " proposes nothing: the client's reply comes from the learners that apply the slot"
      ]
    case .leads(let ballot, let top): leads(ballot, top: top)
    case .proposed(let vote, let source): proposed(vote, source)
    case .decidedSlot(let node, let vote): decidedSlot(node, vote)
    case .chosenSlot(let vote): chosenSlot(vote)
    case .learnedSlot(let node, let vote): learnedSlot(node, vote)
    case .applied(let node, let entry, _): applied(node, entry)
    case .skippedDuplicate(let node, let entry, let first): skipped(node, entry, first: first)
    case .waits(let node, let missing, let learned):
      [
        "\(node) learned [\(learned)] but applies the log strictly in slot order, so it waits"
          + " for slot \(missing) first"
      ] + stillWaiting(node, Int(missing))
    // Parts of another event's story: what a node writes to or reads from its disk.
    default: []
    }
  }

  /// Who could fill the slot a learner waits for, while it still waits; else that it is past.
  private func stillWaiting(_ learner: NodeID, _ slot: Int) -> [String] {
    guard let node = cluster.node(learner) else { return [] }
    guard node.disk.replica.hasApplied(slot) else {
      return LearnerBlockage.fillers(of: slot, for: learner, in: cluster)
    }
    return ["\(learner) has applied slot \(slot) since"]
  }

  private func requested(_ command: ValueID, _ proposer: NodeID, _ retry: Bool) -> [String] {
    guard retry else {
      return [
        "a client hands request \(command.requestName) (\(show(command))) to \(proposer); the id"
          + " stays with it, also when the client sends it again"
      ]
    }
    return [
      "the client sends \(command.requestName) (\(show(command))) again, to \(proposer), with the"
        + " same id: a client cannot tell a lost request from a slow one; the log may then hold"
        + " it twice, and each learner applies it once"
    ]
  }

  private func leads(_ ballot: Ballot, top: Int) -> [String] {
    let promises = received(.promise, for: ballot, by: ballot.proposer)
    let leader = ballot.proposer
    var lines = [
      "\(leader) leads with \(ballot): \(names(promises.map(\.from))) promised it, a quorum; one"
        + " phase 1 covers every slot, so from now on each request costs \(leader) one round trip"
        + " (accept, accepted) and no prepare"
    ]
    let reportedTop =
      promises.compactMap { promise -> Int? in
        guard case .votes(let votes)? = cluster.trace.report(in: promise) else { return nil }
        return votes.last?.slot
      }.max() ?? 0
    if cluster.settings.bugs.contains(.ignoreAccepted), reportedTop > top {
      lines.append(
        "the promises report slots up to \(reportedTop), but bug ignore-accepted is on:"
          + " \(leader) treats them as reporting nothing, so its requests go from slot \(top + 1)"
          + " and can overwrite a chosen slot")
      return lines
    }
    lines.append(
      top == 0
        ? "no promise reports an accepted slot and it knows none chosen, so its log starts at"
          + " slot 1"
        : "the promises report slots up to \(top) (or it knows them chosen): in each slot it does"
          + " not know chosen it proposes again the command of the highest ballot reported"
          + " there, and a no-op where none was; the requests it holds go from slot \(top + 1)")
    return lines
  }

  private func proposed(_ vote: SlotVote, _ source: SlotSource) -> [String] {
    let leader = vote.ballot.proposer
    switch source {
    case .request:
      let held = step.contains { position in
        if case .leads(vote.ballot, _) = cluster.trace.entries[position].event { return true }
        return false
      }
      return [
        held
          ? "\(leader) puts \(vote.command.requestName), which it held while its phase 1 ran, in"
            + " slot \(vote.slot), after the slots the promises reported"
          : "\(leader) leads with \(vote.ballot), so it puts \(vote.command.requestName) in its"
            + " next free slot, [\(vote.slot)], at once: an accept to each acceptor and no"
            + " prepare, as its phase 1 covers every slot"
      ]
    case .adopted(let reporter):
      return adopted(vote, reporter: reporter)
    case .noop:
      return noop(vote)
    }
  }

  /// The promises counted for `ballot` and, for `slot`, the highest vote each reported.
  private func reports(for ballot: Ballot, slot: Int) -> [(from: NodeID, vote: SlotVote?)] {
    received(.promise, for: ballot, by: ballot.proposer).map { promise in
      guard case .votes(let votes)? = cluster.trace.report(in: promise) else {
        return (promise.from, nil)
      }
      return (promise.from, votes.first { $0.slot == slot })
    }
  }

  private func adopted(_ vote: SlotVote, reporter: NodeID) -> [String] {
    let leader = vote.ballot.proposer
    let reports = reports(for: vote.ballot, slot: vote.slot)
    let reported = reports.first { $0.from == reporter }?.vote
    let accepted = reported?.ballot ?? .zero
    var lines = [
      "\(leader) proposes \(show(vote.command)) again in slot \(vote.slot), under \(vote.ballot):"
        + " \(reporter) reported accepting it there under \(accepted), the highest ballot the"
        + " promises (from \(names(reports.map(\.from)))) report for slot \(vote.slot)"
    ]
    let earlier = acceptors(
      of: ChoiceHistory.Proposal(ballot: accepted, value: vote.command, slot: vote.slot))
    lines.append(
      "\(accepted) was accepted there by \(names(earlier)): "
        + (earlier.count >= quorum
          ? "a quorum, so it is chosen in slot \(vote.slot) and must stay chosen"
          : "not a quorum, but \(leader) cannot know it was not chosen elsewhere, so it keeps it"))
    return lines
  }

  private func noop(_ vote: SlotVote) -> [String] {
    let leader = vote.ballot.proposer
    let reports = reports(for: vote.ballot, slot: vote.slot)
    let promisers = names(reports.map(\.from))
    if cluster.settings.bugs.contains(.ignoreAccepted),
      let reported = reports.first(where: { $0.vote != nil })
    {
      return [
        "\(leader) fills slot \(vote.slot) with a no-op although \(reported.from) reported"
          + " accepting a command there: bug ignore-accepted is on, so \(leader) treats the"
          + " promises as reporting nothing, and a chosen command can be overwritten"
      ]
    }
    var lines = [
      "\(leader) fills slot \(vote.slot) with a no-op: none of the promises it counted"
        + " (\(promisers)) reports slot \(vote.slot), yet they report slots up to"
        + " \(leadTop(vote.ballot)) (or it knows them chosen); learners apply in order and would"
        + " wait at an empty slot for ever, so the gap gets a command that does nothing",
      "nothing can have been chosen in slot \(vote.slot): a chosen command was accepted by a"
        + " quorum, and every quorum shares an acceptor with \(promisers)",
    ]
    let displaced = acceptedBefore(slot: vote.slot).filter { accepted in
      !reports.contains { $0.from == accepted.from }
    }
    if let first = displaced.first {
      let command = first.vote.command
      lines.append(
        "\(first.from) had accepted \(show(command)) there under \(first.vote.ballot), but it was"
          + " not among the promises: "
          + (command.isNoop
            ? "that no-op is replaced"
            : "\(command.requestName) is displaced from slot \(vote.slot); it is proposed again"
              + " only if a leader holds it, or when its client retries"))
    }
    return lines
  }

  /// The top slot of `ballot`'s leadership, from its `leads` event in this step.
  private func leadTop(_ ballot: Ballot) -> Int {
    for position in step {
      if case .leads(ballot, let top) = cluster.trace.entries[position].event { return top }
    }
    return 0
  }

  /// The votes acceptors had told of in `slot` before this event: the latest of each.
  private func acceptedBefore(slot: Int) -> [(from: NodeID, vote: SlotVote)] {
    var found: [(from: NodeID, vote: SlotVote)] = []
    for position in stride(from: index - 1, through: max(0, index - Self.promiseLookback), by: -1) {
      guard case .sent(let id) = cluster.trace.entries[position].event else { continue }
      let message = cluster.trace[id]
      guard message.kind == .accepted, message.slot == slot, let command = message.value,
        !found.contains(where: { $0.from == message.from })
      else { continue }
      found.append((message.from, SlotVote(slot: slot, ballot: message.ballot, command: command)))
    }
    return found
  }

  private func decidedSlot(_ node: NodeID, _ vote: SlotVote) -> [String] {
    if let answer = deliveredInStep({ $0.kind == .chosen && $0.to == node }) {
      return [
        "\(node) knows slot \(vote.slot) holds \(show(vote.command)): \(answer.from)'s catch-up"
          + " answer said so"
      ]
    }
    let told = acceptedReplies(vote, to: node).map(\.from)
    return [
      "\(node) knows \(show(vote.command)) is chosen in slot \(vote.slot): \(names(told)) reported"
        + " accepting \(vote.ballot) there, a quorum; it stops counting replies for the slot and"
        + " no longer holds its request"
    ]
  }

  private func chosenSlot(_ vote: SlotVote) -> [String] {
    let accepted = acceptors(
      of: ChoiceHistory.Proposal(ballot: vote.ballot, value: vote.command, slot: vote.slot))
    let quorumText =
      "\(names(accepted)) accepted \(vote.ballot) in slot \(vote.slot), a quorum"
      + " (\(quorum) of \(acceptorCount))"
    if cluster.choices.isChosenAgain(vote), let first = cluster.choices.choice(in: vote.slot) {
      return [
        "\(show(vote.command)) is chosen again in slot \(vote.slot): \(quorumText); it has been"
          + " chosen there since \(first.ballot), so a later ballot could carry nothing else"
      ]
    }
    if let first = cluster.choices.choice(in: vote.slot), first.command != vote.command {
      return [
        "\(show(vote.command)) is chosen in slot \(vote.slot) too: \(quorumText); but"
          + " \(show(first.command)) was chosen there under \(first.ballot), and a slot must hold"
          + " one command"
      ]
    }
    var lines = ["\(show(vote.command)) is chosen in slot \(vote.slot): \(quorumText)"]
    if cluster.settings.bugs.isEmpty, cluster.choices.choice(in: vote.slot) == vote {
      lines.append(
        "every later leader's promises include one of \(names(accepted)), which reports it, so"
          + " every later leader proposes it again in slot \(vote.slot)")
    }
    return lines
  }

  private func learnedSlot(_ node: NodeID, _ vote: SlotVote) -> [String] {
    // A catch-up answer carries the slot's choice, ballot and all.
    if let answer = deliveredInStep({ $0.kind == .chosen && $0.to == node }) {
      return [
        "\(node) learned slot \(vote.slot), \(show(vote.command)), from \(answer.from)'s catch-up"
          + " answer: it keeps it on its disk"
      ]
    }
    return [
      "\(node) learned slot \(vote.slot), \(show(vote.command)): acceptors told it they accepted"
        + " \(vote.ballot) there, and \(quorum) of them make a quorum; it keeps it on its disk"
    ]
  }

  private func applied(_ node: NodeID, _ entry: AppliedEntry) -> [String] {
    let slot = Int(entry.slot)
    let learnedNow = step.contains { position in
      if case .learnedSlot(node, let vote) = cluster.trace.entries[position].event {
        return vote.slot == slot
      }
      return false
    }
    let order =
      learnedNow
      ? "every slot below it was applied"
      : "it had learned it before, and waited for the slots below it"
    guard !entry.command.isNoop else {
      return [
        "\(node) applied slot \(slot), a no-op: it changes nothing, but the slot counts as"
          + " applied, so the slots after it can go (\(order))"
      ]
    }
    let firstToApply = !appliedEarlier(entry.command, by: nil)
    let reply =
      firstToApply
      ? "; it is the first learner to apply \(entry.command.requestName), so the client's reply"
        + " is what it computed"
        + (Int(entry.command.raw) < cluster.requests.count
          ? cluster.requests[Int(entry.command.raw)].reply.map { ", \($0)" } ?? "" : "")
      : ""
    return [
      "\(node) applied slot \(slot), \(show(entry.command)) (\(entry.command.requestName)), to"
        + " its store: \(order)" + reply
    ]
  }

  /// Whether a learner (`learner`, or any when nil) applied `command` before this event.
  private func appliedEarlier(_ command: ValueID, by learner: NodeID?) -> Bool {
    stride(from: index - 1, through: max(0, index - Explanation.lookback), by: -1).contains {
      if case .applied(let node, let entry, _) = cluster.trace.entries[$0].event {
        return entry.command == command && (learner == nil || learner == node)
      }
      return false
    }
  }

  private func skipped(_ node: NodeID, _ entry: AppliedEntry, first: Int32) -> [String] {
    let request = entry.command.requestName
    return [
      "\(node) skipped slot \(entry.slot): it holds \(request) (\(show(entry.command))), which"
        + " \(node) already applied in slot \(first); a client retried \(request) and a leader"
        + " gave the copy a slot of its own",
      "applying it again would do it twice (an append would append twice): each request is"
        + " applied at most once; the slot still counts as applied, so the next can go",
    ]
  }

  /// The acceptances of `vote` delivered to `node` up to this event, one per acceptor, since
  /// `node` last restarted (what it counted is volatile).
  func acceptedReplies(_ vote: SlotVote, to node: NodeID) -> [Message] {
    var replies: [Message] = []
    for position in stride(from: index, through: max(0, index - Self.promiseLookback), by: -1) {
      switch cluster.trace.entries[position].event {
      case .recovered(node):
        return replies.reversed()
      case .delivered(let id):
        let message = cluster.trace[id]
        if message.kind == .accepted, message.to == node, message.slot == vote.slot,
          message.ballot == vote.ballot, message.value == vote.command,
          !replies.contains(where: { $0.from == message.from })
        {
          replies.append(message)
        }
      default:
        continue
      }
    }
    return replies.reversed()
  }
}
