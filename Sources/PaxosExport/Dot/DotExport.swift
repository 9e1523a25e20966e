import PaxosCore
import PaxosSim

/// A run as a Graphviz space-time diagram: one vertical lifeline per node, a point per send
/// and receive at its time, an arrow from each send to its delivery (slanted when the message
/// waited, crossing when messages were reordered, which a sequence diagram cannot show), lost
/// and dropped messages ending in a red cross, crashes and recoveries on the lifelines, and
/// the chosen value in a gold box.
///
/// Every position is pinned and the file names its own layout engine (`layout=nop`: take the
/// positions as given, in points), so the plain `dot -Tsvg FILE` draws thousands of messages
/// in a moment instead of laying them out for minutes.
///
/// ```
/// digraph paxos {
///   layout=nop
///   ...
///   n0_0 [shape=point width=0.06 pos="70,-26"]
///   n1_1 [shape=point width=0.06 pos="220,-52"]
///   label1 [label="prepare 1.p1" pos="122,-29"]
///   n0_0 -> n1_1 [id="m1" color="#1f5fbf"]
/// }
/// ```
public enum DotExport {
  public static func graph(of cluster: Cluster, from: Int?, to: Int?) -> String {
    String(decoding: bytes(of: cluster, from: from, to: to), as: UTF8.self)
  }

  /// The graph as the file holds it: a long run's is large, and a file needs no `String` copy.
  public static func bytes(of cluster: Cluster, from: Int?, to: Int?) -> [UInt8] {
    let window = TimeWindow(cluster.trace, from: from, to: to)
    let nodes = cluster.nodesInRoleOrder
    // About 95 bytes per trace event in long runs: room enough that the buffer rarely regrows.
    var diagram = SpaceTimeDiagram(
      cluster, nodes: nodes, capacity: 100 * window.entries.count + 4096)
    appendHeader(cluster, window: window, nodes: nodes, to: &diagram)
    markDownAtStart(window, &diagram)
    let entries = cluster.trace.entries
    for index in window.entries {
      let entry = entries[index]
      draw(entry, on: &diagram)
    }
    // Messages sent in the window and not settled by its end were still travelling then.
    diagram.finishInFlight()
    appendFooter(nodes: nodes, to: &diagram)
    return diagram.out.bytes
  }

  private static func draw(_ entry: TraceEntry, on diagram: inout SpaceTimeDiagram) {
    let time = entry.time
    guard entry.event.refersOnlyToWhatIsIn(diagram.cluster.trace) else { return }
    switch entry.event {
    case .sent(let id): diagram.sent(id, time: time)
    case .delivered(let id): diagram.delivered(id, time: time)
    case .dropped(let id): diagram.lost(id, time: time, why: " (dropped)")
    case .lost(let id, .receiverDown): diagram.lost(id, time: time, why: " (lost, receiver down)")
    case .lost(let id, .partitioned): diagram.lost(id, time: time, why: " (lost, partition)")
    case .duplicated(let original, let copy): diagram.duplicated(original, copy: copy)
    case .crashed(let node): diagram.lifelineChange(node, time: time, down: true)
    case .recovered(let node): diagram.lifelineChange(node, time: time, down: false)
    case .timerFired(let node): diagram.timer(node, time: time)
    case .decided(let value, let ballot):
      diagram.knows(ballot.proposer, value, time: time, verb: "decided ")
    case .learned(let node, let value, _): diagram.knows(node, value, time: time, verb: "learned ")
    case .chosen(let value, let ballot): diagram.chosen(value, ballot, time: time)
    case .decidedSlot(let node, let vote):
      diagram.knows(node, vote.command, slot: vote.slot, time: time, verb: "decided ")
    case .learnedSlot(let node, let vote):
      diagram.knows(node, vote.command, slot: vote.slot, time: time, verb: "learned ")
    case .chosenSlot(let vote):
      diagram.chosen(vote.command, vote.ballot, slot: vote.slot, time: time)
    case .skippedDuplicate(let node, let entry, let first):
      diagram.skipped(node, entry, first: first, time: time)
    case .waits(let node, let missing, _): diagram.waits(node, missing: missing, time: time)
    case .violation(let violation): diagram.violation(violation, time: time)
    case .partitioned, .healed: diagram.networkChange(entry.event, time: time)
    case .restoredAcceptor, .restoredRound, .persistedAcceptor, .persistedRound, .timerArmed,
      .startedPhase1, .startedPhase2, .awaitingValue, .abandoned, .requested, .holds, .knownChosen,
      .leads, .proposed, .persistedVote, .restoredVotes, .restoredLearner, .applied,
      .asksForSlots:
      // The arrows and marks tell these; drawing them too would bury the messages.
      break
    }
  }

  private static func appendHeader(
    _ cluster: Cluster, window: TimeWindow, nodes: [Node], to diagram: inout SpaceTimeDiagram
  ) {
    diagram.out.append(
      """
      // Paxos Lab space-time diagram. Positions are pinned (layout=nop), so render it with
      // dot -Tsvg FILE -o FILE.svg
      digraph paxos {
        layout=nop
        splines=false
        outputorder=edgesfirst
        fontname="Helvetica"
        labelloc=t
        // The defaults suit what there are most of: message labels and message arrows.
        node [fontname="Helvetica" fontsize=8 shape=plaintext margin=0 width=0.1 height=0.1]
        edge [fontname="Helvetica" arrowsize=0.6 class="message"]

      """ as StaticString)
    diagram.out.append("  label=\"Paxos Lab run" as StaticString)
    let entries = cluster.trace.entries
    if !window.entries.isEmpty {
      diagram.out.append(", time " as StaticString)
      diagram.out.append(Int(entries[window.entries.lowerBound].time))
      diagram.out.append("–" as StaticString)
      diagram.out.append(Int(entries[window.entries.upperBound - 1].time))
      // A window that starts after the first choice says what its "chosen again" boxes repeat;
      // a log's boxes name their slot and command.
      if !cluster.config.isLog, let first = cluster.choices.chosen.first,
        first.time < entries[window.entries.lowerBound].time
      {
        diagram.out.append("; CHOSEN " as StaticString)
        diagram.appendChoice(first.value, first.ballot)
        diagram.out.append(" earlier, at time " as StaticString)
        diagram.out.append(first.time)
      }
    }
    diagram.out.append("\"\n" as StaticString)
    for (column, node) in nodes.enumerated() {
      diagram.out.append("  top" as StaticString)
      diagram.out.append(column)
      diagram.out.append(" [id=\"lifeline_" as StaticString)
      diagram.out.append(node.id)
      diagram.out.append(
        "\" class=\"head\" shape=box margin=\"0.11,0.055\" fontsize=10 style=\"rounded,filled\" fillcolor=gray92 label=\""
          as StaticString)
      diagram.out.append(node.id)
      diagram.out.append("\\n" as StaticString)
      DotText.append(node.roles.names.joined(separator: "+"), to: &diagram.out)
      diagram.out.append("\" " as StaticString)
      diagram.appendPos(diagram.layout.x(column: column), diagram.layout.headY)
      diagram.out.append("]\n" as StaticString)
    }
  }

  /// Nodes already down when the window starts begin with a dashed lifeline.
  private static func markDownAtStart(_ window: TimeWindow, _ diagram: inout SpaceTimeDiagram) {
    let entries = diagram.cluster.trace.entries
    for index in 0..<window.entries.lowerBound {
      switch entries[index].event {
      case .crashed(let node): diagram.isDown[diagram.columnOf(node)] = true
      case .recovered(let node): diagram.isDown[diagram.columnOf(node)] = false
      default: break
      }
    }
  }

  private static func appendFooter(nodes: [Node], to diagram: inout SpaceTimeDiagram) {
    for column in nodes.indices {
      let name = Array("bottom\(column)".utf8)
      diagram.out.append("  " as StaticString)
      diagram.out.append(bytes: name)
      diagram.out.append(" [shape=point width=0.01 " as StaticString)
      diagram.appendPos(diagram.layout.x(column: column), diagram.layout.y(row: diagram.rows))
      diagram.out.append("]\n" as StaticString)
      diagram.endSegment(column, at: name)
    }
    diagram.out.append("}\n" as StaticString)
  }
}
