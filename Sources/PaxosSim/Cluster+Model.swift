import PaxosCore

/// A message in flight as the model checker tells messages apart: by what it says, not by its
/// number. A report travels with its message instead of by number.
public struct MessageContent: Hashable, Sendable {
  public var message: Message
  public var report: Report?
}

/// What the history of a run holds that decides what can be found next: every proposal ever
/// accepted and chosen, the promises seen, the replies given. Not the times, not the trace.
public struct ModelRecord: Hashable, Sendable {
  var choices: ChoiceHistory
  var replies: [ClientRequest.Reply?]
}

/// The cluster as the model checker sees it: it steps a cluster with no history, putting it
/// back into each state it explores, and reads off what each step changed.
extension Cluster {
  /// What message `id` says, its report included.
  public func content(of id: MessageID) -> MessageContent {
    var message = trace[id]
    let report = trace.report(in: message)
    if report != nil { message.slot = 0 }
    return MessageContent(message: message, report: report)
  }

  /// The node at `index` as a state: a timer is armed or not, whenever it is due.
  public func modelNode(at index: Int) -> Node {
    var node = nodes[index]
    if node.timer != nil { node.timer = 0 }
    return node
  }

  public var modelRecord: ModelRecord {
    ModelRecord(
      choices: choices.withoutTimes,
      replies: config.isLog ? requests.map(\.reply) : [])
  }

  /// Puts the node at `index` back as it was.
  public mutating func restore(_ node: Node, at index: Int) {
    nodes[index] = node
  }

  /// Puts the network and the record back: the messages in flight are numbered `#1`, `#2`, ...
  /// in the order given, and the trace holds nothing else.
  public mutating func restore(
    inFlight network: some Sequence<MessageContent>, record: ModelRecord
  ) {
    trace.removeHistory()
    inFlight.removeAll(keepingCapacity: true)
    for content in network {
      var message = content.message
      if let report = content.report { message.slot = trace.register(report) }
      inFlight.append(trace.register(message))
    }
    choices = record.choices
    for (index, reply) in record.replies.enumerated() where requests[index].reply != reply {
      requests[index].reply = reply
    }
  }

  /// Whether the record differs from `record`, ignoring what `modelRecord` leaves out.
  public func recordDiffers(from record: ModelRecord) -> Bool {
    if choices != record.choices {
      return choices.withoutTimes != record.choices
    }
    guard config.isLog else { return false }
    return !requests.lazy.map(\.reply).elementsEqual(record.replies)
  }

  /// Nothing is in flight and no timer is armed: nothing happens without a new command.
  public var isQuiet: Bool { inFlight.isEmpty && nextTimer() == nil }

  /// Some work is unfinished: no value is chosen yet, or, in a log cluster, a request has had
  /// no reply.
  public var hasUnfinishedWork: Bool {
    config.isLog ? requests.contains { $0.reply == nil } : choices.value == nil
  }
}
