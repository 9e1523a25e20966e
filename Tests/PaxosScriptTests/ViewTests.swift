import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// What every view must keep, whatever the cluster: no trailing blanks, no blank lines, and a
/// diagram that fits in 100 columns for the cluster sizes students use.
@Suite struct ViewTests {
  static func views(_ cluster: Cluster) -> [String] {
    Report.status(cluster) + NetView.lines(cluster) + TerminalDiagram.lines(cluster, last: nil)
  }

  static func expectTidy(
    _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for line in lines {
      #expect(!line.hasSuffix(" "), "trailing space in '\(line)'", sourceLocation: sourceLocation)
      #expect(!line.isEmpty, "a blank line", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [(3, 1), (3, 2), (4, 2), (5, 3)])
  func theDiagramFitsIn100Columns(acceptors: Int, proposers: Int) {
    let interpreter = Interpreter.running([
      "cluster \(acceptors) \(proposers) 1", "propose p1 red", "propose p\(proposers) blue",
      "run steps=80 seed=3", "crash a2", "partition p1 a1 | a3",
    ])
    let lines = TerminalDiagram.lines(interpreter.cluster, last: 30)
    let tooWide = lines.filter { $0.displayWidth > 100 }
    #expect(tooWide.isEmpty, "\(tooWide.joined(separator: "\n"))")
    Self.expectTidy(lines)
    Self.expectTidy(Self.views(interpreter.cluster))
  }

  @Test func everyViewIsTidyMidRun() {
    Self.expectTidy(Self.views(Interpreter.running(midRunScript).cluster))
  }

  @Test func everyViewOfAnEmptyClusterSaysHowToStart() {
    let cluster = Cluster()
    for lines in [
      Report.status(cluster), NetView.lines(cluster), TerminalDiagram.lines(cluster, last: 3),
    ] {
      #expect(lines == ["no cluster; create one with 'cluster 3'"])
    }
  }
}

@Suite struct DisplayWidthTests {
  @Test func widthsCountTerminalColumns() {
    #expect("red".displayWidth == 3)
    #expect("日本語".displayWidth == 6)
    #expect("e\u{301}".displayWidth == 1, "a combining accent takes no column")
    #expect("😀".displayWidth == 2)
    #expect("🇫🇷".displayWidth == 2, "a flag is one character of two scalars")
  }

  @Test func truncationEndsInAnEllipsisWithinTheWidth() {
    #expect("abcdef".truncated(toWidth: 4) == "abc…")
    #expect("abcd".truncated(toWidth: 4) == "abcd")
    #expect("日本語の値".truncated(toWidth: 6) == "日本…")
    #expect("ab cd".truncated(toWidth: 4) == "ab…", "no blank before the ellipsis")
    #expect("e\u{301}e\u{301}e\u{301}".truncated(toWidth: 2) == "e\u{301}…", "accents stay on")
  }

  @Test func paddingCountsWideCharactersTwice() {
    #expect("日本".padded(toWidth: 6) == "日本  ")
    #expect("abc".padded(toWidth: 2) == "abc")
  }

  @Test func tabsInValuesBecomeVisible() {
    #expect("a\tb\rc".withVisibleControls == "a␉b␍c")
  }
}

@Suite struct StatusTableTests {
  @Test func columnsLineUpWithWideCharacters() {
    var table = TextTable(header: ["node", "value", "next"])
    table.append(["a1", "日本語", "x"])
    table.append(["a2", "", "y"])
    let lines = table.lines
    let lastCells = ["next", "────", "x", "y"]
    let starts = zip(lines, lastCells).map { $0.displayWidth - $1.displayWidth }
    #expect(Set(starts).count == 1, "\(lines.joined(separator: "\n"))")
    #expect(lines[3].contains("  -  "), "an empty cell shows '-'")
  }

  @Test func aCrashedAcceptorShowsItsDisk() throws {
    let cluster = Interpreter.running([
      "cluster 3 1 1", "propose p1 red", "deliver p1->a1", "crash a1",
    ]).cluster
    let a1 = try #require(cluster.node(NodeID("a1")!))
    #expect(StatusTable.row(a1, cluster).prefix(5) == ["a1", "A", "DOWN", "1.p1", ""])
    #expect(
      Report.status(cluster).contains {
        $0.hasPrefix("a1 is DOWN: its row shows what its disk holds")
      })
  }

  /// The clock is told as time; the retry timer as the time it fires, or due now.
  @Test func statusTellsTheTimeAndWhenEachTimerFires() throws {
    var interpreter = Interpreter.running([
      "cluster 3 1 1", "set timeout 50", "crash a2 a3", "propose p1 red",
    ])
    let p1 = { (interpreter: Interpreter) throws -> [String] in
      StatusTable.row(try #require(interpreter.cluster.node(NodeID("p1")!)), interpreter.cluster)
    }
    #expect(try p1(interpreter).last == "at time 53")
    let status = Report.status(interpreter.cluster)
    #expect(status.contains { $0.hasSuffix("(quorum 2 of 3), time 3") }, "\(status)")
    #expect(
      status.contains("timeout: a proposer retries an unfinished attempt after 50 ticks"))
    // Four losses and deliveries, then the clock jumps to the timer.
    _ = interpreter.execute("run steps=5")
    #expect(interpreter.cluster.time == 53)
    #expect(try p1(interpreter).last == "at time 103")
    var due = Interpreter.running(["cluster 3 1 1", "set timeout 1", "propose p1 red"])
    _ = due.execute("deliver p1->a1")
    #expect(try p1(due).last == "due now")
  }

  @Test func aLongValueIsShortenedInTheTableAndWholeInNet() {
    let value = String(repeating: "long", count: 10)
    let cluster = Interpreter.running([
      "cluster 3 1 1", "propose p1 \(value)", "deliver all",
    ]).cluster
    let status = Report.status(cluster)
    #expect(status.contains { $0.contains("1.p1 = longlonglon…") })
    #expect(!status.prefix(8).contains { $0.contains(value) }, "the table holds no full value")
    #expect(status.contains("chosen: \(value) under 1.p1"))
    let net = NetView.lines(
      Interpreter.running(["cluster 3 1 1", "propose p1 \(value)", "deliver all", "propose p1 x"])
        .cluster)
    #expect(net.isEmpty == false)
  }

  @Test func theProposerColumnNamesThePhase() throws {
    var interpreter = Interpreter.running(["cluster 3 2 1", "prepare p1 5"])
    let phase = { (interpreter: Interpreter, name: String) throws -> String in
      let node = try #require(interpreter.cluster.node(NodeID(name)!))
      return ProposerPhase.text(node, interpreter.cluster)
    }
    #expect(try phase(interpreter, "p1") == "phase 1 5.p1 (0/2 promises)")
    #expect(try phase(interpreter, "p2") == "idle")
    _ = interpreter.execute("deliver all")
    #expect(try phase(interpreter, "p1") == "waiting for a value (5.p1 promised)")
    _ = interpreter.execute("propose p1 red")
    #expect(try phase(interpreter, "p1") == "phase 2 5.p1 = red (0/2 accepted)")
    _ = interpreter.execute("prepare p2 6 blue")
    _ = interpreter.execute("deliver p2->a1")
    _ = interpreter.execute("deliver p1->a1")
    _ = interpreter.execute("deliver a1->p1")
    #expect(try phase(interpreter, "p1") == "abandoned 5.p1 (outbid by 6.p2)")
    _ = interpreter.execute("deliver all")
    #expect(try phase(interpreter, "p2") == "decided red (6.p2)", "a1 reported red: p2 adopts it")
    _ = interpreter.execute("crash p2")
    #expect(try phase(interpreter, "p2") == "round 6 on disk")
  }
}

@Suite struct NetViewTests {
  @Test func messagesThatWouldBeLostAreMarked() {
    let lines = NetView.lines(
      Interpreter.running(["cluster 3 2 1", "propose p1 red", "crash a2", "partition p1 a1 | a3"])
        .cluster)
    #expect(
      lines[0] == "partition: {p1 a1} | {a3} | {a2 p2 l1}", "the sides as 'partition' named them")
    #expect(lines[1] == "down: a2")
    #expect(lines.contains { $0.hasPrefix("  #1 p1 -> a1 prepare 1.p1") && !$0.contains("lost") })
    #expect(lines.contains { $0.hasSuffix("x would be lost: a2 is down") })
    #expect(lines.contains { $0.hasSuffix("x would be lost: p1 and a3 are on different sides") })
    #expect(lines.last == "2 of 3 would be lost if delivered now (x)")
  }
}

@Suite struct DiagramTests {
  /// Rows that draw a message: they start with its ID.
  static func arrows(_ lines: [String]) -> [String] { lines.filter { $0.hasPrefix("#") } }

  @Test func lastNDrawsTheLastNMessages() {
    let cluster = Interpreter.running(["cluster 3 1 1", "propose p1 red", "deliver all"]).cluster
    let lines = TerminalDiagram.lines(cluster, last: 4)
    #expect(Self.arrows(lines).map { String($0.prefix(3)) } == ["#12", "#13", "#14", "#15"])
    #expect(
      lines[0] == "diagram: the last 4 messages; 11 earlier left out ('diagram last 15' shows all)")
    #expect(Self.arrows(TerminalDiagram.lines(cluster, last: nil)).count == 15)
  }

  /// The diagram reads the end of the trace only: its cost does not grow with the history.
  @Test func theWindowDoesNotWalkTheWholeTrace() {
    var lines = ["cluster 3 1 1", "propose p1 red", "deliver all"]
    for round in 2...300 { lines += ["prepare p1 \(round)", "deliver all"] }
    let cluster = Interpreter.running(lines).cluster
    #expect(cluster.trace.entries.count > 5000)
    let window = DiagramWindow(cluster, lastMessages: 20)
    #expect(window.messages == 20)
    #expect(window.entries.count < 100, "walked \(window.entries.count) entries")
    #expect(window.entries.upperBound == cluster.trace.entries.count)
    #expect(window.earlierMessages == cluster.trace.messages.count - 20)
    #expect(!window.cutShort)
  }

  @Test func aHistoryWithoutMessagesIsCutShort() throws {
    var cluster = try Cluster.standard(acceptors: 3, proposers: 1, learners: 1)
    let a1 = try #require(NodeID("a1"))
    for _ in 0..<2000 {
      try cluster.crash(a1)
      try cluster.recover(a1)
    }
    let window = DiagramWindow(cluster, lastMessages: 5)
    #expect(window.cutShort)
    #expect(window.entries.count == DiagramWindow.entryBound(for: 5))
    let lines = TerminalDiagram.lines(cluster, last: 5)
    #expect(lines[0] == "diagram: no message among the recent events; earlier events left out")
  }

  @Test func aNodeDownBeforeTheWindowIsDrawnDownFromTheTop() throws {
    let cluster = Interpreter.running([
      "cluster 3 1 1", "crash a3", "propose p1 red", "deliver all",
    ]).cluster
    let lines = TerminalDiagram.lines(cluster, last: 3)
    #expect(!lines.contains { $0.contains("╳") }, "the crash is before the window")
    let names = lines[1]
    let a3 = names.distance(
      from: names.startIndex, to: try #require(names.firstRange(of: "a3")).lowerBound)
    let drawn = lines.dropFirst(2).dropLast(2).map { Array($0)[a3] }
    #expect(!drawn.contains("│") && drawn.contains("┆"), "\(lines.joined(separator: "\n"))")
  }

  @Test func hugeLimitsDoNotOverflow() {
    let cluster = Interpreter.running(["cluster 3 1 1", "propose p1 red", "deliver all"]).cluster
    #expect(TerminalDiagram.lines(cluster, last: Int.max)[0] == "diagram: all 15 messages")
  }
}
