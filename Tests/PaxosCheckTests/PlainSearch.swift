import PaxosCheck
import PaxosSim

/// The cross-check's reference: a breadth-first search that keeps whole clusters and whole
/// states in a set, with no fingerprints, no tables, no outcomes reused and no symmetry. Its
/// steps are the commands themselves, carried out on a copy of the cluster each.
struct PlainSearch {
  struct State: Hashable {
    var nodes: [Node]
    var network: [MessageContent: Int]
    var record: ModelRecord
    var faults: [Int]
  }

  struct Result: Equatable {
    var distinctStates: Int
    /// The events before the first violation, if any.
    var violationAfter: Int?
  }

  static func run(_ start: Cluster, _ options: CheckOptions) -> Result {
    var seen: Set<State> = [state(of: start, faults: [0, 0, 0, 0, 0])]
    var frontier = [(start, [0, 0, 0, 0, 0])]
    for depth in 1...max(1, options.depth) {
      var next: [(Cluster, [Int])] = []
      for (cluster, faults) in frontier {
        for (action, fault) in actions(in: cluster, faults: faults, options: options) {
          var successor = cluster
          do { try successor.perform(action) } catch { continue }
          var spent = faults
          if let fault { spent[fault] += 1 }
          if successor.violations.count > start.violations.count {
            return Result(distinctStates: seen.count, violationAfter: depth)
          }
          if seen.insert(state(of: successor, faults: spent)).inserted {
            next.append((successor, spent))
          }
        }
      }
      frontier = next
      if frontier.isEmpty || depth == options.depth { break }
    }
    return Result(distinctStates: seen.count, violationAfter: nil)
  }

  static func state(of cluster: Cluster, faults: [Int]) -> State {
    var network: [MessageContent: Int] = [:]
    for id in cluster.inFlight { network[cluster.content(of: id), default: 0] += 1 }
    return State(
      nodes: cluster.nodes.indices.map { cluster.modelNode(at: $0) }, network: network,
      record: cluster.modelRecord, faults: faults)
  }

  /// Every enabled action, with the fault budget it spends: 0 drops, 1 duplicates, 2 crashes,
  /// 3 recoveries, 4 timeouts.
  static func actions(in cluster: Cluster, faults: [Int], options: CheckOptions)
    -> [(ClusterAction, Int?)]
  {
    let budgets = [
      options.drops, options.duplicates, options.crashes, options.recoveries, options.timeouts,
    ]
    func allowed(_ fault: Int) -> Bool { faults[fault] < budgets[fault] }
    var seenContents: Set<MessageContent> = []
    var actions: [(ClusterAction, Int?)] = []
    for id in cluster.inFlight where seenContents.insert(cluster.content(of: id)).inserted {
      actions.append((.deliver(id), nil))
      if allowed(0) { actions.append((.drop(id), 0)) }
      if allowed(1) { actions.append((.duplicate(id), 1)) }
    }
    for node in cluster.nodes {
      if node.isUp, allowed(2) { actions.append((.crash(node.id), 2)) }
      if !node.isUp, allowed(3) { actions.append((.recover(node.id), 3)) }
      if allowed(4), cluster.canTimeOut(node) { actions.append((.timeout(node.id), 4)) }
    }
    return actions
  }
}
