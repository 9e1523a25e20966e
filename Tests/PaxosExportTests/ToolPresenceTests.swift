import Foundation
import Testing

/// In CI the real tools must be there: a missing one would turn their tests into skips.
@Suite struct ToolPresenceTests {
  static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

  @Test(.enabled(if: inCI, "outside CI, a missing tool only skips its tests"))
  func ciHasMermaidAndGraphviz() {
    #expect(MermaidChecker.node != nil, "node is not installed")
    #expect(MermaidChecker.mermaidJS != nil, "mermaid.min.js is missing: run .ci/setup-mermaid.sh")
    #expect(Graphviz.dot != nil, "Graphviz is not installed: apt-get install -y graphviz")
  }
}
