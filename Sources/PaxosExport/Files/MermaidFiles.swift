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
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let name = path[slash...]
    let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 } ?? path.endIndex
    let stem = path[..<dot]
    let suffix = path[dot...]
    return (1...count).map { "\(stem)-\($0)\(suffix)" }
  }

  /// A part as its file holds it: a comment saying which part it is, when there are several.
  static func file(_ diagram: String, number: Int, of count: Int) -> String {
    let body = diagram.hasSuffix("\n") ? diagram : diagram + "\n"
    return count > 1 ? "%% part \(number) of \(count)\n" + body : body
  }

  /// All parts in one text, for standard output.
  static func joined(_ diagrams: [String]) -> String {
    diagrams.enumerated().map { file($1, number: $0 + 1, of: diagrams.count) }
      .joined(separator: "\n")
  }
}
