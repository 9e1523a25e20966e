import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

@testable import PaxosScript

/// The `log` view, on real scripts: a row per slot with each acceptor's vote, the chosen command
/// and who applied it; the learners; the requests. It tells what `expect` checks.
@Suite struct LogViewTests {
  /// The lines a command prints.
  static func view(_ lines: [String], _ command: String = "log") -> [String] {
    var interpreter = Interpreter.running(lines)
    return transcript(of: command, in: &interpreter)
  }

  /// The table that starts at the line `header` begins, as cells by column: the rule under the
  /// header gives each column's extent.
  static func table(_ lines: [String], header: String) -> [[String: String]] {
    guard let start = lines.firstIndex(where: { $0.hasPrefix(header + "  ") }),
      start + 1 < lines.count
    else { return [] }
    let headerLine = Array(lines[start])
    let rule = Array(lines[start + 1])
    var columns: [Range<Int>] = []
    var position = 0
    while position < rule.count {
      guard rule[position] == "─" else {
        position += 1
        continue
      }
      let first = position
      while position < rule.count, rule[position] == "─" { position += 1 }
      columns.append(first..<position)
    }
    func cells(_ line: [Character]) -> [String] {
      columns.enumerated().map { number, range in
        // The last column runs to the end of the line.
        let end = number == columns.count - 1 ? line.count : min(range.upperBound, line.count)
        guard range.lowerBound < end else { return "" }
        return String(line[range.lowerBound..<end]).trimmingTrailingSpaces
      }
    }
    let names = cells(headerLine)
    var rows: [[String: String]] = []
    for (position, line) in lines.enumerated().dropFirst(start + 2) {
      // The table ends at the header of the next one, or at a line with text between columns.
      if position + 1 < lines.count, lines[position + 1].hasPrefix("─") { break }
      let characters = Array(line)
      let inGaps = zip(columns, columns.dropFirst()).contains { left, right in
        (left.upperBound..<right.lowerBound).contains {
          $0 < characters.count && characters[$0] != " "
        }
      }
      guard !inGaps, !characters.isEmpty else { break }
      rows.append(Dictionary(uniqueKeysWithValues: zip(names, cells(characters))))
    }
    return rows
  }

  // The log cluster of `ExplainEveryEventTests`: a steady leader, then a gap at slot 2.
  static let log = ExplainEveryEventTests.log
  static let steady = ExplainEveryEventTests.steady
  static let gap = ExplainEveryEventTests.gap

  @Test func aSingleDecreeClusterIsToldHowToMakeALog() {
    let single = Self.view(["cluster 3 1 1"])
    #expect(single.count == 1)
    #expect(single[0].contains("decides a single value"))
    #expect(single[0].contains("'cluster 3 1 1 log'"))
    let none = Self.view([])
    #expect(none[0].contains("there is no cluster: 'cluster 3 1 1 log' creates one"))
  }

  @Test func anEmptyLogSaysHowToAddACommand() {
    let lines = Self.view(Self.log)
    #expect(lines.first?.contains("'request P put KEY VALUE'") == true, "\(lines)")
    #expect(lines.contains("requests: none yet"))
    let requested = Self.view(Self.log + ["request p1 put x 1"])
    #expect(requested.first == "log: empty, nothing accepted yet", "\(requested)")
  }

  @Test func eachSlotShowsTheVotesTheChoiceAndWhoApplied() {
    let lines = Self.view(Self.gap)
    let rows = Self.table(lines, header: "slot")
    #expect(rows.map { $0["slot"] } == ["[1]", "[2]", "[3]"], "\(lines)")
    #expect(rows[0]["chosen"] == "CHOSEN" && rows[0]["applied"] == "all")
    #expect(rows[1]["a1"] == "1.p1 r2" && rows[1]["a2"] == "-" && rows[1]["a3"] == "-")
    #expect(rows[1]["command"] == "r2 append x 2" && rows[1]["chosen"] == "-")
    #expect(rows[2]["a2"] == "1.p1 r3" && rows[2]["chosen"] == "CHOSEN")
    #expect(rows[2]["applied"] == "-", "l1 learned slot 3 but waits for slot 2")
    let learners = Self.table(lines, header: "learner")
    #expect(learners.map { $0["learner"] } == ["l1", "l2"])
    #expect(learners[0]["applied"] == "1" && learners[0]["waits for"] == "slot 2 (it learned [3])")
    #expect(learners[1]["waits for"] == "-" && learners[1]["store"] == "x = 1")
    #expect(lines.contains { $0.hasPrefix("'catchup l1' asks the others for the missing slots") })
    let requests = Self.table(lines, header: "request")
    #expect(
      requests.map { $0["reply"] } == ["ok", "pending (p1 holds it)", "pending (p1 holds it)"])
  }

  @Test func theViewAgreesWithTheChecks() {
    for seed in 1...6 {
      let script = [
        "cluster 3 2 2 log", "request p1 put x 1", "request p2 append x 2", "request p1 get x",
        "run steps=40 seed=\(seed)", "retry r2 p1", "request p2 append y 3",
        "run steps=60 seed=\(seed)",
      ]
      var interpreter = Interpreter.running(script)
      let lines = transcript(of: "log", in: &interpreter)
      for row in Self.table(lines, header: "slot") {
        let slot = String(row["slot"]?.dropFirst().dropLast() ?? "")
        let command = row["command"]?.split(separator: " ", maxSplits: 1).last.map(String.init)
        let expected = row["chosen"] == "CHOSEN" ? command ?? "" : "none"
        let result = interpreter.execute("expect slot \(slot) \(expected)")
        guard case .done = result.outcome else {
          Issue.record(
            "seed \(seed), slot \(slot): \(result.outcome)\n\(lines.joined(separator: "\n"))")
          continue
        }
      }
      for row in Self.table(lines, header: "learner") {
        let applied = row["applied"] ?? ""
        let count = applied == "none" ? "0" : String(applied.split(separator: "-").last ?? "")
        let result = interpreter.execute("expect applied \(row["learner"] ?? "") \(count)")
        guard case .done = result.outcome else {
          Issue.record("seed \(seed): \(result.outcome)\n\(lines.joined(separator: "\n"))")
          continue
        }
      }
    }
  }

  @Test func aCrashedAcceptorShowsItsDisk() {
    let lines = Self.view(Self.steady + ["crash a2"])
    let rows = Self.table(lines, header: "slot")
    #expect(rows.first?["a2 DOWN"] == "1.p1 r1", "\(lines)")
  }

  @Test func aCopyOfARequestNamesTheSlotItWasFirstAppliedIn() {
    let lines = Self.view(Self.steady + ["retry r1 p1", "deliver all"])
    let rows = Self.table(lines, header: "slot")
    #expect(rows.map { $0["applied"] } == ["all", "all (copy of [1])"], "\(lines)")
  }

  @Test func aLongLogShowsItsLastSlotsAndSaysHowManyAreHidden() {
    let requests = (1...30).flatMap { ["request p1 put k\($0) \($0)", "deliver all"] }
    let lines = Self.view(Self.log + requests)
    #expect(lines[0].hasPrefix("log: the last 20 of 30 slots (1-10 not shown)"), "\(lines)")
    let rows = Self.table(lines, header: "slot")
    #expect(rows.count == LogView.slotsShown)
    #expect(rows.first?["slot"] == "[11]" && rows.last?["slot"] == "[30]")
    #expect(lines.contains("requests: the last 10 of 30 (r1-r20 not shown)"))
    #expect(Self.table(lines, header: "request").first?["request"] == "r21")
    let store = Self.table(lines, header: "learner").first?["store"] ?? ""
    #expect(store.hasPrefix("k1 = 1, k10 = 10") && store.hasSuffix(" more"), "\(store)")
  }

  @Test func aLargeStoreIsCountedNotListed() {
    let keys = ReplicaText.keysSorted + 1
    let requests = (1...keys).map { "request p1 put k\($0) \($0)" }
    let lines = Self.view(["cluster 3 1 1 log"] + requests + ["deliver all"])
    let store = Self.table(lines, header: "learner").first?["store"]
    #expect(store == "\(keys) keys ('expect kv l1 KEY VALUE' checks one)", "\(lines)")
  }

  @Test func theViewsAreTidyAndFitIn80ColumnsForThreeAcceptors() {
    let script = Self.gap + ["timeout p2", "deliver all", "retry r2 p2", "deliver all"]
    // `status` is as wide as in a single-decree cluster; `log` keeps to 80 columns.
    for (command, width) in [("log", 80), ("status", 100)] {
      let lines = Self.view(script, command)
      ViewTests.expectTidy(lines)
      let wide = lines.filter { $0.displayWidth > width }
      #expect(wide.isEmpty, "\(command): \(wide.joined(separator: "\n"))")
    }
  }
}

/// `status` in a log cluster: the mode, each proposer's role and next slot, held requests and
/// open slots, each learner's applied slots and store.
@Suite struct LogStatusTests {
  @Test func statusShowsRolesSlotsAndStores() {
    let lines = LogViewTests.view(LogViewTests.gap, "status")
    let rows = LogViewTests.table(lines, header: "node")
    let byNode = Dictionary(uniqueKeysWithValues: rows.map { ($0["node"] ?? "", $0) })
    #expect(byNode["p1"]?["proposer"] == "leader 1.p1, next slot 4", "\(lines)")
    #expect(byNode["p2"]?["proposer"] == "follower")
    #expect(byNode["a1"]?["accepted"] == "up to [3]")
    #expect(byNode["l1"]?["applied"] == "1, waits for 2")
    #expect(byNode["l2"]?["applied"] == "1")
    #expect(
      lines.contains("mode: a replicated log of client requests ('log' shows it slot by slot)"))
    #expect(lines.contains("p1 holds r2 r3; proposed slots 2 3 and does not know them chosen yet"))
    #expect(lines.contains("l1's store: x = 1"))
    #expect(lines.contains("chosen: 2 of slots 1-3; slot 2 is not chosen yet"))
  }

  @Test func aProposerInPhase1AndOneOutbid() {
    let phase1 = LogViewTests.view(LogViewTests.log + ["request p1 put x 1"], "status")
    let p1 = LogViewTests.table(phase1, header: "node").first { $0["node"] == "p1" }
    #expect(p1?["proposer"] == "phase 1 1.p1 (0/2 promises)", "\(phase1)")
    let outbid = LogViewTests.view(
      LogViewTests.steady + [
        "timeout p2", "deliver p2->a1", "request p1 put y 2", "deliver p1->a1", "deliver a1->p1",
      ], "status")
    let row = LogViewTests.table(outbid, header: "node").first { $0["node"] == "p1" }
    #expect(row?["proposer"] == "abandoned 1.p1 (outbid by 1.p2)", "\(outbid)")
  }

  @Test func runBriefSaysWhereTheLogStands() {
    let lines = LogViewTests.view(LogViewTests.log + ["request p1 put x 1"], "run brief")
    #expect(
      lines.last?.hasSuffix("chosen slot 1; applied: l1 1, l2 1; 0 in flight") == true, "\(lines)")
  }
}

/// The terminal diagram labels a log's messages with their slot, and sums up long reports.
@Suite struct LogDiagramTests {
  @Test func aPromiseOfSeveralSlotsIsSummedUpWhileTheTranscriptKeepsItWhole() {
    let script =
      LogViewTests.log + [
        "request p1 put x 1", "request p1 put y 2", "request p1 put z 3", "deliver all",
        "timeout p2", "deliver p2->a1",
      ]
    var interpreter = Interpreter.running(script)
    let delivered = transcript(of: "deliver a1->p2", in: &interpreter)
    let full = "promise 1.p2 (accepted [1] 1.p1 put x 1, [2] 1.p1 put y 2, [3] 1.p1 put z 3)"
    #expect(delivered.first?.hasSuffix(full) == true, "\(delivered)")
    let diagram = transcript(of: "diagram last 1", in: &interpreter)
    #expect(
      diagram.contains { $0.hasSuffix("promise 1.p2 (accepted 3 slots up to [3])") }, "\(diagram)")
    let accepts = transcript(of: "diagram last 50", in: &interpreter)
    #expect(accepts.contains { $0.hasSuffix("accept 1.p1 [3] put z 3") })
  }
}

/// `explain` says why a learner is blocked and who could fill its gap.
@Suite struct LogBlockageTests {
  @Test func aBlockedLearnerIsToldWhoCouldFillItsGap() {
    let noneKnows = ExplainTests.explain(LogViewTests.gap)
    #expect(noneKnows.contains("l1 is blocked: it learned up to slot 3 but has not learned slot 2"))
    #expect(noneKnows.contains("no command is chosen in slot 2 yet"), "\(noneKnows)")
    let known = ExplainTests.explain(
      LogViewTests.gap + [
        "timeout p2", "deliver p2->a2", "deliver p2->a3", "deliver a2->p2", "deliver a3->p2",
        "deliver p2->a2", "deliver p2->a2", "deliver p2->a3", "deliver p2->a3", "deliver a2->l2",
        "deliver a3->l2", "deliver a2->l2", "deliver a3->l2", "deliver a2->l2", "deliver a3->l2",
      ])
    #expect(known.contains("l2 knows slot 2 chosen: 'catchup l1' asks it for it"), "\(known)")
  }
}

/// Reported to the lead (PaxosSim): a slot learned from a catch-up answer carries the ballot
/// that chose it, so the transcript says "(a quorum accepted 1.p1)" where `describeLog` and the
/// `SlotVote` documentation mean "(from a catch-up answer)", a ballot of zero. This test fails
/// until the simulator records such a slot with a zero ballot (or the text tells it otherwise).
@Suite struct CatchupTranscriptTests {
  @Test func aSlotLearnedFromACatchupAnswerSaysSo() {
    var interpreter = Interpreter.running(ExplainEveryEventTests.catchup)
    let lines = transcript(of: "deliver p1->l2", in: &interpreter)
    #expect(lines.contains("  l2 learns [1] put x 1 (from a catch-up answer)"), "\(lines)")
  }
}

/// Random histories of a log cluster: after every command each view stays tidy, and `explain`
/// never names a time without saying what happened then.
@Suite struct LogViewsOnRandomHistoriesTests {
  static let moves = [
    "request p1 put x 1", "request p2 append x 2", "request p1 get x", "retry r1 p2",
    "retry r2 p1", "deliver", "deliver", "deliver", "deliver", "deliver", "drop", "duplicate",
    "timeout p1", "timeout p2", "crash a1", "recover a1", "crash l2", "recover l2", "crash p1",
    "recover p1", "catchup l1", "catchup l2", "run steps=5 seed=2",
  ]

  @Test(arguments: 1...8)
  func everyViewStaysTidyAndExplainAlwaysSaysSomething(seed: Int) {
    var random = SplitMix64(seed: UInt64(seed))
    var interpreter = Interpreter.running(["cluster 3 2 2 log"])
    for _ in 0..<60 {
      // A refused move (a crashed node, nothing in flight) changes nothing: the views still run.
      _ = interpreter.execute(Self.moves[random.next(below: Self.moves.count)])
      for view in ["log", "status", "diagram last 10"] {
        ViewTests.expectTidy(transcript(of: view, in: &interpreter))
      }
      let explained = transcript(of: "explain", in: &interpreter)
      ViewTests.expectTidy(explained)
      for (number, line) in explained.enumerated() where line.hasPrefix("at time ") {
        #expect(
          explained.dropFirst(number + 1).first?.hasPrefix("  ") == true,
          "seed \(seed): \(explained.joined(separator: "\n"))")
      }
    }
  }
}
