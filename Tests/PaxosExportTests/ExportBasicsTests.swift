import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosExport

/// The pieces every format shares, and what holds for each format without any tool.
@Suite struct ExportBasicsTests {
  @Test(arguments: [0, 7, -7, 10, 1_000_000, Int.max, Int.min])
  func numbersAreWrittenInDecimal(_ number: Int) {
    var buffer = TextBuffer()
    buffer.append(number)
    #expect(buffer.text == String(number))
  }

  @Test func mermaidTextEncodesWhatMermaidWouldRead() {
    let cases: [(String, String)] = [
      ("red", "red"), ("a;b", "a#59;b"), ("#1", "#35;1"), ("x: y", "x#58; y"),
      ("<br>", "#60;br#62;"), ("%%", "#37;#37;"), ("\"q\"", "#34;q#34;"), ("日本", "日本"),
      ("😀", "😀"), ("ﬂ°", "#64258;#176;"), ("a\u{200B}b", "a#8203;b"), ("t\tr\r", "t␉r␍"),
      ("a-b_c.d", "a-b_c.d"),
    ]
    for (text, expected) in cases {
      var buffer = TextBuffer()
      MermaidText.append(text, to: &buffer)
      #expect(buffer.text == expected, "\(text.debugDescription)")
    }
  }

  @Test func dotTextEscapesQuotesBackslashesAndEntities() {
    var buffer = TextBuffer()
    DotText.append("say \"hi\" \\N &amp; \t", to: &buffer)
    #expect(buffer.text == "say \\\"hi\\\" \\\\N &amp;amp; ␉")
  }

  @Test func markdownEscapesPunctuationThatMeansSomething() {
    #expect(
      MarkdownText.inline("a|b *c* `d` [e](f) <g> #h $i$ ==j== %%k%% :l:")
        == "a\\|b \\*c\\* \\`d\\` \\[e\\](f) \\<g\\> \\#h \\$i\\$ \\=\\=j\\=\\= \\%\\%k\\%\\% \\:l\\:"
    )
    #expect(MarkdownText.fence(for: "a ```` b") == "`````")
    #expect(MarkdownText.fence(for: "plain") == "```")
  }

  @Test func participantsKeepPlainNamesAndAliasTheRest() {
    #expect(MermaidParticipants.isPlainIdentifier("p1"))
    #expect(MermaidParticipants.isPlainIdentifier("node_12"))
    #expect(!MermaidParticipants.isPlainIdentifier("end"))
    #expect(!MermaidParticipants.isPlainIdentifier("a-x1"))
    let cluster = Interpreter.running(["add proposer end", "add acceptor a1"]).cluster
    let participants = MermaidParticipants(cluster)
    #expect(participants.declarations.text == "  participant _1 as end\n  participant a1\n")
  }

  @Test func aWindowKeepsTheTimesAskedFor() {
    let trace = Interpreter.running(Scenarios.oneProposer).cluster.trace
    let times = { (window: TimeWindow) in Set(window.entries.map { Int(trace.entries[$0].time) }) }
    #expect(times(TimeWindow(trace, from: 3, to: 5)) == [3, 4, 5])
    #expect(times(TimeWindow(trace, from: nil, to: 2)) == [1, 2])
    #expect(times(TimeWindow(trace, from: 15, to: nil)) == [15, 16])
    #expect(TimeWindow(trace, from: 9, to: 3).entries.isEmpty)
    #expect(TimeWindow(trace, from: 100, to: nil).entries.isEmpty)
    #expect(TimeWindow(trace, from: -5, to: 1_000).entries == 0..<trace.entries.count)
  }

  @Test func mermaidWindowsDrawOnlyTheirMessages() {
    let cluster = Interpreter.running(Scenarios.oneProposer).cluster
    let diagrams = MermaidExport.diagrams(of: cluster, from: 2, to: 7)
    #expect(diagrams.count == 1)
    let fates = cluster.trace.entries.filter { entry in
      guard (2...7).contains(entry.time) else { return false }
      if case .delivered = entry.event { return true }
      return false
    }.count
    #expect(MermaidShape.arrowCount(diagrams[0]) == fates)
    #expect(!diagrams[0].contains("CHOSEN"))
    // Nothing in the window: still a diagram, saying so.
    let empty = MermaidExport.diagrams(of: cluster, from: 500, to: nil)
    #expect(empty.count == 1 && empty[0].contains("no message or event to draw here"))
  }

  @Test func exportsAreDeterministic() {
    for scenario in Scenarios.all {
      let first = Interpreter.running(scenario.lines)
      let second = Interpreter.running(scenario.lines)
      #expect(
        MermaidExport.diagrams(of: first.cluster, from: nil, to: nil)
          == MermaidExport.diagrams(of: second.cluster, from: nil, to: nil))
      #expect(
        DotExport.graph(of: first.cluster, from: nil, to: nil)
          == DotExport.graph(of: second.cluster, from: nil, to: nil))
      #expect(
        MarkdownExport.notes(of: first, from: nil, to: nil)
          == MarkdownExport.notes(of: second, from: nil, to: nil))
    }
  }

  @Test func longRunPartsStayUnderTheLimitAndNeverSplitAStep() throws {
    let cluster = Scenarios.longRun(messages: 6_000).cluster
    let parts = MermaidExport.diagrams(of: cluster, from: nil, to: nil)
    #expect(parts.count > 2)
    var previous = 0
    for (index, part) in parts.enumerated() {
      #expect(part.utf8.count <= MermaidExport.maxDiagramBytes)
      #expect(part.utf16.count < 50_000)
      #expect(part.hasPrefix("sequenceDiagram\n  participant p1\n"))
      let note = try #require(MermaidShape.partNote(part))
      #expect(note.number == index + 1)
      #expect(note.firstTime > previous, "part \(index + 1) starts inside a step of the last")
      previous = note.lastTime
    }
  }

  /// A guard against quadratic work: a debug build is slower than release by a large factor,
  /// so the bound is loose; `paxlab bench` measures the real figures in release.
  @Test func aHundredThousandEventRunExportsQuickly() {
    var interpreter = Interpreter.running([
      "cluster 5 3 1", "set backoff random 20", "set timeout 60",
    ])
    var attempt = 0
    while interpreter.cluster.trace.entries.count < 100_000 {
      attempt += 1
      for proposer in 1...3 { _ = interpreter.execute("propose p\(proposer) v\(attempt)") }
      _ = interpreter.execute("run steps=10000 seed=\(attempt)")
    }
    let clock = ContinuousClock()
    var sizes: [Int] = []
    let elapsed = clock.measure {
      sizes.append(
        MermaidExport.diagrams(of: interpreter.cluster, from: nil, to: nil).map(\.utf8.count)
          .reduce(0, +))
      sizes.append(DotExport.graph(of: interpreter.cluster, from: nil, to: nil).utf8.count)
      sizes.append(MarkdownExport.notes(of: interpreter, from: nil, to: nil).utf8.count)
    }
    #expect(elapsed < .seconds(20), "exports took \(elapsed)")
    // Output stays within a small multiple of the trace: well under a kilobyte per event.
    let events = interpreter.cluster.trace.entries.count
    #expect(sizes.allSatisfy { $0 < 200 * events })
  }
}
