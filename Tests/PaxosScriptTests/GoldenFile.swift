/// A golden transcript in the style of etcd's datadriven files: blocks of one command line, a
/// line `----`, the output that line must print, and a blank line. Blank lines and lines starting
/// with `#` between blocks are kept as they are.
struct GoldenFile {
  struct Block {
    /// 1-based line of the command in the file.
    var line: Int
    var command: String
    var expected: [String]
  }

  enum Chunk {
    case verbatim(String)
    case block(Block)
  }

  struct FormatError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }
  }

  static let separator = "----"

  var chunks: [Chunk] = []

  var blocks: [Block] {
    chunks.compactMap { if case .block(let block) = $0 { block } else { nil } }
  }

  init(parsing text: String) throws(FormatError) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.isEmpty || line.hasPrefix("#") {
        chunks.append(.verbatim(line))
        index += 1
        continue
      }
      guard index + 1 < lines.count, lines[index + 1] == Self.separator else {
        throw FormatError(line: index + 2, message: "expected '\(Self.separator)' after '\(line)'")
      }
      var block = Block(line: index + 1, command: line, expected: [])
      index += 2
      while index < lines.count, !lines[index].isEmpty {
        block.expected.append(lines[index])
        index += 1
      }
      index += 1  // the blank line that ends the block
      chunks.append(.block(block))
    }
  }

  /// The file's text with each block's output replaced by `outputs[n]` for the n-th block.
  func rendered(outputs: [[String]]) -> String {
    var lines: [String] = []
    var next = 0
    for chunk in chunks {
      switch chunk {
      case .verbatim(let line):
        lines.append(line)
      case .block(let block):
        lines += [block.command, Self.separator] + outputs[next] + [""]
        next += 1
      }
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }
}
