import PaxosCore
import PaxosSim

/// Writes the `events` array: one line per event, its fields in the order `TraceEventKind`
/// lists them.
struct EventWriter {
  let cluster: Cluster
  /// Each value's JSON string, quotes included, escaped once however often it appears.
  private let values: [[UInt8]]

  init(cluster: Cluster) {
    self.cluster = cluster
    values = cluster.values.texts.map { text in
      var writer = JSONByteWriter(capacity: text.utf8.count + 2)
      writer.string(text)
      return writer.bytes
    }
  }

  mutating func write(window: TraceWindow, into writer: inout JSONByteWriter) {
    writer.raw("  \"events\": [")
    let entries = cluster.trace.entries
    var wroteAny = false
    var previousTime: Int32 = .min
    var order = 0
    // A window starts at a step's first entry, so counting the order from there is exact.
    for index in TimeWindow(cluster.trace, from: window.from, to: window.to).entries {
      let entry = entries[index]
      order = entry.time == previousTime ? order + 1 : 1
      previousTime = entry.time
      writer.raw(wroteAny ? ",\n    {\"time\": " : "\n    {\"time\": ")
      wroteAny = true
      writer.integer(Int(entry.time))
      writer.raw(", \"order\": ")
      writer.integer(order)
      writer.raw(", \"kind\": \"")
      event(entry.event, &writer)
      writer.raw("}")
      writer.endEntry()
    }
    writer.raw(wroteAny ? "\n  ]\n" : "]\n")
  }

  /// The kind's name (its opening quote is written) and its fields.
  private func event(_ event: Event, _ writer: inout JSONByteWriter) {
    switch event {
    case .sent(let id): messageEvent("send\"", id, &writer)
    case .delivered(let id): messageEvent("deliver\"", id, &writer)
    case .dropped(let id): messageEvent("drop\"", id, &writer)
    case .duplicated(let original, let copy):
      messageEvent("duplicate\"", original, &writer)
      writer.raw(", \"copy\": ")
      writer.unsigned(copy.raw)
    case .lost(let id, let reason):
      messageEvent("lost\"", id, &writer)
      writer.raw(
        reason == .receiverDown
          ? ", \"reason\": \"receiver-down\"" : ", \"reason\": \"partitioned\"")
    case .crashed(let node): nodeEvent("crash\"", node, &writer)
    case .recovered(let node): nodeEvent("recover\"", node, &writer)
    case .restoredAcceptor(let node, let state):
      nodeEvent("restore-acceptor\"", node, &writer)
      acceptorState(state, &writer)
    case .restoredRound(let node, let round):
      nodeEvent("restore-round\"", node, &writer)
      writer.raw(", \"round\": ")
      writer.integer(round)
    case .partitioned(let index): partition(index, &writer)
    case .healed: writer.raw("heal\"")
    case .persistedAcceptor(let node, let state):
      nodeEvent("persist-acceptor\"", node, &writer)
      acceptorState(state, &writer)
    case .persistedRound(let node, let round):
      nodeEvent("persist-round\"", node, &writer)
      writer.raw(", \"round\": ")
      writer.integer(round)
    case .timerFired(let node): nodeEvent("timer-fired\"", node, &writer)
    case .timerArmed(let node, let delay):
      nodeEvent("timer-armed\"", node, &writer)
      writer.raw(", \"delay\": ")
      writer.integer(delay)
    case .startedPhase1(let ballot): ballotEvent("phase1\"", ballot, &writer)
    case .startedPhase2(let ballot, let value, let source):
      ballotEvent("phase2\"", ballot, &writer)
      writer.raw(", \"value\": ")
      self.value(value, &writer)
      phase2Source(source, &writer)
    case .awaitingValue(let ballot): ballotEvent("awaiting-value\"", ballot, &writer)
    case .abandoned(let ballot, let higher):
      ballotEvent("abandoned\"", ballot, &writer)
      writer.raw(", \"outbid_by\": ")
      writer.ballot(higher)
    case .decided(let value, let ballot): valueEvent("decided\"", value, ballot, &writer)
    case .chosen(let value, let ballot): valueEvent("chosen\"", value, ballot, &writer)
    case .learned(let node, let value, let ballot):
      nodeEvent("learned\"", node, &writer)
      writer.raw(", \"value\": ")
      self.value(value, &writer)
      writer.raw(", \"ballot\": ")
      writer.ballot(ballot)
    case .violation(let violation): self.violation(violation, &writer)
    case .requested, .holds, .knownChosen, .leads, .proposed, .decidedSlot, .persistedVote,
      .restoredVotes, .restoredLearner, .asksForSlots, .chosenSlot, .learnedSlot, .applied,
      .skippedDuplicate,
      .waits:
      logEvent(event, &writer)
    }
  }

  private func messageEvent(_ kind: StaticString, _ id: MessageID, _ writer: inout JSONByteWriter) {
    writer.raw(kind)
    writer.raw(", \"message\": ")
    message(id, &writer)
  }

  func nodeEvent(_ kind: StaticString, _ node: NodeID, _ writer: inout JSONByteWriter) {
    writer.raw(kind)
    writer.raw(", \"node\": ")
    writer.name(node)
  }

  func ballotEvent(_ kind: StaticString, _ ballot: Ballot, _ writer: inout JSONByteWriter) {
    writer.raw(kind)
    writer.raw(", \"ballot\": ")
    writer.ballot(ballot)
  }

  private func valueEvent(
    _ kind: StaticString, _ value: ValueID, _ ballot: Ballot, _ writer: inout JSONByteWriter
  ) {
    writer.raw(kind)
    writer.raw(", \"value\": ")
    self.value(value, &writer)
    writer.raw(", \"ballot\": ")
    writer.ballot(ballot)
  }

  /// `{"id": 4, "kind": "promise", "from": "a2", "to": "p1", "ballot": "5.p1", ...}`
  private func message(_ id: MessageID, _ writer: inout JSONByteWriter) {
    let message = cluster.trace[id]
    writer.raw("{\"id\": ")
    writer.unsigned(id.raw)
    writer.raw(", \"kind\": \"")
    switch message.kind {
    case .prepare: writer.raw("prepare\"")
    case .promise: writer.raw("promise\"")
    case .accept: writer.raw("accept\"")
    case .accepted: writer.raw("accepted\"")
    case .nack: writer.raw("nack\"")
    case .catchup: writer.raw("catchup\"")
    case .chosen: writer.raw("chosen\"")
    }
    writer.raw(", \"from\": ")
    writer.name(message.from)
    writer.raw(", \"to\": ")
    writer.name(message.to)
    writer.raw(", \"ballot\": ")
    writer.ballot(message.ballot)
    // In a log cluster accepts carry their slot, and a promise its report (see TraceMessageFields).
    let log = cluster.config.isLog
    switch message.kind {
    case .prepare: break
    case .promise where log, .catchup, .chosen:
      report(cluster.trace.report(in: message), kind: message.kind, &writer)
    case .promise:
      writer.raw(", \"accepted\": ")
      writer.ballot(message.prior)
      writer.raw(", \"value\": ")
      optionalValue(message.value, &writer)
    case .accept where log, .accepted where log:
      writer.raw(", \"slot\": ")
      writer.integer(message.slot)
      writer.raw(", \"value\": ")
      if let value = message.value { command(value, &writer) } else { writer.null() }
    case .accept, .accepted:
      writer.raw(", \"value\": ")
      optionalValue(message.value, &writer)
    case .nack:
      writer.raw(", \"promised\": ")
      writer.ballot(message.prior)
    }
    writer.raw("}")
  }

  private func acceptorState(_ state: AcceptorState, _ writer: inout JSONByteWriter) {
    writer.raw(", \"promised\": ")
    writer.ballot(state.minProposal)
    writer.raw(", \"accepted\": ")
    writer.ballot(state.acceptedProposal)
    writer.raw(", \"value\": ")
    optionalValue(state.acceptedValue, &writer)
  }

  private func partition(_ index: Int, _ writer: inout JSONByteWriter) {
    writer.raw("partition\", \"sides\": [")
    let sides =
      cluster.trace.partitions.indices.contains(index) ? cluster.trace.partitions[index] : []
    for (number, side) in sides.enumerated() {
      writer.raw(number == 0 ? "[" : ", [")
      for (position, node) in side.enumerated() {
        if position > 0 { writer.raw(", ") }
        writer.name(node)
      }
      writer.raw("]")
    }
    writer.raw("]")
  }

  private func phase2Source(_ source: ValueSource, _ writer: inout JSONByteWriter) {
    switch source {
    case .own:
      writer.raw(", \"source\": \"own\", \"reporter\": null, \"reported\": null")
    case .adopted(let reporter, let accepted):
      writer.raw(", \"source\": \"adopted\", \"reporter\": ")
      writer.name(reporter)
      writer.raw(", \"reported\": ")
      writer.ballot(accepted)
    case .ignoredAccepted(let reporter, let accepted):
      writer.raw(", \"source\": \"ignored-accepted\", \"reporter\": ")
      writer.name(reporter)
      writer.raw(", \"reported\": ")
      writer.ballot(accepted)
    }
  }

  private func violation(_ violation: Violation, _ writer: inout JSONByteWriter) {
    switch violation {
    case .agreement(let first, let second, let ballot):
      writer.raw("violation\", \"violation\": \"agreement\", \"first\": ")
      value(first, &writer)
      writer.raw(", \"value\": ")
      value(second, &writer)
      writer.raw(", \"ballot\": ")
      writer.ballot(ballot)
    case .validity(let value, let ballot):
      writer.raw("violation\", \"violation\": \"validity\", \"value\": ")
      self.value(value, &writer)
      writer.raw(", \"ballot\": ")
      writer.ballot(ballot)
    case .promiseDecreased(let node, let before, let now):
      writer.raw("violation\", \"violation\": \"promise-decreased\", \"node\": ")
      writer.name(node)
      writer.raw(", \"promised_before\": ")
      writer.ballot(before)
      writer.raw(", \"promised_now\": ")
      writer.ballot(now)
    case .slotAgreement, .slotValidity, .logsDiverge, .appliedTwice:
      logViolation(violation, &writer)
    }
  }

  private func optionalValue(_ value: ValueID?, _ writer: inout JSONByteWriter) {
    if let value { self.value(value, &writer) } else { writer.null() }
  }

  /// A value's text; null for one the table does not hold, which the simulator never makes.
  func value(_ value: ValueID, _ writer: inout JSONByteWriter) {
    let index = Int(value.raw)
    guard index < values.count else { return writer.null() }
    writer.append(values[index])
  }
}
