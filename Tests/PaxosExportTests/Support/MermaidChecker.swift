import Foundation
import Testing

/// The real Mermaid, run in node by `Tests/MermaidCheck/check-mermaid.js`.
///
/// Found when node is on PATH and mermaid.min.js is at `$PAXLAB_MERMAID_JS` or at
/// `.build-tools/mermaid/mermaid.min.js` (where `.ci/setup-mermaid.sh` puts it).
enum MermaidChecker {
  struct Result: Decodable {
    var file: String
    var ok: Bool
    var mode: String
    var length: Int
    var diagramType: String?
    var error: String?
    var texts: [String]
  }

  static let node = ExternalTool.find("node")

  static let mermaidJS: String? = {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["PAXLAB_MERMAID_JS"] {
      candidates.append(path)
    }
    candidates.append(
      packageRoot.appendingPathComponent(".build-tools/mermaid/mermaid.min.js").path)
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }()

  static let script = packageRoot.appendingPathComponent("Tests/MermaidCheck/check-mermaid.js").path

  static var isAvailable: Bool { node != nil && mermaidJS != nil }

  static let missingReason: Comment =
    "node or mermaid.min.js is missing: run .ci/setup-mermaid.sh (or set PAXLAB_MERMAID_JS)"

  /// Checks every diagram (name → text) in one node process; one result per diagram, by name.
  static func check(_ diagrams: [(name: String, text: String)]) throws -> [String: Result] {
    guard let node, let mermaidJS else { throw CheckError("Mermaid checker unavailable") }
    let directory = try TemporaryDirectory(prefix: "mermaid")
    var files: [String] = []
    for diagram in diagrams {
      files.append(try directory.write(diagram.text, to: diagram.name + ".mmd").path)
    }
    let run = try ExternalTool.run(node, [script, mermaidJS] + files, timeout: 600)
    if run.timedOut { throw CheckError("the Mermaid check timed out") }
    var results: [String: Result] = [:]
    for line in run.stdout.split(separator: "\n") {
      let result = try JSONDecoder().decode(Result.self, from: Data(line.utf8))
      results[String(result.file.dropLast(".mmd".count))] = result
    }
    guard results.count == diagrams.count else {
      throw CheckError(
        "the Mermaid check answered for \(results.count) of \(diagrams.count) diagrams;"
          + " status \(run.status), stderr: \(run.stderr.prefix(2000))")
    }
    return results
  }
}

struct CheckError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
