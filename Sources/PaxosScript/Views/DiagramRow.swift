import PaxosCore
import PaxosSim

/// One line of a sequence diagram, before it is drawn.
struct DiagramRow {
  enum End { case arrived, lost, inFlight }

  enum Shape {
    /// A message from one lifeline to another (or to itself).
    case arrow(from: NodeID, to: NodeID, end: End)
    /// A symbol on a node's lifeline; on none when no node is concerned.
    case marker(NodeID?, Character)
    /// Only text beside the lifelines.
    case note
    /// A dashed line across every lifeline: the network changed for everyone.
    case rule
  }

  var shape: Shape
  /// The message ID shown at the left, if any.
  var id: String = ""
  var text: String
  /// Nodes whose lifeline is drawn dotted on this line: they are down.
  var down: Set<NodeID>
}

/// The symbols drawn on lifelines, and what the legend calls them.
enum DiagramSymbol {
  static let crash: Character = "╳"
  static let recover: Character = "↺"
  static let timer: Character = "◔"
  static let knows: Character = "◆"
  static let chosen: Character = "★"
  static let chosenAgain: Character = "☆"
  static let violation: Character = "!"
  static let lost: Character = "x"

  static let legend: [(Character, String)] = [
    (lost, "lost or dropped"), (crash, "crash"), (recover, "recover"), (timer, "timer fires"),
    (knows, "decided or learned"), (chosen, "CHOSEN"), (chosenAgain, "chosen again"),
    (violation, "VIOLATION"),
  ]
}

extension DiagramRow {
  /// The rows for the window's entries, oldest first. Events a diagram does not show (sends,
  /// writes to disk, phase changes) leave no row: the arrows and markers tell them.
  static func rows(_ window: DiagramWindow, in cluster: Cluster) -> [DiagramRow] {
    var down = window.downAtStart
    var rows: [DiagramRow] = []
    if let earlier = earlierChoice(window, in: cluster) {
      rows.append(DiagramRow(shape: .note, text: earlier, down: down))
    }
    // CHOSEN and most violations happen at the acceptor that just received a message.
    var receiver: (time: Int32, node: NodeID)?
    for index in window.entries {
      let entry = cluster.trace.entries[index]
      let receiverNow = receiver.flatMap { $0.time == entry.time ? $0.node : nil }
      let marker = { (node: NodeID?, symbol: Character, text: String) in
        DiagramRow(shape: .marker(node, symbol), text: text, down: down)
      }
      switch entry.event {
      case .delivered(let id):
        receiver = (entry.time, cluster.trace[id].to)
        rows.append(arrow(id, end: .arrived, fate: nil, cluster, down))
      case .dropped(let id):
        rows.append(arrow(id, end: .lost, fate: "dropped", cluster, down))
      case .lost(let id, .receiverDown):
        rows.append(
          arrow(id, end: .lost, fate: "lost: \(cluster.trace[id].to) is down", cluster, down))
      case .lost(let id, .partitioned):
        rows.append(arrow(id, end: .lost, fate: "lost: partition", cluster, down))
      case .duplicated(let original, let copy):
        rows.append(DiagramRow(shape: .note, text: "\(original) duplicated as \(copy)", down: down))
      case .crashed(let node):
        rows.append(marker(node, DiagramSymbol.crash, "crash \(node)"))
        down.insert(node)
      case .recovered(let node):
        rows.append(marker(node, DiagramSymbol.recover, "recover \(node)"))
        down.remove(node)
      case .timerFired(let node):
        rows.append(marker(node, DiagramSymbol.timer, "timer \(node) fires"))
      case .decided(let value, let ballot):
        rows.append(
          marker(
            ballot.proposer, DiagramSymbol.knows,
            "\(ballot.proposer) decided \(cluster.shortValue(value))"))
      case .learned(let node, let value, _):
        rows.append(
          marker(node, DiagramSymbol.knows, "\(node) learned \(cluster.shortValue(value))"))
      case .chosen(let value, let ballot):
        let again = cluster.choices.isChosenAgain(value, under: ballot)
        rows.append(
          marker(
            receiverNow, again ? DiagramSymbol.chosenAgain : DiagramSymbol.chosen,
            (again ? "chosen again " : "CHOSEN ") + "\(cluster.shortValue(value)) (\(ballot))"))
      case .violation(let violation):
        var node = receiverNow
        if case .promiseDecreased(let acceptor, _, _) = violation { node = acceptor }
        rows.append(marker(node, DiagramSymbol.violation, shortText(violation, cluster)))
      case .partitioned, .healed:
        rows.append(DiagramRow(shape: .rule, text: cluster.describe(entry.event), down: down))
      case .decidedSlot(let node, let vote):
        rows.append(
          marker(node, DiagramSymbol.knows, "\(node) knows \(cluster.shortSlot(vote))"))
      case .learnedSlot(let node, let vote):
        rows.append(
          marker(node, DiagramSymbol.knows, "\(node) learned \(cluster.shortSlot(vote))"))
      case .chosenSlot(let vote):
        let again = cluster.choices.isChosenAgain(vote)
        rows.append(
          marker(
            receiverNow, again ? DiagramSymbol.chosenAgain : DiagramSymbol.chosen,
            (again ? "chosen again " : "CHOSEN ") + "\(cluster.shortSlot(vote)) (\(vote.ballot))"))
      case .sent, .restoredAcceptor, .restoredRound, .persistedAcceptor, .persistedRound,
        .timerArmed, .startedPhase1, .startedPhase2, .awaitingValue, .abandoned, .requested,
        .holds, .knownChosen, .leads, .proposed, .persistedVote, .restoredVotes, .restoredLearner,
        .applied, .skippedDuplicate, .waits, .asksForSlots:
        break
      }
    }
    return rows
  }

  /// The first choice, when it came before the window: the window's later quorums for that
  /// value are only "chosen again", and the diagram says what they repeat.
  private static func earlierChoice(_ window: DiagramWindow, in cluster: Cluster) -> String? {
    // A log has a choice per slot: each CHOSEN marker names its slot, and none repeats another.
    guard !cluster.config.isLog, let first = cluster.choices.chosen.first else { return nil }
    let event = Event.chosen(first.value, first.ballot)
    guard !window.entries.contains(where: { cluster.trace.entries[$0].event == event }) else {
      return nil
    }
    return
      "CHOSEN \(cluster.shortValue(first.value)) (\(first.ballot)) earlier, at time \(first.time)"
  }

  /// A violation in few words; `status` and the transcript give it in full.
  static func shortText(_ violation: Violation, _ cluster: Cluster) -> String {
    switch violation {
    case .agreement(let first, let second, _):
      "VIOLATION \(cluster.shortValue(second)) chosen after \(cluster.shortValue(first))"
    case .validity(let value, _):
      "VIOLATION \(cluster.shortValue(value)) chosen, never proposed"
    case .promiseDecreased(let node, let from, let to):
      "VIOLATION \(node) promise fell from \(from) to \(to)"
    case .slotAgreement(let slot, let first, let second, _):
      "VIOLATION [\(slot)] \(cluster.shortValue(second)) chosen after \(cluster.shortValue(first))"
    case .slotValidity(let slot, let value, _):
      "VIOLATION [\(slot)] \(cluster.shortValue(value)) chosen, never requested"
    case .logsDiverge(let node, let entry, let other, let expected, _):
      "VIOLATION \(node) applied [\(entry.slot)] where \(other) applied [\(expected.slot)]"
    case .appliedTwice(let node, let command, _, _):
      "VIOLATION \(node) applied \(command.requestName) twice"
    }
  }

  static func arrow(
    _ id: MessageID, end: End, fate: String?, _ cluster: Cluster, _ down: Set<NodeID>
  ) -> DiagramRow {
    let message = cluster.trace[id]
    var text = cluster.shortLabel(message)
    if message.from == message.to { text += ", to itself" }
    if let fate { text += ", " + fate }
    return DiagramRow(
      shape: .arrow(from: message.from, to: message.to, end: end), id: "\(id)", text: text,
      down: down)
  }
}
