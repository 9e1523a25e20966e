import PaxosSession

/// How a run too long for one Mermaid diagram is written: one diagram per file.
///
/// Every Mermaid tool (the `mmdc` command, the live editor, GitHub's viewer of `.mmd` files)
/// reads one diagram per file, and a second `sequenceDiagram` in the same file is a syntax
/// error, so the parts go to `FILE-1.mmd`, `FILE-2.mmd`, ... each of which renders on its own.
/// Notes (Obsidian, HackMD, GitHub Markdown) get one ```mermaid block per part from the
/// Markdown export. Standard output has only one stream: there the parts follow each other,
/// each after a blank line and its `%% part N of M` comment, for a person or a script to split.
enum MermaidFiles {
  /// `duel.mmd` as `duel-1.mmd`, `duel-2.mmd`...; the file itself when there is one part.
  static func fileNames(for path: String, count: Int) -> [String] {
    guard count > 1 else { return [path] }
    return (1...count).map { partName(of: path, number: $0) }
  }

  /// `duel.mmd`'s part `number`: `duel-2.mmd`.
  private static func partName(of path: String, number: Int) -> String {
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let name = path[slash...]
    let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 } ?? path.endIndex
    return "\(path[..<dot])-\(number)\(path[dot...])"
  }

  /// A part as its file holds it: a comment saying which part it is, when there are several.
  static func file(_ diagram: String, number: Int, of count: Int) -> String {
    let body = diagram.hasSuffix("\n") ? diagram : diagram + "\n"
    return count > 1 ? partMark + "\(number) of \(count)\n" + body : body
  }

  private static let partMark = "%% part "

  /// Whether a file starting with `text` is one this program wrote: a part, or a whole diagram.
  static func isExport(_ text: String) -> Bool {
    text.hasPrefix(partMark) || text.hasPrefix("sequenceDiagram\n  participant ")
  }

  /// The parts an earlier, longer export of `path` left beyond the `count` just written: the
  /// files numbered next, as long as each is a regular file that starts as a part this program
  /// wrote.
  static func staleParts(of path: String, after count: Int) -> [String] {
    var stale: [String] = []
    var number = count == 1 ? 1 : count + 1
    while true {
      let file = partName(of: path, number: number)
      guard (try? FileSystem.status(of: file, followingLinks: false))??.kind == .regular,
        let prefix = try? FileSystem.prefix(of: file, count: partMark.utf8.count),
        prefix.elementsEqual(partMark.utf8)
      else { return stale }
      stale.append(file)
      number += 1
    }
  }

  /// All parts in one text, for standard output.
  static func joined(_ diagrams: [String]) -> String {
    diagrams.enumerated().map { file($1, number: $0 + 1, of: diagrams.count) }
      .joined(separator: "\n")
  }
}
