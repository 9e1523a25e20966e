import PaxosSim

/// Turns a path of fingerprints into a schedule the student can type: it finds the event
/// between each state and the next, then plays the events on the cluster the check started
/// from, where each message gets the number the cluster gives it.
struct Replay {
  let start: Cluster
  let tables: Tables
  var symmetry: Symmetry?
  let layout: StateLayout
  let options: CheckOptions

  /// The schedule to the state with `fingerprint`, then `last` if given; and the first violation
  /// it caused on the real cluster. Nil when the path cannot be followed, which would be a flaw
  /// of the checker, never of the student's input.
  mutating func actions(to fingerprint: UInt64, then last: Step? = nil, visited: VisitedSet)
    -> (actions: [ClusterAction], violation: Violation?)?
  {
    var path = [fingerprint]
    while let parent = visited.parent(of: path[path.count - 1]), parent != VisitedSet.noParent {
      path.append(parent)
    }
    // One explorer, whose tables number whatever the search did not meet.
    var explorer = Explorer(cluster: start, tables: tables, layout: layout, options: options)
    var state = explorer.tables.state(of: start, layout: layout)
    var steps: [Step] = []
    for target in path.reversed().dropFirst() {
      let successors = explorer.successors(of: state[...])
      guard
        let (step, words) = successors.first(where: {
          visitedFingerprint(of: $0.1, tables: &explorer.tables) == target
        })
      else { return nil }
      steps.append(step)
      state = words
    }
    if let last { steps.append(last) }
    return play(steps)
  }

  /// The fingerprint the visited set keeps for the state in `words`.
  private mutating func visitedFingerprint(of words: [UInt32], tables: inout Tables) -> UInt64 {
    symmetry?.fingerprint(of: words[...], layout: layout, tables: &tables)
      ?? Fingerprint.of(words)
  }

  private func play(_ steps: [Step]) -> (actions: [ClusterAction], violation: Violation?)? {
    var cluster = start
    let before = cluster.violations.count
    var actions: [ClusterAction] = []
    for step in steps {
      guard let action = action(for: step, in: cluster) else { return nil }
      do { try cluster.perform(action) } catch { return nil }
      actions.append(action)
    }
    let violations = cluster.violations
    return (actions, violations.count > before ? violations[before] : nil)
  }

  private func action(for step: Step, in cluster: Cluster) -> ClusterAction? {
    let node = { cluster.nodes[Int(step.argument)].id }
    let message = {
      let content = tables.messages[step.argument]
      return cluster.inFlight.first { cluster.content(of: $0) == content }
    }
    switch step.kind {
    case .deliver: return message().map { .deliver($0) }
    case .drop: return message().map { .drop($0) }
    case .duplicate: return message().map { .duplicate($0) }
    case .crash: return .crash(node())
    case .recover: return .recover(node())
    case .timeout: return .timeout(node())
    }
  }
}
