import Foundation
import Testing

/// GitHub's own Markdown converter, cmark-gfm (Debian package `cmark-gfm`), with its tables.
enum GitHubMarkdown {
  static let cmark = ExternalTool.find("cmark-gfm")
  static var isAvailable: Bool { cmark != nil }
  static let missingReason: Comment = "cmark-gfm is not installed: apt-get install -y cmark-gfm"

  static func html(_ markdown: String) throws -> String {
    guard let cmark else { throw CheckError("cmark-gfm is not installed") }
    let directory = try TemporaryDirectory(prefix: "markdown")
    let file = try directory.write(markdown, to: "notes.md")
    let run = try ExternalTool.run(cmark, ["-e", "table", file.path], timeout: 60)
    guard run.status == 0 else { throw CheckError("cmark-gfm failed: \(run.stderr)") }
    return run.stdout
  }

  /// The cells of each body row of every table, as text.
  static func tableRows(_ html: String) -> [[String]] {
    html.components(separatedBy: "<tbody>").dropFirst().flatMap { body in
      body.components(separatedBy: "</tbody>")[0].components(separatedBy: "<tr>").dropFirst().map {
        row in
        row.components(separatedBy: "<td>").dropFirst().map { cell in
          SVGDrawing.decode(cell.components(separatedBy: "</td>")[0])
        }
      }
    }
  }

  /// The contents of the code blocks in `language`.
  static func codeBlocks(_ html: String, language: String) -> [String] {
    html.components(separatedBy: "<pre><code class=\"language-\(language)\">").dropFirst().map {
      SVGDrawing.decode($0.components(separatedBy: "</code></pre>")[0])
    }
  }
}
