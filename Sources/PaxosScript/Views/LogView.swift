import PaxosCore
import PaxosSim

/// The `log` view, after RaftScope's picture: one row per slot, one column per acceptor (the
/// ballot it accepted there and the request), then the slot's command, whether it is chosen and
/// which learners applied it; then each learner and the clients' requests. A long log shows its
/// last slots only, so the view costs what it shows.
enum LogView {
  static let slotsShown = 20
  static let requestsShown = 10

  static func lines(_ cluster: Cluster) -> [String] {
    guard cluster.config.isLog else {
      return [
        "'log' shows the slots of a log cluster, and "
          + (cluster.isEmpty
            ? "there is no cluster: 'cluster 3 1 1 log' creates one"
            : "this one decides a single value ('status' shows it): 'reset', then"
              + " 'cluster 3 1 1 log' creates a log cluster")
      ]
    }
    let acceptors = cluster.config.acceptors.compactMap(cluster.node)
    let learners = cluster.nodesInRoleOrder.filter { $0.roles.contains(.learner) }
      .map(ReplicaText.init)
    let top = highestSlot(cluster, acceptors, learners)
    var lines = slots(cluster, acceptors, learners, top: top)
    lines += learnerLines(learners)
    lines += requests(cluster)
    return lines
  }

  /// The highest slot anyone accepted, knows chosen or learned.
  private static func highestSlot(
    _ cluster: Cluster, _ acceptors: [Node], _ learners: [ReplicaText]
  ) -> Int {
    let voted = acceptors.map { votes(of: $0).count }.max() ?? 0
    let learned = learners.map(\.learned.count).max() ?? 0
    return max(voted, learned, cluster.choices.firstChosen.count)
  }

  /// An acceptor's votes: what it holds in memory, or what its disk holds when it is down.
  private static func votes(of node: Node) -> ChunkedLog<SlotVote?> {
    node.isUp ? node.acceptor?.votes ?? ChunkedLog() : node.disk.votes
  }

  private static func slots(
    _ cluster: Cluster, _ acceptors: [Node], _ learners: [ReplicaText], top: Int
  ) -> [String] {
    guard top > 0 else {
      return [
        "log: empty, nothing accepted yet"
          + (cluster.requests.isEmpty ? "; 'request P put KEY VALUE' adds a command" : "")
      ]
    }
    let first = max(1, top - slotsShown + 1)
    let heading =
      first == 1
      ? "log: " + (top == 1 ? "slot 1" : "slots 1-\(top)")
        + "; a cell is the ballot an acceptor accepted and its request"
      : "log: the last \(slotsShown) of \(top) slots (1-\(first - 1) not shown); a cell is"
        + " the ballot an acceptor accepted and its request"
    let header =
      ["slot"] + acceptors.map { $0.id.name + ($0.isUp ? "" : " DOWN") }
      + ["command", "chosen", "applied"]
    var table = TextTable(header: header)
    let columns = acceptors.map(votes(of:))
    for slot in first...top {
      let votes = columns.map { slot <= $0.count ? $0[slot - 1] : nil }
      let choice = cluster.choices.choice(in: slot)
      // Not chosen yet: the highest ballot accepted, the command a new leader would keep.
      let command =
        choice?.command ?? votes.compactMap { $0 }.max { $0.ballot < $1.ballot }?.command
      table.append(
        ["[\(slot)]"] + votes.map { $0.map { "\($0.ballot) \(cell($0.command))" } ?? "" }
          + [
            command.map { describe($0, cluster) } ?? "", choice == nil ? "" : "CHOSEN",
            applied(slot, command, learners),
          ])
    }
    return [heading] + table.lines
  }

  /// A command in a cell: its request's name, or `noop`.
  private static func cell(_ command: ValueID) -> String {
    command.isNoop ? "noop" : command.requestName
  }

  /// `r1 put x 1`, or `noop`.
  private static func describe(_ command: ValueID, _ cluster: Cluster) -> String {
    command.isNoop ? "noop" : command.requestName + " " + cluster.shortValue(command)
  }

  /// The learners that applied `slot`: `l1 l2`, or `all` of several; when the slot holds a
  /// copy of a request a learner first applied in another slot, which (the copy was skipped, or
  /// applied again under `no-dedup`).
  private static func applied(_ slot: Int, _ command: ValueID?, _ learners: [ReplicaText])
    -> String
  {
    let done = learners.filter { $0.replica.hasApplied(slot) }
    guard !done.isEmpty else { return "" }
    let names =
      done.count == learners.count && done.count > 1
      ? "all" : done.map(\.node.id.name).joined(separator: " ")
    guard let command, !command.isNoop,
      let first = done.lazy.compactMap({ $0.replica.firstSlot(of: command) }).first,
      first != slot
    else { return names }
    return names + " (copy of [\(first)])"
  }

  /// A row per learner, and how a blocked one gets past its gap.
  private static func learnerLines(_ learners: [ReplicaText]) -> [String] {
    guard !learners.isEmpty else { return [] }
    var table = TextTable(header: ["learner", "applied", "waits for", "store"])
    for learner in learners {
      table.append([
        learner.node.id.name + (learner.node.isUp ? "" : " DOWN"), learner.applied,
        learner.waits ?? "", learner.store(width: 30),
      ])
    }
    let blocked = learners.filter { $0.missing != nil && $0.node.isUp }.map(\.node.id)
    let hint = blocked.map { "'catchup \($0)'" }.joined(separator: ", ")
    return table.lines
      + (blocked.isEmpty
        ? []
        : [
          hint + " asks the others for the missing slots; 'explain' says who could fill them"
        ])
  }

  /// The last requests: each with its reply, or who holds it while it is pending.
  private static func requests(_ cluster: Cluster) -> [String] {
    let requests = cluster.requests
    guard !requests.isEmpty else { return ["requests: none yet"] }
    let first = max(0, requests.count - requestsShown)
    var table = TextTable(header: ["request", "command", "reply"])
    let proposers = cluster.nodesInRoleOrder.filter { $0.isUp && $0.proposer != nil }
    for index in first..<requests.count {
      let id = ValueID(raw: UInt32(index))
      let reply =
        requests[index].reply.map { $0.description.withVisibleControls.truncated(toWidth: 30) }
        ?? "pending" + holders(id, proposers)
      table.append([id.requestName, cluster.shortValue(id), reply])
    }
    let hidden =
      first == 0
      ? [] : ["requests: the last \(requestsShown) of \(requests.count) (r1-r\(first) not shown)"]
    return hidden + table.lines
  }

  /// ` (p1 holds it)` for the proposers that hold request `id`.
  private static func holders(_ id: ValueID, _ proposers: [Node]) -> String {
    let names = proposers.filter { $0.proposer?.log.held.contains(id) == true }.map(\.id.name)
    guard !names.isEmpty else { return "" }
    return " (" + names.joined(separator: " ") + (names.count == 1 ? " holds" : " hold") + " it)"
  }
}
