import PaxosSim

/// A successor a worker made: where its state's words are in the worker's buffer and, when
/// the simulator had to work out its step, the discovery the merge must settle first.
struct Successor: Sendable {
  var parent: UInt64
  var step: Step
  var words: Range<Int>
  /// Zero while a discovery is pending: the merge completes the words, then fingerprints them.
  var fingerprint: UInt64
  var discovery: Int?
  /// How many successors made just before this one led to states visited when the batch
  /// began: they are counted as transitions, not kept.
  var skippedBefore: Int
  /// A complete successor not visited yet: its state as the frontier keeps it, and whether it
  /// is stuck, worked out here rather than in the merge, which the workers wait for.
  var encoded: Range<Int> = 0..<0
  var isStuck = false
  /// The node the step acted on, -1 for none.
  var slot: Int32
  var breaksInvariant: Bool
}

/// One worker: it expands states into successors. A step whose outcome the tables know is
/// applied to the state's words directly; any other is carried out by the simulator on the
/// worker's cluster, put into the state first and taken back after.
struct Explorer: Sendable {
  private var cluster: Cluster
  /// The tables as they were when the batch began; emptied between batches so that the merge
  /// adds to its own copy without copying them.
  var tables: Tables
  private let layout: StateLayout
  private let options: CheckOptions
  /// The words of the state the cluster is in (empty: none yet), its messages and record.
  private var loaded: [UInt32] = []
  private var network: [MessageContent] = []
  private var reports = 0
  private var record: ModelRecord
  /// The states visited when the batch began, if given; emptied between batches like `tables`.
  var visited: VisitedSet?

  /// What the last `expand`s made.
  private(set) var words: [UInt32] = []
  private(set) var successors: [Successor] = []
  private(set) var discoveries: [Discovery] = []
  private(set) var encoded: [UInt8] = []
  /// Successors to visited states made since the last one kept.
  private(set) var skipped = 0

  init(cluster: Cluster, tables: Tables, layout: StateLayout, options: CheckOptions) {
    self.cluster = cluster
    self.tables = tables
    self.layout = layout
    self.options = options
    self.record = cluster.modelRecord
  }

  mutating func clear() {
    words.removeAll(keepingCapacity: true)
    successors.removeAll(keepingCapacity: true)
    discoveries.removeAll(keepingCapacity: true)
    encoded.removeAll(keepingCapacity: true)
    skipped = 0
  }

  /// Tries every enabled event from `state`, adding a successor for each, in a fixed order:
  /// deliveries, drops and duplicates by message, then crashes, recoveries and timeouts by node.
  mutating func expand(_ state: ArraySlice<UInt32>, parent: UInt64) {
    let base = state.startIndex
    let budgets = Budgets(word: state[base + layout.budgets])
    let network = (base + layout.network)..<state.endIndex
    let kinds: [Step.Kind] =
      [.deliver]
      + (budgets.allows(.drop, in: options) ? [.drop] : [])
      + (budgets.allows(.duplicate, in: options) ? [.duplicate] : [])
    for kind in kinds {
      var previous: UInt32?
      // A message is tried once, however many copies of it are in flight.
      for position in network where state[position] != previous {
        previous = state[position]
        let step = Step(kind: kind, argument: state[position])
        attempt(step, at: position - network.lowerBound, from: state, parent: parent)
      }
    }
    for kind in [Step.Kind.crash, .recover, .timeout] where budgets.allows(kind, in: options) {
      for slot in 0..<layout.nodeCount {
        let facts = tables.nodeFacts[Int(state[base + slot])]
        let enabled =
          switch kind {
          case .crash: facts.contains(.isUp)
          case .recover: !facts.contains(.isUp)
          default: facts.contains(.canTimeOut)
          }
        if enabled {
          attempt(Step(kind: kind, argument: UInt32(slot)), at: -1, from: state, parent: parent)
        }
      }
    }
  }

  /// Whether any event is enabled in `state`, without trying one.
  func hasEnabledStep(_ state: ArraySlice<UInt32>) -> Bool {
    let base = state.startIndex
    if state.count > layout.network { return true }
    let budgets = Budgets(word: state[base + layout.budgets])
    return (0..<layout.nodeCount).contains { slot in
      let facts = tables.nodeFacts[Int(state[base + slot])]
      return facts.contains(.isUp)
        ? budgets.allows(.crash, in: options)
        : budgets.allows(.recover, in: options)
          || (facts.contains(.canTimeOut) && budgets.allows(.timeout, in: options))
    }
  }

  /// Every successor of `state`, complete, with the step that leads to it: the schedule is
  /// rebuilt by finding, at each state of a path, the successor with the next fingerprint.
  mutating func successors(of state: ArraySlice<UInt32>) -> [(Step, [UInt32])] {
    clear()
    expand(state, parent: 0)
    return successors.map { successor in
      var found = Array(words[successor.words])
      if let index = successor.discovery {
        let outcome = tables.settle(discoveries[index])
        tables.complete(
          &found, from: 0, with: outcome, slot: Int(successor.slot), layout: layout)
      }
      return (successor.step, found)
    }
  }

  /// Adds the successor `step` leads to; `position` is the message's place in the network.
  private mutating func attempt(
    _ step: Step, at position: Int, from state: ArraySlice<UInt32>, parent: UInt64
  ) {
    let base = state.startIndex
    let start = words.count
    words.append(contentsOf: state)
    words[start + layout.budgets] =
      Budgets(word: state[base + layout.budgets]).spending(step.kind).word
    switch step.kind {
    case .drop:
      words.remove(at: start + layout.network + position)
      return addSuccessor(step, slot: -1, parent: parent, from: start)
    case .duplicate:
      words.insert(step.argument, at: start + layout.network + position)
      return addSuccessor(step, slot: -1, parent: parent, from: start)
    case .deliver:
      words.remove(at: start + layout.network + position)
    case .crash, .recover, .timeout:
      break
    }
    let slot =
      step.kind == .deliver ? Int(tables.receivers[Int(step.argument)]) : Int(step.argument)
    let key = Outcome.Key(
      kind: step.kind, node: slot >= 0 ? state[base + slot] : .max,
      message: step.kind == .deliver ? step.argument : .max, record: state[base + layout.record])
    if let outcome = tables.outcomes[key] {
      tables.complete(&words, from: start, with: outcome, slot: slot, layout: layout)
      return addSuccessor(
        step, slot: slot, parent: parent, from: start, breaks: outcome.breaksInvariant)
    }
    discoveries.append(simulate(step, key: key, at: position, slot: slot, from: state))
    successors.append(
      Successor(
        parent: parent, step: step, words: start..<words.count, fingerprint: 0,
        discovery: discoveries.count - 1, skippedBefore: skipped, slot: Int32(slot),
        breaksInvariant: discoveries[discoveries.count - 1].breaksInvariant))
    skipped = 0
  }

  private mutating func addSuccessor(
    _ step: Step, slot: Int, parent: UInt64, from start: Int, breaks: Bool = false
  ) {
    let fingerprint = Fingerprint.of(words[start...])
    // Most successors were visited already: the merge, which the workers wait for, never sees
    // them.
    if !breaks, visited?.contains(fingerprint) == true {
      skipped += 1
      words.removeSubrange(start...)
      return
    }
    let first = encoded.count
    Frontier.encode(words[start...], into: &encoded)
    successors.append(
      Successor(
        parent: parent, step: step, words: start..<words.count, fingerprint: fingerprint,
        discovery: nil, skippedBefore: skipped, encoded: first..<encoded.count,
        isStuck: tables.isStuck(words[start...], layout: layout), slot: Int32(slot),
        breaksInvariant: breaks))
    skipped = 0
  }

  /// Carries `step` out on the cluster, reads off what it did, and takes it back.
  private mutating func simulate(
    _ step: Step, key: Outcome.Key, at position: Int, slot: Int, from state: ArraySlice<UInt32>
  ) -> Discovery {
    load(state)
    var found = Discovery(key: key, node: nil, record: nil, sent: [], breaksInvariant: false)
    let action: ClusterAction
    switch step.kind {
    case .deliver: action = .deliver(MessageID(raw: UInt32(position + 1)))
    case .crash: action = .crash(cluster.nodes[slot].id)
    case .recover: action = .recover(cluster.nodes[slot].id)
    default: action = .timeout(cluster.nodes[slot].id)
    }
    do { try cluster.perform(action) } catch { return found }
    if slot >= 0 {
      let node = cluster.modelNode(at: slot)
      if node != tables.nodes[key.node] { found.node = node }
    }
    if cluster.recordDiffers(from: record) { found.record = cluster.modelRecord }
    let registered = UInt32(network.count)
    for id in cluster.inFlight where id.raw > registered {
      let content = cluster.content(of: id)
      found.sent.append(tables.messages.number(of: content).map { .known($0) } ?? .new(content))
    }
    found.breaksInvariant = !cluster.violations.isEmpty
    // Back to the state being expanded, for the next step.
    if slot >= 0 { cluster.restore(tables.nodes[key.node], at: slot) }
    cluster.rewind(toInFlight: network.count, reports: reports, record: record)
    return found
  }

  /// Puts the cluster into `state`, restoring only what differs from the state it is in.
  private mutating func load(_ state: ArraySlice<UInt32>) {
    guard !loaded.elementsEqual(state) else { return }
    let base = state.startIndex
    let known = loaded.count >= layout.network
    for slot in 0..<layout.nodeCount where !known || loaded[slot] != state[base + slot] {
      cluster.restore(tables.nodes[state[base + slot]], at: slot)
    }
    record = tables.records[state[base + layout.record]]
    network.removeAll(keepingCapacity: true)
    for number in state[(base + layout.network)...] { network.append(tables.messages[number]) }
    cluster.restore(inFlight: network, record: record)
    reports = cluster.trace.reports.count
    loaded.removeAll(keepingCapacity: true)
    loaded.append(contentsOf: state)
  }
}

extension Tables {
  /// Applies an outcome to the successor whose words begin at `start` and end `words`, which
  /// already hold the budgets spent and the delivered message taken out: the node's and the
  /// record's new numbers, and the messages sent. (A method of the tables, so that a worker
  /// reads its own copy in place rather than copying it for the call.)
  func complete(
    _ words: inout [UInt32], from start: Int, with outcome: Outcome, slot: Int,
    layout: StateLayout
  ) {
    if slot >= 0 { words[start + slot] = outcome.node }
    words[start + layout.record] = outcome.record
    // The network stays sorted: each message sent goes in at its place.
    let network = start + layout.network
    for message in sent[outcome.sent] {
      var position = words.count
      words.append(message)
      while position > network, words[position - 1] > message {
        words[position] = words[position - 1]
        position -= 1
      }
      words[position] = message
    }
  }
}
