import PaxosCore
import PaxosSim

/// The statements that draw a window of the trace, one after another in one buffer, with where
/// each ends and its time: the places where a long run may be cut into several diagrams.
///
/// A statement is one line, or a few that belong together (a highlighted `rect` block), so
/// that a cut never falls inside one.
struct MermaidBody {
  private(set) var text: TextBuffer
  /// `ends[i]` is the offset just past statement `i`.
  private(set) var ends: [Int] = []
  private(set) var times: [Int32] = []
  private let participants: MermaidParticipants
  private let cluster: Cluster
  private var values: ValueTexts

  init(_ cluster: Cluster, window: TimeWindow, participants: MermaidParticipants) {
    self.cluster = cluster
    self.participants = participants
    values = ValueTexts(cluster.values, encode: MermaidText.append)
    // About 15 bytes per trace event in long runs (a third of the events are drawn).
    text = TextBuffer(capacity: 16 * window.entries.count + 64)
    noteEarlierChoice(window)
    for index in window.entries { add(cluster.trace.entries[index]) }
  }

  var count: Int { ends.count }

  /// Where statement `index` starts in `text`.
  func start(of index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

  private mutating func add(_ entry: TraceEntry) {
    let before = text.count
    // Every message an event names is in the trace; one that is not (a damaged trace) is skipped.
    guard entry.event.refersOnlyToWhatIsIn(cluster.trace) else { return }
    switch entry.event {
    case .delivered(let id):
      arrow(id, "->>", suffix: "")
    case .dropped(let id):
      arrow(id, "-x", suffix: " (dropped)")
    case .lost(let id, .receiverDown):
      arrow(id, "-x", suffix: " (lost, receiver down)")
    case .lost(let id, .partitioned):
      arrow(id, "-x", suffix: " (lost, partition)")
    case .duplicated(let original, _):
      let message = cluster.trace[original]
      noteOver(message.from, message.to)
      text.append("duplicated " as StaticString)
      MessageLabel.append(
        message, report: cluster.trace.report(in: message), to: &text, values: &values)
      text.append(UInt8(ascii: "\n"))
    case .crashed(let node):
      note(over: node, "crash, keeps only its disk")
    case .recovered(let node):
      note(over: node, "recover from disk")
    case .timerFired(let node):
      note(over: node, "timer fires")
    case .decided(let value, let ballot):
      noteOver(ballot.proposer, ballot.proposer)
      text.append("decided " as StaticString)
      values.appendFull(value, to: &text)
      text.append(UInt8(ascii: "\n"))
    case .learned(let node, let value, _):
      noteOver(node, node)
      text.append("learned " as StaticString)
      values.appendFull(value, to: &text)
      text.append(UInt8(ascii: "\n"))
    case .chosen(let value, let ballot) where cluster.choices.isChosenAgain(value, under: ballot):
      // The value was chosen before: a note, not a second band, as the transcript tells it.
      participants.appendNoteOverAll(to: &text)
      text.append("chosen again " as StaticString)
      appendChoice(value, ballot)
      text.append(UInt8(ascii: "\n"))
    case .chosen(let value, let ballot):
      highlighted(color: "rgb(255, 226, 122)") { body in
        body.text.append("★ CHOSEN " as StaticString)
        body.appendChoice(value, ballot)
      }
    case .decidedSlot(let node, let vote):
      knows(node, "decided ", vote.slot, vote.command)
      text.append(UInt8(ascii: "\n"))
    case .learnedSlot(let node, let vote):
      knows(node, "learned ", vote.slot, vote.command)
      text.append(UInt8(ascii: "\n"))
    case .chosenSlot(let vote) where cluster.choices.isChosenAgain(vote):
      participants.appendNoteOverAll(to: &text)
      text.append("chosen again " as StaticString)
      appendChoice(vote)
      text.append(UInt8(ascii: "\n"))
    case .chosenSlot(let vote):
      highlighted(color: "rgb(255, 226, 122)") { body in
        body.text.append("★ CHOSEN " as StaticString)
        body.appendChoice(vote)
      }
    case .skippedDuplicate(let node, let entry, let first):
      knows(node, "skips duplicate ", Int(entry.slot), entry.command)
      text.append(" (applied in [" as StaticString)
      text.append(Int(first))
      text.append("])\n" as StaticString)
    case .waits(let node, let missing, _):
      noteOver(node, node)
      text.append("waits for slot " as StaticString)
      text.append(Int(missing))
      text.append(UInt8(ascii: "\n"))
    case .violation(let violation):
      highlighted(color: "rgb(255, 170, 170)") { body in
        body.text.append("VIOLATION " as StaticString)
        MermaidText.append(body.cluster.describe(violation), to: &body.text)
      }
    case .partitioned, .healed:
      participants.appendNoteOverAll(to: &text)
      MermaidText.append(cluster.describe(entry.event), to: &text)
      text.append(UInt8(ascii: "\n"))
    case .sent, .restoredAcceptor, .restoredRound, .persistedAcceptor, .persistedRound,
      .timerArmed, .startedPhase1, .startedPhase2, .awaitingValue, .abandoned, .requested,
      .holds, .knownChosen, .leads, .proposed, .persistedVote, .restoredVotes, .restoredLearner,
      .asksForSlots,
      .applied:
      // The arrows and notes tell these; drawing them too would bury the messages.
      break
    }
    if text.count > before {
      ends.append(text.count)
      times.append(entry.time)
    }
  }

  /// `red (1.p1)`
  private mutating func appendChoice(_ value: ValueID, _ ballot: Ballot) {
    values.appendFull(value, to: &text)
    text.append(" (" as StaticString)
    text.append(ballot)
    text.append(UInt8(ascii: ")"))
  }

  /// `[2] put x 1 (1.p1)`
  private mutating func appendChoice(_ vote: SlotVote) {
    appendSlot(vote.slot, vote.command)
    text.append(" (" as StaticString)
    text.append(vote.ballot)
    text.append(UInt8(ascii: ")"))
  }

  /// `[2] put x 1`
  private mutating func appendSlot(_ slot: Int, _ command: ValueID) {
    text.append(UInt8(ascii: "["))
    text.append(slot)
    text.append("] " as StaticString)
    values.appendFull(command, to: &text)
  }

  /// `decided [2] put x 1` over a proposer, `learned [2] put x 1` over a learner; the caller
  /// ends the line.
  private mutating func knows(
    _ node: NodeID, _ verb: StaticString, _ slot: Int, _ command: ValueID
  ) {
    noteOver(node, node)
    text.append(verb)
    appendSlot(slot, command)
  }

  /// A window that starts after the first choice says what its "chosen again" notes repeat.
  /// A log's "chosen again" notes name their slot and command: they need no such note.
  private mutating func noteEarlierChoice(_ window: TimeWindow) {
    guard !cluster.config.isLog, let first = cluster.choices.chosen.first,
      let start = window.entries.first
    else {
      return
    }
    let time = cluster.trace.entries[start].time
    guard first.time < time else { return }
    participants.appendNoteOverAll(to: &text)
    text.append("CHOSEN " as StaticString)
    appendChoice(first.value, first.ballot)
    text.append(" earlier, at time " as StaticString)
    text.append(first.time)
    text.append(UInt8(ascii: "\n"))
    ends.append(text.count)
    times.append(time)
  }

  private mutating func arrow(_ id: MessageID, _ shape: StaticString, suffix: StaticString) {
    let message = cluster.trace[id]
    text.append("  " as StaticString)
    text.append(bytes: participants.id(message.from))
    text.append(shape)
    text.append(bytes: participants.id(message.to))
    text.append(": " as StaticString)
    MessageLabel.append(
      message, report: cluster.trace.report(in: message), to: &text, values: &values)
    text.append(suffix)
    text.append(UInt8(ascii: "\n"))
  }

  private mutating func note(over node: NodeID, _ words: StaticString) {
    noteOver(node, node)
    text.append(words)
    text.append(UInt8(ascii: "\n"))
  }

  /// `  Note over a,b: ` (or over one node), ready for the note's text.
  private mutating func noteOver(_ first: NodeID, _ second: NodeID) {
    text.append("  Note over " as StaticString)
    text.append(bytes: participants.id(first))
    if second != first {
      text.append(UInt8(ascii: ","))
      text.append(bytes: participants.id(second))
    }
    text.append(": " as StaticString)
  }

  /// A note across every lifeline on a coloured band, for what must not be missed.
  private mutating func highlighted(color: StaticString, _ writeText: (inout MermaidBody) -> Void) {
    text.append("  rect " as StaticString)
    text.append(color)
    text.append(UInt8(ascii: "\n"))
    participants.appendNoteOverAll(to: &text)
    writeText(&self)
    text.append("\n  end\n" as StaticString)
  }
}

extension Event {
  /// Whether the messages and partition the event names are in `trace`: always in a real run;
  /// a damaged trace's stray event is left out rather than trapping.
  func refersOnlyToWhatIsIn(_ trace: Trace) -> Bool {
    let messages = 1...max(1, trace.messages.count)
    switch self {
    case .sent(let id), .delivered(let id), .dropped(let id), .lost(let id, _):
      return !trace.messages.isEmpty && messages.contains(Int(id.raw))
    case .duplicated(let original, let copy):
      return !trace.messages.isEmpty && messages.contains(Int(original.raw))
        && messages.contains(Int(copy.raw))
    case .partitioned(let index):
      return trace.partitions.indices.contains(index)
    default:
      return true
    }
  }
}
