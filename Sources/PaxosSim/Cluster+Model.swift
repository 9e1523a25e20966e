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
  var isLog: Bool
  /// Whether any value was ever proposed (the same in every state a check visits).
  var proposed: Bool

  /// Some work is unfinished: a value was proposed and none is chosen, or, in a log cluster,
  /// a request has had no reply.
  public var hasUnfinishedWork: Bool {
    isLog ? replies.contains(nil) : proposed && choices.value == nil
  }
}

/// The cluster as the model checker sees it: it steps a cluster with no history, putting it
/// into each state it explores, and reads off what each step changed.
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
      replies: config.isLog ? requests.map(\.reply) : [], isLog: config.isLog,
      proposed: !values.texts.isEmpty)
  }

  /// Whether `timeout` would start a new round at `node`: up, a proposer with a round left,
  /// and, in a single-decree cluster, an attempt to retry.
  public func canTimeOut(_ node: Node) -> Bool {
    guard node.isUp, let proposer = node.proposer, proposer.nextRound != nil else { return false }
    if config.isLog { return true }
    switch proposer.attempt {
    case .idle, .decided: return false
    default: return true
    }
  }

  /// Puts the node at `index` into the state `node`.
  public mutating func restore(_ node: Node, at index: Int) {
    nodes[index] = node
  }

  /// Puts the network and the record into a state: the messages in flight are numbered `#1`,
  /// `#2`, ... in the order given, and the trace holds nothing else.
  public mutating func restore(inFlight network: [MessageContent], record: ModelRecord) {
    trace.removeHistory()
    inFlight.removeAll(keepingCapacity: true)
    for content in network {
      var message = content.message
      if let report = content.report { message.slot = trace.register(report) }
      inFlight.append(trace.register(message))
    }
    restore(record)
  }

  /// Takes back what a step did to the network and the record since `restore(inFlight:record:)`
  /// put `count` messages in flight, with `reports` reports.
  public mutating func rewind(toInFlight count: Int, reports: Int, record: ModelRecord) {
    trace.truncate(messages: count, reports: reports)
    inFlight.removeAll(keepingCapacity: true)
    for raw in 0..<UInt32(count) { inFlight.append(MessageID(raw: raw + 1)) }
    restore(record)
  }

  private mutating func restore(_ record: ModelRecord) {
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
}

/// What the model checker's symmetry renames: every name and position of an acceptor.
extension Node {
  public func renamed(_ renaming: AcceptorRenaming) -> Node {
    var node = self
    node.id = renaming(id)
    node.acceptor = acceptor?.renamed(renaming)
    node.proposer = proposer?.renamed(renaming)
    node.learner = learner?.renamed(renaming)
    return node
  }
}

extension MessageContent {
  public func renamed(_ renaming: AcceptorRenaming) -> MessageContent {
    MessageContent(message: message.renamed(renaming), report: report)
  }
}

extension ModelRecord {
  public func renamed(_ renaming: AcceptorRenaming) -> ModelRecord {
    var record = self
    record.choices = choices.renamed(renaming)
    return record
  }
}
