/// The proposer of a log cluster: the single-decree proposer with a slot on every accept. One
/// phase 1 covers every slot; then, as leader, one round trip chooses each command.
extension Proposer {
  /// Where the proposer stands after a step, which its timer follows: the simulator reads it
  /// from here instead of reading the proposer back out of its node, a copy of all it holds.
  public struct LogStep: Hashable, Sendable {
    /// It neither leads nor has phase 1 under way, and got a request: phase 1 should start.
    public var needsPhase1 = false
    public var isLeading = false
    /// It proposed slots it does not know chosen yet.
    public var hasOutstanding = false
  }

  private mutating func step() -> LogStep {
    guard case .leading = attempt else { return LogStep() }
    return LogStep(isLeading: true, hasOutstanding: inLog { !$0.outstanding.isEmpty })
  }

  /// Reads the log in place: a plain read copies it out of the box it lives in.
  private mutating func inLog<Result>(_ body: (inout ProposerLog) -> Result) -> Result {
    body(&log)
  }

  /// A client's request arrives. A leader puts it in its next free slot at once; any other
  /// proposer holds it, and needs phase 1 to get it chosen unless that is under way.
  public mutating func request(
    _ command: ValueID, config: Configuration, outbox: inout Outbox, events: inout [Event]
  ) -> LogStep {
    if case .leading(let ballot) = attempt {
      // At most once is the learners' job: a retried request takes a slot again.
      let slot = inLog { log in
        log.hold(command)
        defer { log.nextSlot += 1 }
        return log.nextSlot
      }
      propose(
        SlotVote(slot: slot, ballot: ballot, command: command), .request, config: config,
        outbox: &outbox, events: &events)
      return step()
    }
    if let vote = inLog({ log in log.knownSlot(of: command).flatMap { log.known(in: $0) } }) {
      events.append(.knownChosen(vote))
      return step()
    }
    log.hold(command)
    guard case .preparing = attempt else { return LogStep(needsPhase1: true) }
    events.append(.holds(command))
    return step()
  }

  /// Handles one message of a log cluster; `report` is what it carries beyond one slot.
  public mutating func receiveInLog(
    _ message: Message, report: Report?, config: Configuration, outbox: inout Outbox,
    events: inout [Event]
  ) -> LogStep {
    handleInLog(message, report: report, config: config, outbox: &outbox, events: &events)
    return step()
  }

  private mutating func handleInLog(
    _ message: Message, report: Report?, config: Configuration, outbox: inout Outbox,
    events: inout [Event]
  ) {
    highestRoundSeen = max(highestRoundSeen, message.ballot.round, message.prior.round)
    switch (message.kind, attempt) {
    case (.promise, .preparing(let ballot, var promises)) where message.ballot == ballot:
      guard let index = config.acceptorIndex(message.from), !promises.from.contains(index)
      else { return }
      promises.from.insert(index)
      if case .votes(let votes)? = report {
        for vote in votes where vote.ballot > (log.reported[vote.slot]?.vote.ballot ?? .zero) {
          log.reported[vote.slot] = ReportedVote(vote: vote, reporter: message.from)
        }
      }
      attempt = .preparing(ballot, promises)
      guard promises.from.count >= config.quorum else { return }
      lead(ballot, config: config, outbox: &outbox, events: &events)
    case (.accepted, _) where message.ballot.proposer == id:
      guard let index = config.acceptorIndex(message.from), let command = message.value,
        inLog({ $0.known(in: message.slot) }) == nil
      else { return }
      let vote = SlotVote(slot: message.slot, ballot: message.ballot, command: command)
      guard log.tallies.count(index, for: vote) >= config.quorum else { return }
      if log.learn(vote) { events.append(.decidedSlot(vote)) }
    case (.nack, .preparing(let ballot, _))
    where message.ballot == ballot && message.prior > ballot,
      (.nack, .leading(let ballot)) where message.ballot == ballot && message.prior > ballot:
      attempt = .abandoned(ballot, outbidBy: message.prior)
      events.append(.abandoned(ballot, outbidBy: message.prior))
    case (.chosen, _):
      guard case .chosen(let votes)? = report else { return }
      for vote in votes {
        let heard = SlotVote(slot: vote.slot, ballot: .zero, command: vote.command)
        if log.learn(heard) { events.append(.decidedSlot(heard)) }
      }
    case (.catchup, _):
      outbox.answer(message, report: report, from: id, knowing: log.known)
    default:
      return
    }
  }

  /// Promises from a quorum: it leads. It proposes again what the promises report in each
  /// slot (a no-op where they report nothing), then the requests it holds in the slots after.
  private mutating func lead(
    _ ballot: Ballot, config: Configuration, outbox: inout Outbox, events: inout [Event]
  ) {
    attempt = .leading(ballot)
    // A teaching switch: the leader treats the promises as reporting nothing.
    let reported = config.proposersIgnoreAcceptedValues ? [:] : log.reported
    log.reported = [:]
    // What it knows chosen as it takes the lead, read once rather than slot by slot.
    let knowledge = log
    let top = max(reported.keys.max() ?? 0, knowledge.highestKnown)
    events.append(.leads(ballot, top: top))
    var proposedCommands: Set<ValueID> = []
    for slot in stride(from: 1, through: top, by: 1) where knowledge.known(in: slot) == nil {
      let report = reported[slot]
      let command = report?.vote.command ?? .noop
      proposedCommands.insert(command)
      propose(
        SlotVote(slot: slot, ballot: ballot, command: command),
        report.map { .adopted(from: $0.reporter) } ?? .noop, config: config, outbox: &outbox,
        events: &events)
    }
    log.nextSlot = top + 1
    for command in log.held where !proposedCommands.contains(command) {
      propose(
        SlotVote(slot: log.nextSlot, ballot: ballot, command: command), .request,
        config: config, outbox: &outbox, events: &events)
      log.nextSlot += 1
    }
  }

  private mutating func propose(
    _ vote: SlotVote, _ source: SlotSource, config: Configuration, outbox: inout Outbox,
    events: inout [Event]
  ) {
    log.outstanding.insert(vote.slot)
    events.append(.proposed(vote, source))
    for acceptor in config.acceptors {
      outbox.send(
        Message(
          kind: .accept, from: id, to: acceptor, ballot: vote.ballot, value: vote.command,
          slot: vote.slot))
    }
  }
}
