import Foundation
import Testing

/// In CI the real tools must be there: a missing one would turn their tests into skips.
@Suite struct ToolPresenceTests {
  static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

  @Test(.enabled(if: inCI, "outside CI, a missing tool only skips its tests"))
  func ciHasMermaidGraphvizAndGitHubMarkdown() throws {
    #expect(MermaidChecker.node != nil, "node is not installed")
    #expect(MermaidChecker.mermaidJS != nil, "mermaid.min.js is missing: run .ci/setup-mermaid.sh")
    #expect(Graphviz.dot != nil, "Graphviz is not installed: apt-get install -y graphviz")
    #expect(GitHubMarkdown.cmark != nil, "cmark-gfm is not installed: apt-get install -y cmark-gfm")
    // With jsdom (apt-get install -y node-jsdom) Mermaid draws, not only parses.
    if MermaidChecker.isAvailable {
      let result = try MermaidChecker.check([("probe", "sequenceDiagram\n  a->>b: hi\n")])["probe"]
      #expect(result?.ok == true)
      #expect(result?.mode == "render", "node-jsdom is missing: Mermaid only parsed")
    }
  }
}
