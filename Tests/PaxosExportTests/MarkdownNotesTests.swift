import Foundation
import PaxosExport
import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

/// The notes file: its sections in order, then what GitHub's converter and Mermaid make of it.
@Suite struct MarkdownNotesTests {
  @Test func aRunHasItsTitleClusterCommandsDiagramAndOutcome() throws {
    let interpreter = Interpreter.running(Scenarios.oneProposer)
    let notes = MarkdownExport.notes(of: interpreter, from: nil, to: nil)
    let lines = notes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "# Paxos Lab run: chosen red")
    #expect(
      lines.contains(
        "- **Cluster:** proposers p1 · acceptors a1 a2 a3 · learners l1 · quorum 2 of 3"))
    let sections = lines.filter { $0.hasPrefix("## ") }
    #expect(sections == ["## Commands", "## Sequence diagram", "## Outcome", "## Violations"])
    // The commands, verbatim, in a fenced block.
    let start = try #require(lines.firstIndex(of: "```text"))
    #expect(Array(lines[(start + 1)...].prefix(3)) == Scenarios.oneProposer)
    #expect(lines[start + 4] == "```")
    // The diagram, whole, in a mermaid block.
    let diagram = MermaidExport.diagrams(of: interpreter.cluster, from: nil, to: nil)[0]
    #expect(notes.contains("```mermaid\n" + diagram + "```\n"))
    // The outcome.
    #expect(lines.contains("| chosen | red (ballot 1.p1, time 9) |"))
    #expect(lines.contains("| p1 (proposer) | decided red (1.p1) |"))
    #expect(lines.contains("| l1 (learner) | learned red (1.p1) |"))
    #expect(lines.contains("| a1 (acceptor) | promised 1.p1, accepted 1.p1 = red |"))
    #expect(lines.contains("None: every safety check held."))
  }

  /// The backoff has one name, the one `status` and `compare backoff` give it.
  @Test func theBackoffIsNamedAsEveryOtherViewNamesIt() {
    for (line, name) in [
      ("set backoff random", "random 1-40"), ("set backoff fixed 7", "fixed 7"),
      ("set backoff none", "none"),
    ] {
      let interpreter = Interpreter.running(Scenarios.oneProposer + [line])
      let notes = MarkdownExport.notes(of: interpreter, from: nil, to: nil)
      #expect(notes.contains("- **Settings:** backoff \(name) · "), "\(line)")
      var copy = interpreter
      guard case .text(let status)? = copy.execute("status").note else {
        Issue.record("status printed no text")
        continue
      }
      #expect(status.contains { $0.hasPrefix("backoff \(name): ") }, "\(status)")
    }
  }

  @Test func violationsAreListedWithTheirSteps() {
    let notes = MarkdownExport.notes(
      of: Interpreter.running(Scenarios.violation), from: nil, to: nil)
    #expect(notes.hasPrefix("# Paxos Lab run: 3 violations\n"))
    #expect(notes.contains("| Time | Violation |"))
    #expect(
      notes.contains("| 29 | agreement\\: blue is chosen under 1.p2, but red was chosen before |"))
  }

  @Test func backticksInACommandGetALongerFence() {
    let interpreter = Interpreter.running(["cluster 1 1 0", "propose p1 \"```\""])
    let notes = MarkdownExport.notes(of: interpreter, from: nil, to: nil)
    #expect(notes.contains("````text\ncluster 1 1 0\npropose p1 \"```\"\n````\n"))
  }

  @Test func aWindowTellsItsTimeAndTheOutcomeAtItsEnd() {
    let interpreter = Interpreter.running(Scenarios.oneProposer)
    let notes = MarkdownExport.notes(of: interpreter, from: 1, to: 6)
    #expect(notes.contains("- **Time:** 1–6 of 1–16"))
    #expect(notes.contains("| chosen | nothing yet |"))
    #expect(!notes.contains("(acceptor)"))
  }

  @Test func aLongRunHasOneBlockPerPart() {
    let interpreter = Scenarios.longRun(messages: 3_000)
    let parts = MermaidExport.diagrams(of: interpreter.cluster, from: nil, to: nil)
    let notes = MarkdownExport.notes(of: interpreter, from: nil, to: nil)
    #expect(parts.count > 1)
    #expect(notes.components(separatedBy: "```mermaid\n").count - 1 == parts.count)
    #expect(notes.contains("### Part \(parts.count) of \(parts.count)"))
    #expect(notes.contains("the diagram comes in \(parts.count) parts"))
  }

  @Test(.enabled(if: GitHubMarkdown.isAvailable, GitHubMarkdown.missingReason))
  func githubShowsEveryValueAsTypedInTheTableAndTheCommands() throws {
    for value in Scenarios.adversarialValues {
      let lines = Scenarios.adversarialRun(value, other: value)
      let interpreter = Interpreter.running(lines)
      let html = try GitHubMarkdown.html(MarkdownExport.notes(of: interpreter, from: nil, to: nil))
      let literal = ValueTable.literal(value).replacing("\t", with: "␉").replacing("\r", with: "␍")
      let rows = GitHubMarkdown.tableRows(html)
      #expect(rows.allSatisfy { $0.count == 2 }, "\(value.debugDescription): a cell was split")
      #expect(
        rows.first == ["chosen", literal + " (ballot 1.p1, time 9)"], "\(value.debugDescription)")
      #expect(
        html.contains("<h1>Paxos Lab run: chosen " + SVGDrawing.escape(literal) + "</h1>"),
        "\(value.debugDescription): the title")
      let commands = lines.joined(separator: "\n").replacing("\r", with: "␍") + "\n"
      #expect(GitHubMarkdown.codeBlocks(html, language: "text") == [commands])
      let diagrams = MermaidExport.diagrams(of: interpreter.cluster, from: nil, to: nil)
      #expect(GitHubMarkdown.codeBlocks(html, language: "mermaid") == diagrams)
    }
  }

  @Test(.enabled(if: MermaidChecker.isAvailable, MermaidChecker.missingReason))
  func theMermaidBlocksParse() throws {
    var blocks: [(name: String, text: String)] = []
    for scenario in Scenarios.all {
      let notes = MarkdownExport.notes(of: Interpreter.running(scenario.lines), from: nil, to: nil)
      for (index, block) in notes.components(separatedBy: "```mermaid\n").dropFirst().enumerated() {
        blocks.append(("\(scenario.name)-\(index)", block.components(separatedBy: "```\n")[0]))
      }
    }
    let results = try MermaidChecker.check(blocks)
    for block in blocks {
      #expect(results[block.name]?.ok == true, "\(block.name): \(results[block.name]?.error ?? "")")
    }
  }
}
