import PaxosCore
import PaxosSim

/// What the receiver of a delivered message did with it in a log cluster: an acceptor's vote in
/// a slot, a proposer or learner counting a reply, a catch-up asked and answered.
extension EventContext {
  func deliveredInLog(_ message: Message) -> [String] {
    switch message.kind {
    case .prepare: return []
    case .accept: return askedToAcceptSlot(message)
    case .promise, .nack: return leaderTakes(message)
    case .accepted: return slotReplyCounted(message) + slotLearnerCounts(message)
    case .catchup: return catchupAnswered(message)
    case .chosen: return catchupArrived(message)
    }
  }

  /// `every slot it accepted: [1] 1.p1 put x 1, [3] 1.p1 get x; ...`
  func slotsReported(in promise: Message) -> String {
    guard case .votes(let votes)? = cluster.trace.report(in: promise), !votes.isEmpty else {
      return "that it accepted nothing in any slot"
    }
    return "every slot it accepted: " + slotList(votes, ballots: true)
  }

  /// `[1] 1.p1 put x 1, [3] noop and 4 more`
  func slotList(_ votes: [SlotVote], ballots: Bool) -> String {
    let named = votes.prefix(Self.slotsNamed).map { vote in
      "[\(vote.slot)] " + (ballots ? "\(vote.ballot) " : "") + show(vote.command)
    }
    let more = votes.count - named.count
    return named.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
  }

  private func askedToAcceptSlot(_ message: Message) -> [String] {
    let acceptor = message.to
    guard let reply = reply(from: acceptor), let command = message.value else { return [] }
    let what = "\(message.ballot) in slot \(message.slot) (\(show(command)))"
    guard reply.kind == .accepted else {
      return [
        "\(acceptor) refused to accept \(what): it had promised \(reply.prior), a higher ballot,"
          + " so a newer phase 1 has begun; the nack tells \(message.from) of \(reply.prior)"
      ]
    }
    let promised = promiseThen(of: acceptor)
    if promised > message.ballot {
      return [
        "\(acceptor) accepted \(what) although it had promised \(promised): bug accept-any is on;"
          + " a correct acceptor refuses every ballot below its promise"
      ]
    }
    let vote = SlotVote(slot: message.slot, ballot: message.ballot, command: command)
    // The choice, if this vote made one, tells the rest.
    guard !toldLater({ $0 == .chosenSlot(vote) }) else { return [] }
    let voters = acceptors(
      of: ChoiceHistory.Proposal(ballot: vote.ballot, value: command, slot: vote.slot))
    let disk =
      persisted(acceptor)
      ? "it wrote its vote to disk before telling anyone"
      : "its vote has not reached its disk (a teaching switch is on)"
    let count =
      voters.count > quorum
      ? "slot \(vote.slot) already had a quorum for \(vote.ballot), so this vote changes nothing"
      : "\(voters.count) of the \(quorum) votes slot \(vote.slot) needs (\(names(voters)))"
    return [
      "\(acceptor) accepted \(what): it had promised no higher ballot; \(disk); \(count)"
    ]
  }

  /// A promise or a nack reaching its proposer in a log cluster.
  private func leaderTakes(_ message: Message) -> [String] {
    let proposer = message.to
    guard cluster.node(proposer)?.roles.contains(.proposer) == true,
      !toldLater({ event in
        switch event {
        case .leads(let ballot, _), .abandoned(let ballot, _): ballot.proposer == proposer
        default: false
        }
      })
    else { return [] }
    let attempt = attempt(of: proposer)
    let what = "\(message.from)'s \(message.kind.name) for \(message.ballot)"
    if message.kind == .promise, attempt == .preparing(message.ballot) {
      let count = received(.promise, for: message.ballot, by: proposer).count
      return [
        "\(proposer) counted \(what): \(count) of the \(quorum) it needs; it reports "
          + slotsReported(in: message) + "; for each slot \(proposer) keeps the highest ballot"
          + " its promises report, to propose its command again"
      ]
    }
    if message.kind == .nack, message.prior > message.ballot {
      return [
        "\(proposer) notes \(message.prior) from \(what): "
          + movedOn(attempt, from: message.ballot)
          + "; its next attempt will use a higher round"
      ]
    }
    return ["\(proposer) ignores \(what): " + movedOn(attempt, from: message.ballot)]
  }

  /// An acceptance reaching the proposer of its ballot: counted until it knows the slot chosen.
  private func slotReplyCounted(_ message: Message) -> [String] {
    let proposer = message.to
    guard message.ballot.proposer == proposer, let command = message.value,
      !toldLater({ if case .decidedSlot(proposer, _) = $0 { true } else { false } })
    else { return [] }
    let vote = SlotVote(slot: message.slot, ballot: message.ballot, command: command)
    let what = "\(message.from)'s acceptance of \(message.ballot) in slot \(message.slot)"
    if knewChosen(slot: vote.slot, node: proposer) {
      return ["\(proposer) already knows slot \(vote.slot) chosen, so \(what) changes nothing"]
    }
    let count = acceptedReplies(vote, to: proposer).count
    return [
      "\(proposer) counted \(what): \(count) of the \(quorum) it needs to know the slot chosen"
    ]
  }

  /// An acceptance reaching a learner: counted toward learning the slot, or too late.
  private func slotLearnerCounts(_ message: Message) -> [String] {
    let learner = message.to
    guard cluster.node(learner)?.roles.contains(.learner) == true, let command = message.value,
      !toldLater({ if case .learnedSlot(learner, _) = $0 { true } else { false } })
    else { return [] }
    let vote = SlotVote(slot: message.slot, ballot: message.ballot, command: command)
    if knewChosen(slot: vote.slot, node: learner) {
      return [
        "\(learner) already learned slot \(vote.slot) and stops counting it: once chosen, a"
          + " slot's command never changes"
      ]
    }
    let count = acceptedReplies(vote, to: learner).count
    return [
      "\(learner) counted \(message.from)'s acceptance of \(message.ballot) in slot"
        + " \(vote.slot) (\(show(command))): \(count) of the \(quorum) it needs to learn the slot"
    ]
  }

  /// Whether `node` knew `slot` chosen (a proposer) or learned it (a learner) before this
  /// event. A learner's slots are durable; a proposer's knowledge ends at a crash.
  private func knewChosen(slot: Int, node: NodeID) -> Bool {
    for position in stride(from: index - 1, through: max(0, index - Self.promiseLookback), by: -1) {
      switch cluster.trace.entries[position].event {
      case .decidedSlot(node, let vote), .learnedSlot(node, let vote):
        if vote.slot == slot { return true }
      case .crashed(node):
        if cluster.node(node)?.roles.contains(.learner) != true { return false }
      default:
        continue
      }
    }
    return false
  }

  /// A learner asking for the slots it lacks: the catchup messages it sent in this step.
  func catchupAsked(by learner: NodeID) -> [String] {
    let asked = step.compactMap { position -> Message? in
      guard case .sent(let id) = cluster.trace.entries[position].event else { return nil }
      let sent = cluster.trace[id]
      return sent.kind == .catchup && sent.from == learner ? sent : nil
    }
    guard let message = asked.first else { return [] }
    return [
      "\(learner) asks \(names(asked.map(\.to))) for the chosen slots it lacks, telling them "
        + learnedRanges(in: message)
        + ": a learner cannot know what it never heard of, so it asks whoever may know; each"
        + " that is up answers with every slot it knows chosen that \(message.from) lacks"
    ]
  }

  /// `it has [1-3], [5]`, or that it has learned nothing.
  private func learnedRanges(in catchup: Message) -> String {
    guard case .learned(let ranges)? = cluster.trace.report(in: catchup), !ranges.isEmpty else {
      return "it has learned nothing yet"
    }
    return "it has "
      + ranges.map { $0.count == 1 ? "[\($0.lowerBound)]" : "[\($0.lowerBound)-\($0.upperBound)]" }
      .joined(separator: ", ")
  }

  private func catchupAnswered(_ message: Message) -> [String] {
    let node = message.to
    guard let answer = reply(from: node) else { return [] }
    let has = learnedRanges(in: message)
    guard case .chosen(let votes)? = cluster.trace.report(in: answer), !votes.isEmpty else {
      return [
        "\(node) answered \(message.from)'s catch-up request (\(has)) with nothing new: it knows"
          + " no chosen slot that \(message.from) lacks"
      ]
    }
    return [
      "\(node) answered \(message.from)'s catch-up request (\(has)) with every slot it knows"
        + " chosen that \(message.from) lacks: " + slotList(votes, ballots: false)
    ]
  }

  private func catchupArrived(_ message: Message) -> [String] {
    let learner = message.to
    guard !toldLater({ if case .learnedSlot(learner, _) = $0 { true } else { false } }) else {
      return []
    }
    return [
      "\(message.from)'s catch-up answer brings \(learner) nothing new: it already had every slot"
        + " the answer holds"
    ]
  }
}
