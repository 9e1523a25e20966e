import PaxosExport
import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

/// Every export tells a choice as the transcript does: CHOSEN once, for the first choice, and
/// "chosen again" for a later quorum that carries the same value; a window that starts after
/// the first choice says what it was.
@Suite struct ChosenAgainTests {
  static let cluster = Interpreter.running(Scenarios.chosenAgain).cluster

  /// The time just after the first choice: a window from there leaves it out.
  static var afterFirstChoice: Int { (cluster.choices.chosen.first?.time ?? 0) + 1 }

  @Test func theScenarioChoosesRedTwice() {
    #expect(Self.cluster.choices.chosen.map(\.ballot.description) == ["1.p1", "1.p2"])
    #expect(Self.cluster.violations.isEmpty)
  }

  @Test func mermaidHasOneChosenBandAndAChosenAgainNote() {
    let diagram = MermaidExport.diagrams(of: Self.cluster, from: nil, to: nil).joined()
    #expect(diagram.components(separatedBy: "CHOSEN").count - 1 == 1)
    #expect(diagram.contains("★ CHOSEN red (1.p1)"))
    #expect(diagram.contains("  Note over p1,l1: chosen again red (1.p2)\n"))
    #expect(!diagram.contains("earlier"))
  }

  @Test func aMermaidWindowAfterTheFirstChoiceSaysWhatWasChosen() throws {
    let first = try #require(Self.cluster.choices.chosen.first)
    let diagram = MermaidExport.diagrams(of: Self.cluster, from: Self.afterFirstChoice, to: nil)
      .joined()
    #expect(diagram.contains("Note over p1,l1: CHOSEN red (1.p1) earlier, at time \(first.time)\n"))
    #expect(diagram.contains("chosen again red (1.p2)"))
    #expect(!diagram.contains("★"))
  }

  @Test func dotHasOneGoldBoxAndAPaleChosenAgainBox() {
    let graph = DotExport.graph(of: Self.cluster, from: nil, to: nil)
    #expect(graph.components(separatedBy: "class=\"chosen\"").count - 1 == 1)
    #expect(graph.contains("label=\"★ CHOSEN red (1.p1)\""))
    #expect(graph.components(separatedBy: "class=\"chosen_again\"").count - 1 == 1)
    #expect(graph.contains("label=\"chosen again red (1.p2)\""))
  }

  @Test func aDotWindowAfterTheFirstChoiceSaysWhatWasChosen() throws {
    let first = try #require(Self.cluster.choices.chosen.first)
    let graph = DotExport.graph(of: Self.cluster, from: Self.afterFirstChoice, to: nil)
    #expect(graph.contains("; CHOSEN red (1.p1) earlier, at time \(first.time)\"\n"))
    #expect(!graph.contains("class=\"chosen\""))
  }

  /// After an agreement violation the outcome names every value chosen, not only the first.
  @Test func theMarkdownOutcomeNamesEveryValueChosen() {
    let cluster = Interpreter.running(Scenarios.violation).cluster
    let times = cluster.choices.distinctChoices.map(\.time)
    let notes = MarkdownExport.notes(
      of: Interpreter.running(Scenarios.violation), from: nil, to: nil)
    #expect(times.count == 2)
    #expect(
      notes.contains(
        "| chosen | red (ballot 1.p1, time \(times[0])); blue (ballot 1.p2, time \(times[1]))"
          + " (VIOLATION) |"))
  }

  /// In a log, each slot has its first choice and its repeats: p2 re-proposes slots 1 and 3
  /// after taking over, and a quorum accepts them again.
  @Test func aLogSaysChosenAgainPerSlot() {
    let cluster = Interpreter.running(Scenarios.logGapAndCatchUp).cluster
    let diagram = MermaidExport.diagrams(of: cluster, from: nil, to: nil).joined()
    let graph = DotExport.graph(of: cluster, from: nil, to: nil)
    for slot in [1, 3] {
      let again = "chosen again [\(slot)] "
      #expect(diagram.components(separatedBy: again).count - 1 == 1)
      #expect(graph.components(separatedBy: "label=\"" + again).count - 1 == 1)
      #expect(diagram.components(separatedBy: "★ CHOSEN [\(slot)] ").count - 1 == 1)
    }
    // A window after a slot's first choice repeats it as chosen again, naming the slot: no
    // note of an earlier choice is needed, and none is drawn.
    let second = cluster.choiceTimes(inSlot: 1)
    #expect(second.count == 2)
    let window = MermaidExport.diagrams(of: cluster, from: second[0] + 1, to: nil).joined()
    #expect(window.contains("chosen again [1] put x 1 (1.p2)"))
    #expect(!window.contains("earlier"))
  }
}
