/// Where things go on a space-time diagram, in points: one column per node, time flowing down,
/// one row per time at which something visible happened.
///
/// Every position is computed here and pinned in the file, so Graphviz places nothing itself:
/// its own layout of a graph this size takes minutes, pinned it takes a moment.
struct SpaceTimeLayout {
  static let columnWidth = 150
  static let rowHeight = 26
  /// Room on the left for the time numbers.
  static let leftMargin = 70
  /// Room between the last lifeline and the notes on the right.
  static let noteOffset = 120

  let columns: Int

  /// The x of node `column`'s lifeline.
  func x(column: Int) -> Int { Self.leftMargin + column * Self.columnWidth }

  /// The y of row `row`; rows go down, Graphviz's y goes up.
  func y(row: Int) -> Int { -(row + 1) * Self.rowHeight }

  /// The node names sit one row above the first row of events.
  var headY: Int { 0 }

  /// The x of the time numbers.
  var timeX: Int { Self.leftMargin / 3 }

  /// The x where notes for everyone (chosen, violation, partition) start.
  var noteX: Int { x(column: max(0, columns - 1)) + Self.noteOffset }

  /// Where a lost message's cross is drawn: most of the way to its receiver, so the arrow
  /// visibly falls short.
  func lossX(from: Int, to: Int) -> Int {
    from == to
      ? x(column: from) + Self.columnWidth / 3
      : x(column: from) + (x(column: to) - x(column: from)) * 7 / 10
  }
}
