import PaxosCore

/// Where a diagram's lifelines run and how one row is drawn across them.
///
/// Left to right: message IDs, one lifeline per node, then the row's text. The lifelines are
/// only as far apart as the width allows, so that every label fits on its arrow's line.
struct DiagramLayout {
  /// The width the diagram aims to fit in.
  static let targetWidth = 100
  /// The room labels get before the lifelines are squeezed.
  static let labelRoom = 40
  static let widestSpacing = 10
  static let narrowestSpacing = 4

  let nodes: [NodeID]
  /// Column of each node's lifeline.
  let column: [NodeID: Int]
  let gutter: Int
  /// Columns used by the lifelines.
  let width: Int
  var labelStart: Int { width + 2 }
  var labelWidth: Int { max(Self.labelRoom / 2, Self.targetWidth - labelStart) }

  init(nodes: [NodeID], idWidth: Int) {
    self.nodes = nodes
    gutter = idWidth == 0 ? 1 : idWidth + 2
    let widestName = nodes.map(\.name.count).max() ?? 1
    let gaps = max(1, nodes.count - 1)
    let fitting = (Self.targetWidth - gutter - 1 - 2 - Self.labelRoom) / gaps
    let spacing = max(
      Self.narrowestSpacing, widestName + 1, min(Self.widestSpacing, fitting))
    var column: [NodeID: Int] = [:]
    for (index, node) in nodes.enumerated() { column[node] = gutter + index * spacing }
    self.column = column
    width = gutter + (nodes.count - 1) * spacing + 1
  }

  /// The node names, each centred over its lifeline.
  var names: String {
    var line = ""
    for node in nodes {
      let centred = (column[node] ?? 0) - (node.name.count - 1) / 2
      let start = line.isEmpty ? max(0, centred) : max(line.count + 1, centred)
      line += String(repeating: " ", count: start - line.count) + node.name
    }
    return line
  }

  func line(_ row: DiagramRow) -> String {
    var canvas = lifelines(down: row.down)
    switch row.shape {
    case .arrow(let from, let to, let end):
      drawArrow(from: from, to: to, end: end, on: &canvas)
    case .marker(let node, let symbol):
      if let node, let x = column[node] { canvas[x] = symbol }
    case .note:
      break
    case .rule:
      canvas = canvas.map { $0 == " " ? "┄" : "┼" }
    }
    let id = Array(row.id)
    canvas.replaceSubrange(0..<min(id.count, canvas.count), with: id.prefix(canvas.count))
    let text = row.text.withVisibleControls.truncated(toWidth: labelWidth)
    let gap = row.shape.isRule ? " " : "  "
    return (String(canvas) + gap + text).trimmingTrailingSpaces
  }

  private func lifelines(down: Set<NodeID>) -> [Character] {
    var canvas = [Character](repeating: " ", count: width)
    for node in nodes {
      if let x = column[node] { canvas[x] = down.contains(node) ? "┆" : "│" }
    }
    return canvas
  }

  private func drawArrow(
    from: NodeID, to: NodeID, end: DiagramRow.End, on canvas: inout [Character]
  ) {
    guard let start = column[from], let stop = column[to] else { return }
    guard start != stop else {
      canvas[stop] = end == .lost ? DiagramSymbol.lost : "↻"
      return
    }
    let rightward = start < stop
    let body: Character = end == .inFlight ? "╌" : "─"
    for x in min(start, stop)...max(start, stop) { canvas[x] = body }
    canvas[start] = rightward ? "├" : "┤"
    switch end {
    case .arrived: canvas[stop] = rightward ? "►" : "◄"
    case .lost: canvas[stop] = DiagramSymbol.lost
    case .inFlight: canvas[stop] = rightward ? "▷" : "◁"
    }
  }
}

extension DiagramRow.Shape {
  var isRule: Bool {
    if case .rule = self { return true }
    return false
  }
}
