import PaxosSim

/// The distinct nodes, messages and records the check has met, each numbered once, what is
/// known of each, and the outcome of every step tried so far. Workers read a copy of them
/// while they expand a batch; only the merge adds to them, in the order of the queue, so the
/// numbers, and so the fingerprints, do not depend on the number of workers.
struct Tables: Sendable {
  private(set) var nodes = Interner<Node>()
  private(set) var nodeFacts: [NodeFacts] = []
  private(set) var messages = Interner<MessageContent>()
  /// The position of each message's receiver in the cluster, -1 when it names no node.
  private(set) var receivers: [Int32] = []
  private(set) var records = Interner<ModelRecord>()
  /// What each step did, the first time it was tried (see `Outcome`).
  private(set) var outcomes: [Outcome.Key: Outcome] = [:]
  /// The messages each outcome sent, laid end to end.
  private(set) var sent: [UInt32] = []
  /// The cluster the check started from: its configuration and its nodes' positions.
  let start: Cluster

  init(start: Cluster) { self.start = start }

  /// What the checker asks of a node without looking into it.
  struct NodeFacts: OptionSet, Sendable {
    let rawValue: UInt8
    static let isUp = NodeFacts(rawValue: 1)
    static let timerArmed = NodeFacts(rawValue: 2)
    static let canTimeOut = NodeFacts(rawValue: 4)
  }

  mutating func number(_ node: Node) -> UInt32 {
    let count = nodes.count
    let number = nodes.intern(node)
    if nodes.count > count {
      var facts: NodeFacts = []
      if node.isUp { facts.insert(.isUp) }
      if node.retryAt != nil { facts.insert(.timerArmed) }
      if start.canTimeOut(node) { facts.insert(.canTimeOut) }
      nodeFacts.append(facts)
    }
    return number
  }

  mutating func number(_ message: MessageContent) -> UInt32 {
    let count = messages.count
    let number = messages.intern(message)
    if messages.count > count {
      receivers.append(Int32(start.index(of: message.message.to) ?? -1))
    }
    return number
  }

  mutating func number(_ record: ModelRecord) -> UInt32 { records.intern(record) }

  /// The words of `cluster`'s state, with no fault used yet.
  mutating func state(of cluster: Cluster, layout: StateLayout) -> [UInt32] {
    var words = (0..<layout.nodeCount).map { number(cluster.modelNode(at: $0)) }
    words.append(number(cluster.modelRecord))
    words.append(Budgets(word: 0).word)
    words += cluster.inFlight.map { number(cluster.content(of: $0)) }.sorted()
    return words
  }

  /// Numbers what a step found that the tables lacked, and keeps its outcome.
  mutating func settle(_ found: Discovery) -> Outcome {
    if let known = outcomes[found.key] { return known }
    let first = sent.count
    for message in found.sent {
      switch message {
      case .known(let number): sent.append(number)
      case .new(let content): sent.append(number(content))
      }
    }
    let outcome = Outcome(
      node: found.node.map { number($0) } ?? found.key.node,
      record: found.record.map { number($0) } ?? found.key.record,
      sent: first..<sent.count, breaksInvariant: found.breaksInvariant)
    outcomes[found.key] = outcome
    return outcome
  }

  /// Whether the state in `words` is stuck: nothing in flight, no timer armed, work unfinished.
  func isStuck(_ words: ArraySlice<UInt32>, layout: StateLayout) -> Bool {
    let base = words.startIndex
    guard words.count == layout.network,
      records[words[base + layout.record]].hasUnfinishedWork
    else { return false }
    return (0..<layout.nodeCount).allSatisfy {
      !nodeFacts[Int(words[base + $0])].contains(.timerArmed)
    }
  }
}

/// What one step does to the one node it acts on, given that node's state, the message and the
/// record: the node's new state, the record's, the messages sent, and whether an invariant
/// broke. Nothing else of the cluster takes part (the partition and the configuration stay as
/// they are), so the simulator works each one out once, and every state where the same step
/// meets the same node and record reuses it.
struct Outcome: Sendable {
  struct Key: Hashable, Sendable {
    var kind: Step.Kind
    var node: UInt32
    var message: UInt32
    var record: UInt32
  }

  var node: UInt32
  var record: UInt32
  var sent: Range<Int>
  var breaksInvariant: Bool
}

/// An outcome the simulator just worked out, still holding what the tables lack.
struct Discovery: Sendable {
  enum Sent: Sendable {
    case known(UInt32)
    case new(MessageContent)
  }

  var key: Outcome.Key
  /// The node's new state, when it changed; the record's, when it changed.
  var node: Node?
  var record: ModelRecord?
  var sent: [Sent]
  var breaksInvariant: Bool
}
