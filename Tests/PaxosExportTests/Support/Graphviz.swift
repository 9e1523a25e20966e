import Foundation
import Testing

/// The real Graphviz `dot`, run exactly as a user would: `dot -Tsvg FILE`.
enum Graphviz {
  static let dot = ExternalTool.find("dot")
  static var isAvailable: Bool { dot != nil }
  static let missingReason: Comment = "Graphviz is not installed: apt-get install -y graphviz"

  struct Rendering {
    var svg: String
    var seconds: Double
    var stderr: String
  }

  static func render(_ graph: String, timeout: Double = 120) throws -> Rendering {
    guard let dot else { throw CheckError("dot is not installed") }
    let directory = try TemporaryDirectory(prefix: "dot")
    let file = try directory.write(graph, to: "run.dot")
    let run = try ExternalTool.run(dot, ["-Tsvg", file.path], timeout: timeout)
    guard !run.timedOut else { throw CheckError("dot took more than \(timeout) s") }
    guard run.status == 0 else { throw CheckError("dot failed (\(run.status)): \(run.stderr)") }
    return Rendering(svg: run.stdout, seconds: run.seconds, stderr: run.stderr)
  }
}
