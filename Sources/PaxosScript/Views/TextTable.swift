/// A plain-text table: a header, a rule, then rows, each column as wide as its widest cell.
struct TextTable {
  var header: [String]
  var rows: [[String]] = []
  /// What an empty cell shows, so that every column reads as filled in.
  static let empty = "-"
  static let gap = "  "

  init(header: [String]) { self.header = header }

  mutating func append(_ row: [String]) { rows.append(row) }

  var lines: [String] {
    let widths = header.indices.map { column in
      ([header] + rows).map { cell($0, column).displayWidth }.max() ?? 0
    }
    let rule = widths.map { String(repeating: "─", count: $0) }
    return ([header, rule] + rows).map { row in
      widths.indices.map { cell(row, $0).padded(toWidth: widths[$0]) }
        .joined(separator: Self.gap).trimmingTrailingSpaces
    }
  }

  private func cell(_ row: [String], _ column: Int) -> String {
    guard column < row.count, !row[column].isEmpty else { return Self.empty }
    return row[column]
  }
}
