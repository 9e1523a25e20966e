import PaxosCore
import PaxosSim

/// Writes the DOT statements of a space-time diagram in one pass over a window of the trace.
///
/// Each node is a vertical lifeline; each time at which something visible happened is a row.
/// A send and a receive are points on their lifelines at their rows, and each message an arrow
/// between them: slanted by how long it waited, crossing another when the two were reordered.
/// Every node, point and mark is written before the edges that need it, so the whole file comes
/// out in order without a second pass.
struct SpaceTimeDiagram {
  enum Fate: UInt8 { case unseen, inFlight, settled }

  var out: TextBuffer
  let cluster: Cluster
  let layout: SpaceTimeLayout
  let column: [NodeID: Int]
  var values: ValueTexts
  /// Rows made so far; the last one is `rows - 1`.
  var rows = 0
  private var rowTime: Int32 = .min
  /// Per column: the last row with a point, and the last row with a mark beside the lifeline.
  private var pointRow: [Int]
  var markRow: [Int]
  /// Per column: the node where the current stretch of lifeline starts, and whether it is down.
  var segmentStart: [[UInt8]]
  var isDown: [Bool]
  /// Per message: the row it was sent in (`-1` before the window), and what became of it.
  private var sendRow: [Int32]
  private var fate: [Fate]
  /// Messages sent (or copied) inside the window, to draw those still travelling at its end.
  private var sentInWindow: [MessageID] = []
  private var copies: Set<MessageID> = []
  /// The node that received a message in the current row: where a choice or violation happens.
  var receiverColumn: Int?

  init(_ cluster: Cluster, nodes: [Node], capacity: Int) {
    self.cluster = cluster
    layout = SpaceTimeLayout(columns: nodes.count)
    var column: [NodeID: Int] = [:]
    for (index, node) in nodes.enumerated() { column[node.id] = index }
    self.column = column
    values = ValueTexts(cluster.values, encode: DotText.append)
    out = TextBuffer(capacity: capacity)
    pointRow = Array(repeating: -1, count: nodes.count)
    markRow = Array(repeating: -1, count: nodes.count + 1)
    segmentStart = (0..<nodes.count).map { Array("top\($0)".utf8) }
    isDown = Array(repeating: false, count: nodes.count)
    sendRow = Array(repeating: -1, count: cluster.trace.messages.count)
    fate = Array(repeating: .unseen, count: cluster.trace.messages.count)
  }

  func columnOf(_ node: NodeID) -> Int { column[node] ?? 0 }

  // MARK: Rows and points

  /// The row of an event at `time`: a new row when the time changed (or when asked, so that
  /// two notes of one step do not overlap), labelled with the time on the left.
  mutating func row(for time: Int32, fresh: Bool = false) -> Int {
    if time != rowTime || fresh || rows == 0 {
      rowTime = time
      rows += 1
      receiverColumn = nil
      let row = rows - 1
      out.append("  s" as StaticString)
      out.append(row)
      out.append(" [fontcolor=gray40 label=\"" as StaticString)
      out.append(Int(time))
      out.append("\" " as StaticString)
      appendPos(layout.timeX, layout.y(row: row))
      out.append("]\n" as StaticString)
    }
    return rows - 1
  }

  /// The point of `column`'s lifeline at `row`, drawn once.
  mutating func point(_ column: Int, _ row: Int) {
    guard pointRow[column] != row else { return }
    pointRow[column] = row
    out.append("  " as StaticString)
    appendPointName(column, row)
    out.append(" [shape=point width=0.06 " as StaticString)
    appendPos(layout.x(column: column), layout.y(row: row))
    out.append("]\n" as StaticString)
  }

  mutating func appendPointName(_ column: Int, _ row: Int) {
    out.append(UInt8(ascii: "n"))
    out.append(column)
    out.append(UInt8(ascii: "_"))
    out.append(row)
  }

  mutating func appendPos(_ x: Int, _ y: Int) {
    out.append("pos=\"" as StaticString)
    out.append(x)
    out.append(UInt8(ascii: ","))
    out.append(y)
    out.append(UInt8(ascii: "\""))
  }

  // MARK: Messages

  mutating func sent(_ id: MessageID, time: Int32) {
    let index = Int(id.raw) - 1
    guard index < sendRow.count else { return }
    let row = row(for: time)
    point(columnOf(cluster.trace[id].from), row)
    sendRow[index] = Int32(row)
    fate[index] = .inFlight
    sentInWindow.append(id)
  }

  /// A copy leaves from where its original left.
  mutating func duplicated(_ original: MessageID, copy: MessageID) {
    let (from, to) = (Int(original.raw) - 1, Int(copy.raw) - 1)
    guard from < sendRow.count, to < sendRow.count else { return }
    sendRow[to] = sendRow[from]
    fate[to] = .inFlight
    sentInWindow.append(copy)
    copies.insert(copy)
  }

  mutating func delivered(_ id: MessageID, time: Int32) {
    guard Int(id.raw) - 1 < sendRow.count else { return }
    let message = cluster.trace[id]
    let row = row(for: time)
    let to = columnOf(message.to)
    point(to, row)
    receiverColumn = to
    arrow(id, style: .solid, attributes: "", headAt: (layout.x(column: to), layout.y(row: row))) {
      diagram in diagram.appendPointName(to, row)
    }
  }

  /// A dropped or lost message ends in a red cross short of its receiver.
  mutating func lost(_ id: MessageID, time: Int32, why: StaticString) {
    guard Int(id.raw) - 1 < sendRow.count else { return }
    let message = cluster.trace[id]
    let row = row(for: time)
    let x = layout.lossX(from: columnOf(message.from), to: columnOf(message.to))
    let y = layout.y(row: row)
    out.append("  lost" as StaticString)
    out.append(Int(id.raw))
    out.append(
      " [id=\"lost" as StaticString)
    out.append(Int(id.raw))
    out.append(
      "\" class=\"lost\" fontsize=16 fontcolor=red3 label=\"✕\" " as StaticString)
    appendPos(x, y)
    out.append("]\n" as StaticString)
    arrow(
      id, style: .dashed, attributes: " color=red3 arrowhead=none", labelColor: "red3",
      suffix: why, headAt: (x, y)
    ) { diagram in
      diagram.out.append("lost" as StaticString)
      diagram.out.append(Int(id.raw))
    }
  }

  /// Messages still travelling when the window ends: an open arrow down to the bottom.
  mutating func finishInFlight() {
    for id in sentInWindow where fate[Int(id.raw) - 1] == .inFlight {
      let message = cluster.trace[id]
      let (from, to) = (columnOf(message.from), columnOf(message.to))
      let x =
        from == to ? layout.x(column: from) : (layout.x(column: from) + layout.x(column: to)) / 2
      let y = layout.y(row: rows)
      out.append("  fly" as StaticString)
      out.append(Int(id.raw))
      out.append(" [shape=point width=0.01 " as StaticString)
      appendPos(x, y)
      out.append("]\n" as StaticString)
      arrow(
        id, style: .dotted, attributes: " color=gray50 arrowhead=empty", labelColor: "gray40",
        suffix: " (in flight)", headAt: (x, y)
      ) { diagram in
        diagram.out.append("fly" as StaticString)
        diagram.out.append(Int(id.raw))
      }
    }
  }

  /// The edge of message `id` from its send point to what `appendHead` names, at `head`.
  ///
  /// The label is a node of its own, pinned two thirds of the way along the arrow: every arrival
  /// has a row of its own, so labels near their heads stay apart, even for a broadcast whose
  /// arrows share their tail or arrows that cross in the middle. Left to Graphviz, placing
  /// thousands of edge labels takes longer than everything else together.
  private mutating func arrow(
    _ id: MessageID, style: LineStyle, attributes: StaticString,
    labelColor: StaticString? = nil, suffix: StaticString = "", headAt head: (x: Int, y: Int),
    head appendHead: (inout SpaceTimeDiagram) -> Void
  ) {
    let index = Int(id.raw) - 1
    let message = cluster.trace[id]
    let from = columnOf(message.from)
    let row = fate[index] == .unseen ? -1 : Int(sendRow[index])
    let tail = (
      x: layout.x(column: from),
      y: row < 0 ? layout.headY - SpaceTimeLayout.rowHeight / 2 : layout.y(row: row)
    )
    fate[index] = .settled
    out.append("  label" as StaticString)
    out.append(Int(id.raw))
    out.append(" [" as StaticString)
    if labelColor != nil {
      out.append("fontcolor=" as StaticString)
      out.append(labelColor ?? "black")
      out.append(UInt8(ascii: " "))
    }
    out.append("label=\"" as StaticString)
    if copies.contains(id) { out.append("copy: " as StaticString) }
    MessageLabel.append(
      message, report: cluster.trace.report(in: message), to: &out, values: &values)
    out.append(suffix)
    out.append("\" " as StaticString)
    appendPos(tail.x + (head.x - tail.x) * 65 / 100, tail.y + (head.y - tail.y) * 65 / 100 + 6)
    out.append("]\n  " as StaticString)
    if row < 0 {
      // Sent before the window: the arrow comes from the top of the sender's lifeline.
      out.append("early" as StaticString)
      out.append(Int(id.raw))
      out.append(" [shape=point width=0.01 " as StaticString)
      appendPos(tail.x, tail.y)
      out.append("]\n  early" as StaticString)
      out.append(Int(id.raw))
    } else {
      appendPointName(from, row)
    }
    out.append(" -> " as StaticString)
    appendHead(&self)
    out.append(" [id=\"m" as StaticString)
    out.append(Int(id.raw))
    out.append(UInt8(ascii: "\""))
    // Solid is Graphviz's default; an arrow from before the window is dashed.
    let line = row < 0 ? LineStyle.dashed : style
    if line != .solid {
      out.append(" style=" as StaticString)
      out.append(line == .dashed ? "dashed" : "dotted")
    }
    // Arrows are coloured by phase, unless `attributes` give a colour of their own.
    if labelColor == nil {
      out.append(" color=" as StaticString)
      out.append(message.kind.dotColor)
    }
    out.append(attributes)
    out.append("]\n" as StaticString)
  }
}

enum LineStyle { case solid, dashed, dotted }

extension MessageKind {
  /// Phase 1 in blue, phase 2 in green, refusals in orange.
  var dotColor: StaticString {
    switch self {
    case .prepare, .promise: "\"#1f5fbf\""
    case .accept, .accepted: "\"#1e7b34\""
    case .nack: "\"#c25e00\""
    case .catchup, .chosen: "\"#6a3fa0\""
    }
  }
}
