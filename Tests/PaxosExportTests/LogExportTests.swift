import PaxosCore
import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosExport

/// A log cluster's exports: labels with slots and reports, the log's marks, the final log in
/// Markdown; a single decree's stay as they were.
@Suite struct LogExportTests {
  /// p1 fills four slots; p2's phase 1 then gets promises that report all four.
  static let longPromises = [
    "cluster 3 2 1 log", "request p1 put a 1", "deliver all", "request p1 put b 2",
    "request p1 put c 3", "request p1 put d 4", "deliver all", "timeout p2", "deliver all",
  ]

  @Test func aLabelShowsAtMostThreeSlotsOfAReportAndCountsTheRest() {
    let cluster = Interpreter.running(Self.longPromises).cluster
    let promise =
      "promise 1.p2 (accepted [1] 1.p1 put a 1, [2] 1.p1 put b 2, [3] 1.p1 put c 3) +1 more"
    // The transcript shows the whole report.
    #expect(
      cluster.trace.entries.contains {
        if case .delivered(let id) = $0.event {
          cluster.describe(id).contains("[4] 1.p1 put d 4)")
        } else {
          false
        }
      })
    let diagram = MermaidExport.diagrams(of: cluster, from: nil, to: nil).joined()
    #expect(diagram.contains("a1->>p2: " + promise + "\n"))
    #expect(DotExport.graph(of: cluster, from: nil, to: nil).contains("label=\"" + promise + "\""))
  }

  @Test func theLogsMarksAreDrawnOnceEach() {
    let cluster = Interpreter.running(Scenarios.logGapAndCatchUp).cluster
    let graph = DotExport.graph(of: cluster, from: nil, to: nil)
    let diagram = MermaidExport.diagrams(of: cluster, from: nil, to: nil).joined()
    var firstChoices = 0
    var again = 0
    for entry in cluster.trace.entries {
      guard case .chosenSlot(let vote) = entry.event else { continue }
      if cluster.choices.isChosenAgain(vote) { again += 1 } else { firstChoices += 1 }
    }
    #expect(firstChoices == 7 && again == 2)
    #expect(graph.components(separatedBy: "class=\"chosen\"").count - 1 == firstChoices)
    #expect(graph.components(separatedBy: "class=\"chosen_again\"").count - 1 == again)
    #expect(diagram.components(separatedBy: "★ CHOSEN [").count - 1 == firstChoices)
    #expect(diagram.components(separatedBy: "chosen again [").count - 1 == again)
    #expect(graph.contains("label=\"waits for slot 2\""))
    #expect(graph.contains("label=\"skips duplicate [5] put x 1 (applied in [1])\""))
    #expect(graph.contains("label=\"catchup (has [1, 3])\""))
    // Catch-up requests and their answers have a colour of their own.
    #expect(graph.contains("color=\(MessageKind.catchup.dotColor)"))
    // The routine log events are told by the arrows, not drawn.
    #expect(!diagram.contains("persists") && !diagram.contains("applies"))
  }

  @Test(.enabled(if: Graphviz.isAvailable, Graphviz.missingReason))
  func logViolationsAreBoxedNearTheLearner() throws {
    let cluster = Interpreter.running(Scenarios.logSwitches).cluster
    let drawing = SVGDrawing(
      try Graphviz.render(DotExport.graph(of: cluster, from: nil, to: nil)).svg)
    let boxes = drawing.groups(withClass: "violation").flatMap(\.texts)
    #expect(boxes.count == cluster.violations.count && boxes.count == 4)
    #expect(boxes.filter { $0.hasPrefix("VIOLATION at most once: ") }.count == 2)
    #expect(boxes.filter { $0.hasPrefix("VIOLATION applied logs: ") }.count == 2)
  }

  @Test func markdownHasTheFinalLogTheLearnersAndTheReplies() throws {
    let interpreter = Interpreter.running(Scenarios.logGapAndCatchUp)
    let time = { (slot: Int) in interpreter.cluster.choiceTimes(inSlot: slot).first ?? -1 }
    let notes = MarkdownExport.notes(of: interpreter, from: nil, to: nil)
    #expect(notes.hasPrefix("# Paxos Lab run: 7 slots chosen\n"))
    #expect(
      notes.contains("- **Cluster:** log (Multi-Paxos) · proposers p1 p2 · acceptors a1 a2 a3"))
    for row in [
      "| 1 | put x 1 (ballot 1.p1, time \(time(1))) | r1 | l1, l2 |",
      "| 2 | noop (ballot 1.p2, time \(time(2))) | — | l1, l2 |",
      "| 5 | put x 1 (ballot 1.p2, time \(time(5))) | r1 | l1 (skipped: a duplicate of slot 1),"
        + " l2 (skipped: a duplicate of slot 1) |",
      "| l2 | slots 1–7 | x \\= 12, y \\= 3 |",
      "| r4 | get x | 1 |",
      // p1's last request came after p2 took over: no slot holds it.
      "| r5 | put z 5 | pending |",
    ] {
      #expect(notes.contains(row + "\n"), "\(row)")
    }
    #expect(!notes.contains("## Outcome"))
  }

  @Test func aMarkdownWindowShowsTheLogAsItWasThen() {
    let interpreter = Interpreter.running(Scenarios.logGapAndCatchUp)
    let notes = MarkdownExport.notes(of: interpreter, from: nil, to: 20)
    #expect(notes.contains("| 1 | put x 1 (ballot 1.p1, time 9) | r1 | l1, l2 |\n"))
    #expect(!notes.contains("| 2 |"))
    // The stores are read at the end of the run: a window that ends earlier leaves them out.
    #expect(notes.contains("| Learner | Applied |\n| --- | --- |\n| l1 | slot 1 |\n"))
    #expect(notes.contains("| r1 | put x 1 | ok |\n| r2 | append x 2 | pending |\n"))
  }

  @Test func aLogWindowNeedsNoEarlierChoiceNote() {
    let cluster = Interpreter.running(Scenarios.logGapAndCatchUp).cluster
    let diagram = MermaidExport.diagrams(of: cluster, from: 60, to: nil).joined()
    #expect(!diagram.contains("earlier"))
    #expect(diagram.contains("chosen again [3] put y 3 (1.p2)") || diagram.contains("CHOSEN ["))
    #expect(!DotExport.graph(of: cluster, from: 60, to: nil).contains("earlier"))
  }
}
