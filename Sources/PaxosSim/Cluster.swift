import PaxosCore

/// The simulated cluster: nodes and their disks, the network, timers, the history of what was
/// chosen, and the trace of everything that happened.
///
/// Every mutating method either refuses with a `ClusterError` before changing anything, or
/// performs its work and records it in `trace`.
public struct Cluster: Hashable, Sendable {
  public internal(set) var nodes: [Node] = []
  /// The nodes' names, in the same order: finding a node by name reads these, not the nodes,
  /// each of which is large to copy. Nodes are only ever appended (`add`) or all removed.
  var nodeIDs: [NodeID] = []
  public internal(set) var config = Configuration()
  public internal(set) var settings = Settings()
  public internal(set) var values = ValueTable()
  public internal(set) var trace = Trace()
  /// Messages in flight, oldest (lowest ID) first.
  public internal(set) var inFlight: [MessageID] = []
  public internal(set) var choices = ChoiceHistory()
  /// The simulated clock, in ticks, that timers count in: each step (a delivery, a timer
  /// firing, a command's action) takes one tick, and `run` jumps it to the next timer when
  /// nothing else can happen.
  public internal(set) var time = 0
  var scheduler = SplitMix64(seed: 0)
  var backoffRandom = SplitMix64(seed: 1)
  /// In a log cluster: how many keys the learners' stores hold in all.
  var storedKeys = 0
  /// In a log cluster: the clients' requests, `requests[n - 1]` being `rn`.
  public internal(set) var requests = ChunkedLog<ClientRequest>()
  /// Reused for every delivery so that handling a message allocates nothing.
  var outbox = Outbox()
  var proposerEvents: [Proposer.Event] = []
  var learnedSlots: [SlotVote] = []

  public init() {}

  public var isEmpty: Bool { nodes.isEmpty }

  /// Whether the trace holds as many entries as a cluster keeps: `run` and `deliver all` stop.
  public var traceIsFull: Bool { trace.entries.count >= settings.traceLimit }

  public static let traceFullReason =
    "the trace holds \(Settings.maxTraceEntries / 1_000_000) million events, as many as a"
    + " cluster keeps"

  /// Refuses a command that would add to a full trace. With `run` and `deliver all` stopping
  /// there, no sequence of commands makes the trace, and the memory it takes, grow further.
  public func requireRoomInTrace(to verb: String) throws(ClusterError) {
    guard traceIsFull else { return }
    throw ClusterError(
      "cannot \(verb): " + Self.traceFullReason, hint: "'reset' starts over, or 'undo' goes back")
  }

  public func index(of id: NodeID) -> Int? { nodeIDs.firstIndex(of: id) }

  public func node(_ id: NodeID) -> Node? { index(of: id).map { nodes[$0] } }

  public var violations: [Violation] { choices.violations }

  /// Nodes with a role, in the order they were added.
  public func nodes(with role: Roles) -> [NodeID] {
    nodes.filter { $0.roles.contains(role) }.map(\.id)
  }

  /// Looks a node up by name for a command, explaining what exists when it does not.
  public func require(_ id: NodeID, role: Roles? = nil) throws(ClusterError) -> Int {
    guard let index = index(of: id) else {
      let known = nodes.map(\.id.name).joined(separator: " ")
      throw ClusterError(
        nodes.isEmpty
          ? "no node '\(id)': the cluster is empty; create one with 'cluster 3' or 'add'"
          : "no node '\(id)'; nodes: \(known)")
    }
    if let role, !nodes[index].roles.contains(role) {
      let candidates = nodes(with: role).map(\.name).joined(separator: " ")
      let roleName = role.names.first ?? "node"
      throw ClusterError(
        "\(id) is not a \(roleName)"
          + (candidates.isEmpty ? "; the cluster has none" : "; \(roleName)s: \(candidates)"))
    }
    return index
  }

  func requireUp(_ index: Int) throws(ClusterError) {
    guard nodes[index].isUp else {
      let id = nodes[index].id
      throw ClusterError("\(id) is down; bring it back first with 'recover \(id)'")
    }
  }

  /// Forgets the cluster and its history. The storage of a small cluster is kept for the next
  /// one, so a script that builds and resets clusters in a loop hardly allocates.
  public mutating func reset() {
    var fresh = Cluster()
    if trace.entries.count <= 4096 {
      nodes.removeAll(keepingCapacity: true)
      nodeIDs.removeAll(keepingCapacity: true)
      inFlight.removeAll(keepingCapacity: true)
      swap(&fresh.nodes, &nodes)
      swap(&fresh.nodeIDs, &nodeIDs)
      swap(&fresh.inFlight, &inFlight)
      swap(&fresh.outbox, &outbox)
      fresh.trace.reuse(&trace)
      fresh.config.reuse(&config)
      fresh.values.reuse(&values)
      fresh.choices.reuse(&choices)
    }
    self = fresh
  }

  /// How many elements the tables that grow with the history hold: what a copy of the cluster
  /// costs once it must be separated from the storage it shares. The trace is not counted: its
  /// full chunks are never copied again.
  public var sharedStorageSize: Int {
    let size = choices.proposalCount + values.internedCount
    guard config.isLog else { return size }
    // A log's slots and requests are kept in chunks: the first change after a snapshot copies
    // the chunk it writes in each of them: the chosen slots, their acceptances, the requests;
    // each acceptor's votes in memory and on disk; each learner's slots learned, on disk, and
    // requests applied; and, two for every node (proposers are not counted apart), each
    // proposer's slots and requests known chosen. The learners' stores are whole tables.
    let chunked = 3 + 2 * config.acceptors.count + 3 * config.learners.count + 2 * nodeIDs.count
    return size + storedKeys + chunked * ChunkedLog<SlotVote?>.chunkSize
  }

  /// Room for one round without regrowing: every doubling of an array is a copy.
  mutating func reserveForRound(acceptors: Int, learners: Int, nodes count: Int) {
    nodes.reserveCapacity(count)
    config.reserve(acceptors: acceptors, learners: learners)
    let messages = acceptors * (4 + learners)
    trace.reserve(messages: messages, entries: 3 * messages)
    inFlight.reserveCapacity(2 * acceptors)
    outbox.messages.reserveCapacity(acceptors + learners + 1)
  }

  // MARK: Recording

  mutating func beginStep() { time += 1 }

  mutating func record(_ event: Event) { trace.record(event, time: time) }

  /// Sends what a role put in the outbox, after the caller persisted what the role changed.
  mutating func flushOutbox() {
    for var message in outbox.messages {
      // A report is numbered in the outbox; the trace keeps it for good.
      if !outbox.reports.isEmpty, let report = Trace.report(in: message, of: outbox.reports) {
        message.slot = trace.register(report)
      }
      let id = trace.register(message)
      inFlight.append(id)
      record(.sent(id))
    }
    // Cleared here rather than by a call into PaxosCore: this runs at every delivery.
    outbox.messages.removeAll(keepingCapacity: true)
    if !outbox.reports.isEmpty { outbox.reports.removeAll(keepingCapacity: true) }
  }
}
