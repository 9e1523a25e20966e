import PaxosCore
import PaxosSim

/// One thing the trace shows a teaching switch doing, in words.
struct SwitchFinding: Equatable {
  let bug: Bug
  let text: String
}

/// What the trace shows the teaching switches doing before two values were chosen: one pass
/// over the entries before the violation, at most `Explanation.lookback` of them.
struct AgreementEvidence {
  typealias Proposal = ChoiceHistory.Proposal

  /// What an acceptor told others it holds, by the promises and acceptances it sent.
  private struct Held {
    var promised = Ballot.zero
    var accepted = Ballot.zero
  }

  /// The acceptances of one of the two proposals, up to its choice.
  private struct Quorum {
    var acceptors: [NodeID] = []
    var isChosen = false
  }

  private let context: EventContext
  /// The first proposal chosen, and the later one that chose another value.
  private let earlier: Proposal
  private let later: Proposal
  private var findings: [SwitchFinding] = []
  private var held: [NodeID: Held] = [:]
  private var quorums: [Proposal: Quorum] = [:]
  /// The time at which each ballot of the two proposals was first started.
  private var started: [Ballot: Int32] = [:]
  /// The acceptors whose promises for the later ballot reached its proposer.
  private var promisers: [NodeID] = []
  /// In a log: a promise for the later ballot that reported a vote in the slot.
  private var reportedVote: (reporter: NodeID, vote: SlotVote)?

  static func findings(earlier: Proposal, later: Proposal, in context: EventContext)
    -> [SwitchFinding]
  {
    var evidence = AgreementEvidence(context: context, earlier: earlier, later: later)
    let entries = context.cluster.trace.entries
    for position in max(0, context.index - Explanation.lookback)..<context.index {
      evidence.note(entries[position])
    }
    return evidence.findings + evidence.smallQuorum()
  }

  private init(context: EventContext, earlier: Proposal, later: Proposal) {
    self.context = context
    self.earlier = earlier
    self.later = later
  }

  private mutating func note(_ entry: TraceEntry) {
    switch entry.event {
    case .startedPhase1(let ballot) where ballot == earlier.ballot || ballot == later.ballot:
      guard let first = started[ballot] else {
        started[ballot] = entry.time
        return
      }
      found(
        .forgetBallot,
        "\(ballot.proposer) started \(ballot) at time \(first) and again at time \(entry.time),"
          + " having forgotten it used it")
    case .startedPhase2(let ballot, let value, .ignoredAccepted(let reporter, let accepted))
    where [earlier, later].contains(Proposal(ballot: ballot, value: value)):
      found(
        .ignoreAccepted,
        "\(ballot.proposer) proposed \(context.show(value)) under \(ballot) at time \(entry.time)"
          + " although \(reporter) reported having accepted \(accepted)")
    case .sent(let id): noteReply(context.cluster.trace[id], time: entry.time)
    case .delivered(let id):
      let message = context.cluster.trace[id]
      if message.kind == .promise, message.ballot == later.ballot,
        message.to == later.ballot.proposer, !promisers.contains(message.from)
      {
        promisers.append(message.from)
        notePromiseReport(message)
      }
    case .restoredAcceptor(let node, let state): noteRestore(node, state, time: entry.time)
    case .chosen(let value, let ballot):
      quorums[Proposal(ballot: ballot, value: value)]?.isChosen = true
    case .chosenSlot(let vote):
      quorums[Proposal(ballot: vote.ballot, value: vote.command, slot: vote.slot)]?.isChosen = true
    case .leads(later.ballot, _):
      // A leader that heard of the slot's vote and proposed something else there ignored it.
      guard let (reporter, vote) = reportedVote else { return }
      found(
        .ignoreAccepted,
        "\(later.ballot.proposer) led with \(later.ballot) at time \(entry.time) and proposed"
          + " \(context.show(later.value)) in slot \(later.slot) although \(reporter) reported"
          + " having accepted \(context.show(vote.command)) there under \(vote.ballot)")
    default: break
    }
  }

  /// In a log: the highest vote in the later proposal's slot that its promises reported.
  private mutating func notePromiseReport(_ promise: Message) {
    guard later.slot > 0,
      case .votes(let votes)? = context.cluster.trace.report(in: promise),
      let vote = votes.first(where: { $0.slot == later.slot }),
      vote.command != later.value, vote.ballot > (reportedVote?.vote.ballot ?? .zero)
    else { return }
    reportedVote = (promise.from, vote)
  }

  /// An acceptor's promise or acceptance: what it holds from now on.
  private mutating func noteReply(_ message: Message, time: Int32) {
    var state = held[message.from, default: Held()]
    switch message.kind {
    case .promise:
      state.promised = max(state.promised, message.ballot)
    // The copy to the proposer: one per acceptance, whatever the learners.
    case .accepted where message.to == message.ballot.proposer:
      if let value = message.value {
        noteAcceptance(
          Proposal(ballot: message.ballot, value: value, slot: message.slot), by: message.from,
          promised: state.promised,
          time: time)
      }
      state.accepted = max(state.accepted, message.ballot)
      state.promised = max(state.promised, message.ballot)
    default: return
    }
    held[message.from] = state
  }

  /// An acceptance in spite of a higher promise matters when it counts toward one of the two
  /// choices, or when it overwrites a vote for the earlier value, which then goes unreported.
  private mutating func noteAcceptance(
    _ proposal: Proposal, by acceptor: NodeID, promised: Ballot, time: Int32
  ) {
    var counts = false
    if [earlier, later].contains(proposal) {
      var quorum = quorums[proposal, default: Quorum()]
      counts = !quorum.isChosen
      if counts, !quorum.acceptors.contains(acceptor) { quorum.acceptors.append(acceptor) }
      quorums[proposal] = quorum
    }
    let overwrites =
      !counts && proposal != earlier && quorums[earlier]?.isChosen == true
      && quorum(of: earlier).contains(acceptor)
    guard proposal.ballot < promised, counts || overwrites else { return }
    found(
      .acceptAny,
      "\(acceptor) accepted \(proposal.ballot) = \(context.show(proposal.value)) at time \(time)"
        + " although it had promised \(promised)"
        + (overwrites ? ", overwriting its vote for \(context.show(earlier.value))" : ""))
  }

  /// A recovering acceptor of either proposal that reads less from its disk than it had told
  /// others.
  private mutating func noteRestore(_ node: NodeID, _ state: AcceptorState, time: Int32) {
    let before = held[node, default: Held()]
    // In a log the votes are read apart from the promise: only the promise is compared.
    let isLog = context.cluster.config.isLog
    held[node] = Held(
      promised: state.minProposal, accepted: isLog ? before.accepted : state.acceptedProposal)
    guard quorum(of: earlier).contains(node) || quorum(of: later).contains(node),
      state.minProposal < before.promised
        || (!isLog && state.acceptedProposal < before.accepted)
    else { return }
    let disk = state.minProposal.isZero ? "nothing" : context.cluster.describe(state)
    // An acceptance is a promise too: name the promise only when it was higher.
    let had =
      before.accepted.isZero
      ? "promised \(before.promised)"
      : "accepted \(before.accepted)"
        + (before.promised > before.accepted ? " and promised \(before.promised)" : "")
    for bug in Bug.losingWrites {
      found(
        bug, "\(node) came back at time \(time) reading \(disk) from its disk, though it had " + had
      )
    }
  }

  /// The acceptors that chose `proposal`, as far as the pass saw; all that ever accepted it
  /// when its choice came before the entries read.
  private func quorum(of proposal: Proposal) -> [NodeID] {
    guard let quorum = quorums[proposal], quorum.isChosen else {
      return context.acceptors(of: proposal)
    }
    return quorum.acceptors
  }

  /// Two quorums without a common acceptor: the earlier value could not be heard of.
  private func smallQuorum() -> [SwitchFinding] {
    let config = context.cluster.config
    guard config.quorum < config.majority else { return [] }
    let chose = quorum(of: earlier)
    let why =
      ": a quorum of \(config.quorum) of \(config.acceptors.count) is no majority, and only"
      + " majorities always overlap"
    let chosen = quorum(of: later)
    if !chosen.contains(where: chose.contains) {
      return [
        SwitchFinding(
          bug: .smallQuorum,
          text: "the acceptors that chose \(context.show(earlier.value)) (\(context.names(chose)))"
            + " and those that chose \(context.show(later.value)) (\(context.names(chosen)))"
            + " have none in common" + why)
      ]
    }
    if !promisers.isEmpty, !promisers.contains(where: chose.contains) {
      return [
        SwitchFinding(
          bug: .smallQuorum,
          text: "the acceptors that promised \(later.ballot) (\(context.names(promisers)))"
            + " include none of those that chose \(context.show(earlier.value))"
            + " (\(context.names(chose)))" + why)
      ]
    }
    return []
  }

  private mutating func found(_ bug: Bug, _ text: String) {
    let finding = SwitchFinding(bug: bug, text: text)
    if !findings.contains(finding) { findings.append(finding) }
  }
}
