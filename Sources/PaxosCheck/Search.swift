import Dispatch
import PaxosSim

/// The breadth-first search: depth by depth, each depth in batches. Workers expand a batch's
/// states in parallel; the merge then takes their successors in the order of the queue, so the
/// counts and the schedule found are the same with any number of workers.
struct Search {
  private let start: Cluster
  private let options: CheckOptions
  private let layout: StateLayout
  private var tables: Tables
  private var symmetry: Symmetry?
  private var workers: [Worker]
  private var visited = VisitedSet()
  private var frontier = Frontier()
  private var next = Frontier()
  /// The depth being expanded, and the deepest one reached.
  private var depth = 0
  private var deepest = 0
  private var transitions = 0
  /// The first event, in the order of the queue, that broke an invariant: from which state.
  private var violation: (parent: UInt64, step: Step)?
  private var stuck: UInt64?
  private var stopReason: CheckOutcome.StopReason?
  /// The merge's buffer for a successor it completes.
  private var words: [UInt32] = []

  /// States a worker expands between two merges: small enough for a progress line twice a
  /// second, large enough that workers rarely wait on each other.
  private static let batchPerWorker = 2048

  /// A worker's explorer, in a box of its own: each thread changes only its own.
  final class Worker: @unchecked Sendable {
    var explorer: Explorer
    /// The state being expanded, decoded.
    var state: [UInt32] = []
    init(_ explorer: Explorer) { self.explorer = explorer }
  }

  init(_ cluster: Cluster, options: CheckOptions) {
    var options = options
    options.workers = max(1, options.workers)
    start = cluster
    self.options = options
    layout = StateLayout(nodeCount: cluster.nodes.count)
    tables = Tables(start: cluster)
    let initial = tables.state(of: cluster, layout: layout)
    if options.symmetry { symmetry = Symmetry(cluster) }
    let fingerprint =
      symmetry?.fingerprint(of: initial[...], layout: layout, tables: &tables)
      ?? Fingerprint.of(initial)
    _ = visited.insert(fingerprint, parent: VisitedSet.noParent)
    frontier.append(initial, fingerprint: fingerprint)
    let empty = Tables(start: cluster)
    workers = (0..<options.workers).map { [layout] _ in
      Worker(Explorer(cluster: cluster, tables: empty, layout: layout, options: options))
    }
    if tables.isStuck(initial[...], layout: layout) { stuck = fingerprint }
  }

  mutating func run(progress report: (CheckProgress) -> Bool) -> CheckResult {
    let clock = ContinuousClock()
    let began = clock.now
    func seconds() -> Double {
      let elapsed = clock.now - began
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }
    search: while depth < options.depth, !frontier.isEmpty {
      var done = 0
      while done < frontier.count {
        let batch = done..<min(frontier.count, done + Self.batchPerWorker * workers.count)
        expand(batch)
        done = batch.upperBound
        merge()
        if violation != nil || stopReason != nil { break search }
        let progress = CheckProgress(
          depth: depth + 1, distinctStates: visited.count, transitions: transitions,
          queued: frontier.count - done + next.count, seconds: seconds())
        if !report(progress) {
          stopReason = .interrupted
          break search
        }
      }
      if !next.isEmpty { deepest = depth + 1 }
      swap(&frontier, &next)
      next = Frontier()
      depth += 1
    }
    return result(seconds: seconds())
  }

  /// Expands the states of `batch`, split among the workers in order.
  private mutating func expand(_ batch: Range<Int>) {
    for worker in workers {
      worker.explorer.tables = tables
      worker.explorer.visited = visited
      worker.explorer.clear()
    }
    let share = (batch.count + workers.count - 1) / workers.count
    let frontier = frontier
    let workers = workers
    let work = { @Sendable (index: Int) in
      let first = batch.lowerBound + index * share
      let worker = workers[index]
      for state in first..<min(batch.upperBound, first + share) {
        frontier.state(state, into: &worker.state)
        worker.explorer.expand(
          worker.state[...], parent: frontier.fingerprint(state))
      }
    }
    if workers.count == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers.count, execute: work)
    }
    // The merge adds to the tables: no worker may share their storage meanwhile.
    let empty = Tables(start: start)
    for worker in workers {
      worker.explorer.tables = empty
      worker.explorer.visited = nil
    }
  }

  /// Takes the workers' successors in the order of the queue: the new ones join the next depth.
  private mutating func merge() {
    for worker in workers {
      let explorer = worker.explorer
      // Read in place: a slice of the array for each state would count a reference each time.
      let finished = explorer.encoded.withUnsafeBufferPointer { merge(explorer, encoded: $0) }
      guard finished else { return }
      transitions += explorer.skipped
    }
  }

  /// Merges one worker's successors; false when the search must stop.
  private mutating func merge(_ explorer: Explorer, encoded: UnsafeBufferPointer<UInt8>) -> Bool {
    for successor in explorer.successors {
      transitions += successor.skippedBefore + 1
      if successor.breaksInvariant {
        violation = (successor.parent, successor.step)
        return false
      }
      var fingerprint = successor.fingerprint
      if let discovery = successor.discovery {
        let outcome = tables.settle(explorer.discoveries[discovery])
        words.removeAll(keepingCapacity: true)
        words.append(contentsOf: explorer.words[successor.words])
        tables.complete(
          &words, from: 0, with: outcome, slot: Int(successor.slot), layout: layout)
        fingerprint = Fingerprint.of(words)
      }
      if symmetry != nil {
        let state = successor.discovery != nil ? words[...] : explorer.words[successor.words]
        fingerprint = symmetry?.fingerprint(of: state, layout: layout, tables: &tables) ?? 0
      }
      guard visited.insert(fingerprint, parent: successor.parent) else { continue }
      let isStuck: Bool
      if successor.discovery != nil {
        next.append(words, fingerprint: fingerprint)
        isStuck = tables.isStuck(words[...], layout: layout)
      } else {
        next.append(encoded: encoded[successor.encoded], fingerprint: fingerprint)
        isStuck = successor.isStuck
      }
      if stuck == nil, isStuck { stuck = fingerprint }
      if visited.count >= options.states || !next.hasRoom(for: 2 * layout.network) {
        stopReason = .stateLimit
        return false
      }
    }
    return true
  }

  private func result(seconds: Double) -> CheckResult {
    var result = CheckResult(
      outcome: .safe(exhausted: true), options: options,
      distinctStates: visited.count, transitions: transitions, depth: deepest, seconds: seconds,
      schedule: [], stuck: nil,
      // The birthday bound: n states among 2^64 fingerprints.
      collisionProbability: Double(visited.count) * Double(visited.count) / 0x1p65)
    var replay = Replay(
      start: start, tables: tables, symmetry: symmetry, layout: layout, options: options)
    if let stuck { result.stuck = replay.actions(to: stuck, visited: visited)?.actions }
    if let violation {
      result.depth = depth + 1
      if let found = replay.actions(to: violation.parent, then: violation.step, visited: visited),
        let broken = found.violation
      {
        result.outcome = .violation(broken)
        result.schedule = found.actions
      }
    } else if let stopReason {
      result.outcome = .stopped(stopReason)
      if !next.isEmpty { result.depth = depth + 1 }
    } else {
      // Looked at only when the search ran to its end: the last depth may be large.
      result.outcome = .safe(exhausted: frontier.isEmpty || !anyEnabled())
    }
    return result
  }

  /// Whether some state left at the last depth could go on: then the depth cut the search.
  private func anyEnabled() -> Bool {
    var explorer = Explorer(cluster: start, tables: tables, layout: layout, options: options)
    explorer.clear()
    var state: [UInt32] = []
    return (0..<frontier.count).contains { index in
      frontier.state(index, into: &state)
      return explorer.hasEnabledStep(state[...])
    }
  }
}
