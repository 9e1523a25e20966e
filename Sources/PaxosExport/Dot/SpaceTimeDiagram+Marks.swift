import PaxosCore
import PaxosSim

/// The marks that are not messages: crashes and recoveries on the lifelines, timers, decisions,
/// and notes for everyone (chosen, violations, partitions) to the right of the lifelines.
extension SpaceTimeDiagram {
  /// A crash cuts the lifeline: it goes on dashed until the node recovers.
  mutating func lifelineChange(_ node: NodeID, time: Int32, down: Bool) {
    let column = columnOf(node)
    let row = freshRow(time, column: column)
    let name = Array((down ? "crash\(column)_\(row)" : "recover\(column)_\(row)").utf8)
    out.append("  " as StaticString)
    out.append(bytes: name)
    out.append(
      down
        ? " [class=\"crash\" shape=box margin=\"0.08,0.03\" style=filled fillcolor=\"#f4b6b6\" fontsize=9 height=0.2 label=\"crash\" "
          as StaticString
        : " [class=\"recover\" shape=box margin=\"0.08,0.03\" style=filled fillcolor=\"#b9e4c1\" fontsize=9 height=0.2 label=\"recover\" "
    )
    appendPos(layout.x(column: column), layout.y(row: row))
    out.append("]\n" as StaticString)
    endSegment(column, at: name)
    isDown[column] = down
  }

  /// Draws the stretch of `column`'s lifeline that ends at `name` and starts the next there.
  mutating func endSegment(_ column: Int, at name: [UInt8]) {
    out.append("  " as StaticString)
    out.append(bytes: segmentStart[column])
    out.append(" -> " as StaticString)
    out.append(bytes: name)
    out.append(
      isDown[column]
        ? " [dir=none style=dashed color=gray60 class=\"lifeline down\"]\n" as StaticString
        : " [dir=none color=gray40 class=\"lifeline\"]\n")
    segmentStart[column] = name
  }

  mutating func timer(_ node: NodeID, time: Int32) {
    let column = columnOf(node)
    let row = freshRow(time, column: column)
    out.append("  timer" as StaticString)
    out.append(column)
    out.append(UInt8(ascii: "_"))
    out.append(row)
    out.append(
      " [class=\"timer\" shape=ellipse margin=\"0.05,0.02\" height=0.18 style=filled fillcolor=\"#fff2b3\" label=\"timer\" "
        as StaticString)
    appendPos(layout.x(column: column), layout.y(row: row))
    out.append("]\n" as StaticString)
  }

  /// `decided red` beside a proposer's lifeline, `learned red` beside a learner's; in a log
  /// cluster with the slot, `learned [2] put x 1`.
  mutating func knows(
    _ node: NodeID, _ value: ValueID, slot: Int = 0, time: Int32, verb: StaticString
  ) {
    beside(node, time: time) { diagram in
      diagram.out.append(verb)
      diagram.appendSlot(slot)
      diagram.values.appendShort(value, to: &diagram.out)
    }
  }

  /// `skips duplicate [4] append x 2 (applied in [2])` beside a learner's lifeline.
  mutating func skipped(_ node: NodeID, _ entry: AppliedEntry, first: Int32, time: Int32) {
    beside(node, time: time) { diagram in
      diagram.out.append("skips duplicate " as StaticString)
      diagram.appendSlot(Int(entry.slot))
      diagram.values.appendShort(entry.command, to: &diagram.out)
      diagram.out.append(" (applied in [" as StaticString)
      diagram.out.append(Int(first))
      diagram.out.append("])" as StaticString)
    }
  }

  /// `waits for slot 2` beside a learner's lifeline.
  mutating func waits(_ node: NodeID, missing: Int32, time: Int32) {
    beside(node, time: time) { diagram in
      diagram.out.append("waits for slot " as StaticString)
      diagram.out.append(Int(missing))
    }
  }

  /// A small rounded box just right of `node`'s lifeline, for what the node now knows or does.
  private mutating func beside(
    _ node: NodeID, time: Int32, text: (inout SpaceTimeDiagram) -> Void
  ) {
    let column = columnOf(node)
    let row = freshRow(time, column: column)
    out.append("  knows" as StaticString)
    out.append(column)
    out.append(UInt8(ascii: "_"))
    out.append(row)
    out.append(
      " [class=\"knows\" shape=box margin=\"0.06,0.02\" style=\"rounded,filled\" fillcolor=\"#cfe3ff\" height=0.18 label=\""
        as StaticString)
    text(&self)
    out.append("\" " as StaticString)
    appendPos(layout.x(column: column) + SpaceTimeLayout.columnWidth / 3, layout.y(row: row))
    out.append("]\n" as StaticString)
  }

  /// `[2] ` before a log cluster's command; nothing for a single decree's slot 0.
  private mutating func appendSlot(_ slot: Int) {
    guard slot > 0 else { return }
    out.append(UInt8(ascii: "["))
    out.append(slot)
    out.append("] " as StaticString)
  }

  /// The first choice in a gold box; a later quorum for the same value only repeats it, in a
  /// pale one, as the transcript's "chosen again". In a log cluster, the same for each slot.
  mutating func chosen(_ value: ValueID, _ ballot: Ballot, slot: Int = 0, time: Int32) {
    let again =
      slot > 0
      ? cluster.choices.isChosenAgain(SlotVote(slot: slot, ballot: ballot, command: value))
      : cluster.choices.isChosenAgain(value, under: ballot)
    guard again else {
      note(time: time, kind: "chosen", fill: "\"#ffd84d\"", near: receiverColumn) { diagram in
        diagram.out.append("★ CHOSEN " as StaticString)
        diagram.appendSlot(slot)
        diagram.appendChoice(value, ballot)
      }
      return
    }
    note(time: time, kind: "chosen_again", fill: "\"#fff3c4\"", near: receiverColumn) { diagram in
      diagram.out.append("chosen again " as StaticString)
      diagram.appendSlot(slot)
      diagram.appendChoice(value, ballot)
    }
  }

  /// `red (1.p1)`
  mutating func appendChoice(_ value: ValueID, _ ballot: Ballot) {
    values.appendFull(value, to: &out)
    out.append(" (" as StaticString)
    out.append(ballot)
    out.append(UInt8(ascii: ")"))
  }

  mutating func violation(_ violation: Violation, time: Int32) {
    var near = receiverColumn
    switch violation {
    case .promiseDecreased(let node, _, _), .logsDiverge(let node, _, _, _, _),
      .appliedTwice(let node, _, _, _):
      near = columnOf(node)
    default: break
    }
    let text = cluster.describe(violation)
    note(time: time, kind: "violation", fill: "\"#ff9d9d\"", near: near) { diagram in
      diagram.out.append("VIOLATION " as StaticString)
      DotText.append(text, to: &diagram.out)
    }
  }

  /// A dashed line across every lifeline, labelled with the new shape of the network.
  mutating func networkChange(_ event: Event, time: Int32) {
    let row = freshRow(time, column: layout.columns)
    let y = layout.y(row: row)
    for (side, x) in [("a", layout.x(column: 0) - 30), ("b", layout.noteX - 20)] {
      out.append("  net" as StaticString)
      out.append(row)
      out.append(side)
      out.append(" [shape=point width=0.01 " as StaticString)
      appendPos(x, y)
      out.append("]\n" as StaticString)
    }
    out.append("  net" as StaticString)
    out.append(row)
    out.append("a -> net" as StaticString)
    out.append(row)
    out.append(
      "b [class=\"network\" dir=none style=dashed color=purple fontcolor=purple fontsize=9 label=\""
        as StaticString)
    DotText.append(cluster.describe(event), to: &out)
    out.append("\"]\n" as StaticString)
  }

  /// A box right of the lifelines, joined by a dotted line to the node where it happened.
  private mutating func note(
    time: Int32, kind: StaticString, fill: StaticString, near: Int?,
    text: (inout SpaceTimeDiagram) -> Void
  ) {
    let row = freshRow(time, column: layout.columns)
    out.append("  " as StaticString)
    out.append(kind)
    out.append(row)
    out.append(" [id=\"" as StaticString)
    out.append(kind)
    out.append(row)
    out.append("\" class=\"" as StaticString)
    out.append(kind)
    out.append(
      "\" shape=box margin=\"0.11,0.055\" style=filled fontsize=10 fillcolor=" as StaticString)
    out.append(fill)
    out.append(" label=\"" as StaticString)
    text(&self)
    out.append("\" " as StaticString)
    appendPos(layout.noteX, layout.y(row: row))
    out.append("]\n" as StaticString)
    guard let near else { return }
    // From an invisible point on the lifeline: a dot there could sit on a crash or recover mark.
    out.append("  at" as StaticString)
    out.append(kind)
    out.append(row)
    out.append(" [shape=point width=0.01 " as StaticString)
    appendPos(layout.x(column: near), layout.y(row: row))
    out.append("]\n  at" as StaticString)
    out.append(kind)
    out.append(row)
    out.append(" -> " as StaticString)
    out.append(kind)
    out.append(row)
    out.append(" [class=\"link\" dir=none style=dotted color=gray50]\n" as StaticString)
  }

  /// The row for a mark in `column` (the note column is `layout.columns`): a new one when that
  /// place is already taken in the current row, so that marks never overlap.
  private mutating func freshRow(_ time: Int32, column: Int) -> Int {
    let current = row(for: time)
    let row = markRow[column] == current ? self.row(for: time, fresh: true) : current
    markRow[column] = row
    return row
  }
}
