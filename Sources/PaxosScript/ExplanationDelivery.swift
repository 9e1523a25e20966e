import PaxosCore
import PaxosSim

/// What the receiver of a delivered message did with it, and why: an acceptor's promise, vote
/// or refusal; a proposer or learner counting a reply, or ignoring it. When the delivery moved
/// the round on (phase 2 began, a value was chosen...), that event tells the story instead.
extension EventContext {
  func delivered(_ id: MessageID) -> [String] {
    let message = cluster.trace[id]
    // A prepare is answered alike in both modes: one promise covers every slot.
    if cluster.config.isLog, message.kind != .prepare { return deliveredInLog(message) }
    switch message.kind {
    case .prepare: return prepared(message, id)
    case .accept: return askedToAccept(message)
    case .promise, .nack: return proposerTakes(message)
    case .accepted: return proposerTakes(message) + learnerTakes(message)
    // Only a log cluster sends these.
    case .catchup, .chosen: return []
    }
  }

  /// The first message `node` sent in this step after this event: its reply.
  func reply(from node: NodeID) -> Message? {
    for position in (index + 1)..<step.upperBound {
      if case .sent(let id) = cluster.trace.entries[position].event,
        cluster.trace[id].from == node
      {
        return cluster.trace[id]
      }
    }
    return nil
  }

  /// Whether `node` wrote its acceptor state to disk in this step.
  func persisted(_ node: NodeID) -> Bool {
    step.contains { position in
      switch cluster.trace.entries[position].event {
      case .persistedAcceptor(node, _), .persistedVote(node, _): true
      default: false
      }
    }
  }

  /// Whether an event of this step after this one tells what the delivery did.
  func toldLater(_ test: (Event) -> Bool) -> Bool {
    ((index + 1)..<step.upperBound).contains { test(cluster.trace.entries[$0].event) }
  }

  private func prepared(_ message: Message, _ id: MessageID) -> [String] {
    let acceptor = message.to
    guard let reply = reply(from: acceptor) else { return [] }
    guard reply.kind == .nack else {
      let disk =
        persisted(acceptor)
        ? "it wrote the promise to disk before answering"
        : "bug no-persist is on, so the promise never reached its disk"
      let report =
        cluster.config.isLog
        ? slotsReported(in: reply) + "; in each slot \(message.from) must propose again the"
          + " command of the highest ballot its promises report"
        : reply.value.map {
          "its vote, \(reply.prior) = \(show($0)): \(message.from) must propose the value of the"
            + " highest vote its promises report"
        } ?? "that it accepted nothing"
      return [
        "\(acceptor) promised \(message.ballot): it had promised no ballot as high, so from now"
          + " on it ignores every ballot below \(message.ballot); \(disk), and it reports \(report)"
      ]
    }
    guard reply.prior == message.ballot else {
      return [
        "\(acceptor) answered nack to the prepare for \(message.ballot): it had promised"
          + " \(reply.prior), a higher ballot, and a promise means ignoring every lower one;"
          + " the nack tells \(message.from) of \(reply.prior)"
      ]
    }
    return [
      "\(acceptor) answered nack to the prepare for \(message.ballot): it had already promised"
        + " \(message.ballot), this very ballot" + copyNote(id)
        + "; a promise goes only to a ballot higher than the one held, and the nack names"
        + " \(message.ballot) itself, so it tells \(message.from) of no higher ballot"
    ]
  }

  /// ` (this prepare is #4, a copy of #1)` when the network duplicated it.
  private func copyNote(_ id: MessageID) -> String {
    for position in stride(from: index - 1, through: max(0, index - Self.promiseLookback), by: -1) {
      if case .duplicated(let original, id) = cluster.trace.entries[position].event {
        return " (this prepare is \(id), a copy of \(original))"
      }
    }
    return ""
  }

  private func askedToAccept(_ message: Message) -> [String] {
    let acceptor = message.to
    guard let reply = reply(from: acceptor), let value = message.value else { return [] }
    guard reply.kind == .accepted else {
      return [
        "\(acceptor) refused to accept \(message.ballot): it had promised \(reply.prior), a"
          + " higher ballot; " + valueOfHigher(reply.prior) + ", counting on no lower ballot"
          + " being accepted by those that promised it"
      ]
    }
    let promised = promiseThen(of: acceptor)
    if promised > message.ballot {
      return [
        "\(acceptor) accepted \(message.ballot) = \(show(value)) although it had promised"
          + " \(promised): bug accept-any is on; a correct acceptor refuses every ballot below"
          + " its promise"
      ]
    }
    let proposal = ChoiceHistory.Proposal(ballot: message.ballot, value: value)
    // The choice, if this vote made one, tells the rest.
    guard !toldLater({ $0 == .chosen(value, message.ballot) }) else { return [] }
    let voters = acceptors(of: proposal)
    let disk =
      persisted(acceptor)
      ? "it wrote its vote to disk before telling anyone"
      : "bug no-persist is on, so its vote never reached its disk"
    let count =
      voters.count > quorum
      ? "\(message.ballot) already had a quorum, so this vote changes nothing"
      : "\(voters.count) of the \(quorum) votes a choice needs (\(names(voters)))"
    return [
      "\(acceptor) accepted \(message.ballot) = \(show(value)): it had promised no higher"
        + " ballot; \(disk); \(count)"
    ]
  }

  /// A reply reaching its proposer: counted, or ignored because the proposer has moved on.
  private func proposerTakes(_ message: Message) -> [String] {
    let proposer = message.to
    guard cluster.node(proposer)?.roles.contains(.proposer) == true,
      !toldLater({ Self.isProposerStep($0, of: proposer) })
    else { return [] }
    let attempt = attempt(of: proposer)
    let kind = message.kind == .accepted ? "acceptance of" : "\(message.kind.name) for"
    let what = "\(message.from)'s \(kind) \(message.ballot)"
    switch (message.kind, attempt) {
    case (.promise, .preparing(message.ballot)):
      return [counted(what, .promise, message, needed: "it needs")]
    case (.accepted, .accepting(message.ballot, let value)) where value == message.value:
      return [counted(what, .accepted, message, needed: "it needs to know the value is chosen")]
    case (.nack, .preparing(message.ballot)), (.nack, .awaitingValue(message.ballot)),
      (.nack, .accepting(message.ballot, _)):
      // A nack that ends nothing names the very ballot it refuses (see `Proposer.receive`).
      return [
        "\(proposer) ignores \(what): the nack names \(message.ballot) itself, as"
          + " \(message.from) refused it only for having already promised that very ballot, to"
          + " \(proposer); the nack reports no higher ballot, so \(proposer)'s attempt goes on"
      ]
    default:
      return ["\(proposer) ignores \(what): " + movedOn(attempt, from: message.ballot)]
    }
  }

  /// Phase 2, a wait for a value, a refusal or a decision: a proposer event with its own story.
  private static func isProposerStep(_ event: Event, of proposer: NodeID) -> Bool {
    switch event {
    case .startedPhase2(let ballot, _, _), .awaitingValue(let ballot), .abandoned(let ballot, _),
      .decided(_, let ballot):
      ballot.proposer == proposer
    default: false
    }
  }

  /// `p1 counted a3's promise for 1.p1: 1 of the 2 it needs`
  private func counted(_ what: String, _ kind: MessageKind, _ message: Message, needed: String)
    -> String
  {
    let replies = received(kind, for: message.ballot, by: message.to)
      .filter { kind != .accepted || $0.value == message.value }
    let before = received(kind, for: message.ballot, by: message.to, through: index - 1)
      .filter { kind != .accepted || $0.value == message.value }
    guard replies.count > before.count else {
      return "\(message.to) had already counted \(what) (this one is a copy): each acceptor"
        + " counts once, so it still has \(replies.count) of the \(quorum) \(needed)"
    }
    return "\(message.to) counted \(what): \(replies.count) of the \(quorum) \(needed)"
  }

  /// Why a reply about `ballot` no longer matters to a proposer doing `attempt`.
  func movedOn(_ attempt: PastAttempt, from ballot: Ballot) -> String {
    switch attempt {
    case .accepting(ballot, let value):
      "it already had promises from a quorum and went on to phase 2 with \(show(value)), so"
        + " this reply changes nothing"
    case .awaitingValue(ballot):
      "it already has promises from a quorum and waits for a value, so this reply changes"
        + " nothing"
    case .decided(let value, _):
      "it already knows \(show(value)) is chosen, so this reply changes nothing"
    case .abandoned(ballot, let higher):
      "it abandoned \(ballot) when it heard of \(higher)"
    case .leading(ballot):
      "its phase 1 with \(ballot) already ended with promises from a quorum, and it leads, so"
        + " this reply changes nothing"
    // The same ballot was told above: a reply while preparing it is counted, or is a nack
    // for the very ballot.
    case .preparing(let current), .awaitingValue(let current), .accepting(let current, _),
      .abandoned(let current, _), .leading(let current):
      "it has moved on to \(current)"
    case .idle:
      "it has restarted since and remembers no attempt"
    case .unknown:
      "it is no longer waiting for it"
    }
  }

  /// An acceptance reaching a learner: counted toward learning, or too late to matter.
  private func learnerTakes(_ message: Message) -> [String] {
    let learner = message.to
    guard cluster.node(learner)?.roles.contains(.learner) == true, let value = message.value,
      !toldLater({ if case .learned(learner, _, _) = $0 { true } else { false } })
    else { return [] }
    if let learned = learnedBefore(learner) {
      return [
        "\(learner) already learned \(show(learned)) and stops counting: once chosen, a value"
          + " never changes"
      ]
    }
    let what = "\(message.from)'s acceptance of \(message.ballot) = \(show(value))"
    return [counted(what, .accepted, message, needed: "it needs to learn it")]
  }

  /// What `learner` had learned before this event, since it last restarted.
  private func learnedBefore(_ learner: NodeID) -> ValueID? {
    for position in stride(from: index - 1, through: max(0, index - Self.promiseLookback), by: -1) {
      switch cluster.trace.entries[position].event {
      case .learned(learner, let value, _): return value
      case .recovered(learner): return nil
      default: continue
      }
    }
    return nil
  }
}
