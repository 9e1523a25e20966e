import Foundation
import PaxosExport
import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

/// The space-time diagrams, drawn by the real Graphviz with the plain `dot -Tsvg FILE`.
@Suite(.enabled(if: Graphviz.isAvailable, Graphviz.missingReason))
struct DotRenderTests {
  @Test(arguments: Scenarios.all.map(\.name))
  func everyScenarioRendersWithItsLifelinesArrowsAndMarks(_ name: String) throws {
    let lines = try #require(Scenarios.all.first { $0.name == name }).lines
    let cluster = Interpreter.running(lines).cluster
    let drawing = SVGDrawing(
      try Graphviz.render(DotExport.graph(of: cluster, from: nil, to: nil)).svg)
    // One lifeline per node, named.
    let heads = drawing.groups(withClass: "head")
    #expect(heads.count == cluster.nodes.count)
    for node in cluster.nodes {
      #expect(drawing.group("lifeline_\(node.id.name)")?.texts.first == node.id.name)
    }
    // An arrow for every message that arrived, was lost or dropped, or is still in flight.
    var expectedArrows = Set<String>()
    var losses = Set<String>()
    for entry in cluster.trace.entries {
      switch entry.event {
      case .delivered(let id): expectedArrows.insert("m\(id.raw)")
      case .dropped(let id), .lost(let id, _):
        expectedArrows.insert("m\(id.raw)")
        losses.insert("lost\(id.raw)")
      default: break
      }
    }
    for id in cluster.inFlight { expectedArrows.insert("m\(id.raw)") }
    #expect(Set(drawing.groups(withClass: "message").map(\.id)) == expectedArrows)
    // Each lost or dropped message ends in a cross.
    let crosses = drawing.groups(withClass: "lost")
    #expect(Set(crosses.map(\.id)) == losses)
    #expect(crosses.allSatisfy { $0.texts == ["✕"] })
    // Crashes, recoveries and choices are marked.
    let count = { (kind: (Event) -> Bool) in cluster.trace.entries.filter { kind($0.event) }.count }
    #expect(
      drawing.groups(withClass: "crash").count
        == count { if case .crashed = $0 { true } else { false } })
    #expect(
      drawing.groups(withClass: "recover").count
        == count { if case .recovered = $0 { true } else { false } })
    // The first choice of each value (in a log, of each slot) gets a gold box; a later quorum
    // for the first value is only "chosen again".
    let repeats = count {
      switch $0 {
      case .chosen(let value, let ballot): cluster.choices.isChosenAgain(value, under: ballot)
      case .chosenSlot(let vote): cluster.choices.isChosenAgain(vote)
      default: false
      }
    }
    let choices = count {
      switch $0 {
      case .chosen, .chosenSlot: true
      default: false
      }
    }
    #expect(drawing.groups(withClass: "chosen").count == choices - repeats)
    #expect(drawing.groups(withClass: "chosen_again").count == repeats)
    if !cluster.config.isLog, let value = cluster.choices.value {
      let text = "★ CHOSEN " + cluster.values.display(value)
      #expect(
        drawing.groups(withClass: "chosen").contains { $0.texts.first?.hasPrefix(text) == true })
    }
  }

  @Test func scenariosShowWhatHappened() throws {
    let render = { (lines: [String]) in
      SVGDrawing(
        try Graphviz.render(
          DotExport.graph(of: Interpreter.running(lines).cluster, from: nil, to: nil)
        ).svg)
    }
    let drops = try render(Scenarios.dropsAndDuplicates)
    #expect(drops.allTexts.contains { $0.hasSuffix("(dropped)") })
    #expect(drops.allTexts.contains { $0.hasPrefix("copy: ") })
    let partitions = try render(Scenarios.partitions)
    #expect(partitions.groups(withClass: "network").count == 4)
    #expect(partitions.allTexts.contains { $0.hasSuffix("(lost, partition)") })
    let violation = try render(Scenarios.violation)
    #expect(violation.groups(withClass: "violation").count == 3)
    let inFlight = try render(Scenarios.inFlight)
    #expect(inFlight.allTexts.filter { $0.hasSuffix("(in flight)") }.count == 3)
  }

  @Test func adversarialValuesRenderAsTyped() throws {
    for value in Scenarios.adversarialValues {
      let cluster = Interpreter.running(Scenarios.adversarialRun(value)).cluster
      let rendering = try Graphviz.render(DotExport.graph(of: cluster, from: nil, to: nil))
      #expect(!rendering.stderr.contains("Error"), "\(value.debugDescription): \(rendering.stderr)")
      let shown = SVGDrawing(rendering.svg).groups(withClass: "chosen").flatMap(\.texts)
      let literal = ValueTable.literal(value).replacing("\t", with: "␉").replacing("\r", with: "␍")
      #expect(
        shown.contains { $0.hasPrefix("★ CHOSEN " + literal) },
        "\(value.debugDescription): \(shown)")
    }
  }

  @Test func aWindowDrawsOnlyItsTimes() throws {
    let cluster = Interpreter.running(Scenarios.oneProposer).cluster
    let drawing = SVGDrawing(try Graphviz.render(DotExport.graph(of: cluster, from: 5, to: 9)).svg)
    // Messages that arrived at times 5...9 (those sent earlier come from the top), and those
    // sent in the window that were still travelling at its end.
    var settled: [UInt32: Int] = [:]
    var sent: [UInt32: Int] = [:]
    for entry in cluster.trace.entries {
      switch entry.event {
      case .sent(let id): sent[id.raw] = Int(entry.time)
      case .delivered(let id), .dropped(let id), .lost(let id, _): settled[id.raw] = Int(entry.time)
      default: break
      }
    }
    let window = 5...9
    let expected = Set(
      settled.filter { window.contains($0.value) }.keys.map { "m\($0)" }
        + sent.filter { window.contains($0.value) && (settled[$0.key] ?? .max) > 9 }.keys.map {
          "m\($0)"
        })
    let arrows = drawing.groups(withClass: "message").map(\.id)
    #expect(Set(arrows) == expected)
    #expect(arrows.count == expected.count)
    #expect(drawing.groups(withClass: "message").contains { $0.id == "m1" } == false)
    #expect(drawing.allTexts.contains("Paxos Lab run, time 5–9"))
  }

  /// Two messages on one link delivered in the opposite order to the one they were sent in:
  /// their arrows cross, and the one that waited slants more.
  @Test func reorderedMessagesCross() throws {
    let cluster = Interpreter.running([
      "cluster 1 1 0", "prepare p1 1", "timeout p1", "deliver #2", "deliver #1",
    ]).cluster
    let drawing = SVGDrawing(
      try Graphviz.render(DotExport.graph(of: cluster, from: nil, to: nil)).svg)
    let first = try #require(drawing.group("m1")?.pathEnds)
    let second = try #require(drawing.group("m2")?.pathEnds)
    // Both leave p1 and reach a1; #1 leaves above #2 and arrives below it.
    #expect(first.start.y < second.start.y)
    #expect(first.end.y > second.end.y)
    #expect(first.end.y - first.start.y > second.end.y - second.start.y)
  }

  /// Graphviz's own layout of a graph this size takes minutes; pinned, it must take seconds.
  @Test func twoThousandMessagesRenderInSeconds() throws {
    let cluster = Scenarios.longRun(messages: 2_000).cluster
    #expect(cluster.trace.messages.count >= 2_000)
    let rendering = try Graphviz.render(
      DotExport.graph(of: cluster, from: nil, to: nil), timeout: 60)
    #expect(rendering.seconds < 10, "dot -Tsvg took \(rendering.seconds) s")
    let drawing = SVGDrawing(rendering.svg)
    #expect(drawing.groups(withClass: "message").count == cluster.trace.messages.count)
  }
}
