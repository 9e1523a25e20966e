import PaxosCheck
import PaxosSim
import Testing

/// With every switch off, small configurations of both modes exhaust with no violation. Their
/// distinct-state counts are golden values: a change that moves one is reviewed as a diff.
/// They are the same with one worker or two, with or without a progress callback.
@Suite struct StateCountTests {
  static let cases: [(CheckCase, states: Int, transitions: Int)] = [
    (CheckCase(lines: ["cluster 2 1 1", "propose p1 red"]), 29_649, 121_117),
    (
      CheckCase(
        lines: ["cluster 3 1 1", "propose p1 red"],
        bounds: [.crashes: 0, .recoveries: 0, .timeouts: 0]),
      1_195, 4_623
    ),
    (
      CheckCase(
        lines: ["cluster 2 2 1", "propose p1 red", "propose p2 blue"],
        bounds: [.crashes: 0, .recoveries: 0, .timeouts: 0]),
      2_373, 8_366
    ),
    (CheckCase(lines: ["cluster 2 1 1 log", "request p1 put x 1"]), 43_029, 167_302),
    (
      CheckCase(
        lines: ["cluster 2 1 1 log", "request p1 put x 1", "request p1 get x"],
        bounds: [.crashes: 0, .recoveries: 0, .timeouts: 0]),
      957, 3_688
    ),
  ]

  @Test(arguments: cases)
  func exhaustsWithGoldenCounts(_ setup: CheckCase, states: Int, transitions: Int) {
    let cluster = setup.cluster
    var options = setup.options
    // Deep enough that every case exhausts.
    options.depth = 40
    var results: [CheckResult] = []
    for workers in [1, 2] {
      options.workers = workers
      results.append(cluster.check(options))
      var calls = 0
      results.append(
        cluster.check(options) { _ in
          calls += 1
          return true
        })
      #expect(calls > 0)
    }
    for result in results {
      #expect(result.outcome == .safe(exhausted: true))
      #expect(result.distinctStates == states)
      #expect(result.transitions == transitions)
      #expect(result.depth == results[0].depth)
      #expect(result.stuck == results[0].stuck)
    }
  }

  @Test func stopsAtTheStateBound() {
    var options = CheckOptions()
    options.states = 1_000
    let result = CheckCase(lines: ["cluster 3 2 1", "propose p1 red", "propose p2 blue"]).cluster
      .check(options)
    #expect(result.outcome == .stopped(.stateLimit))
    #expect(result.distinctStates == 1_000)
  }

  @Test func stopsWhenProgressSaysSo() {
    let result = CheckCase(lines: ["cluster 3 2 1", "propose p1 red", "propose p2 blue"]).cluster
      .check(CheckOptions()) { $0.distinctStates < 5_000 }
    #expect(result.outcome == .stopped(.interrupted))
    #expect(result.distinctStates >= 5_000)
  }

  @Test func depthCutsTheSearch() {
    var options = CheckOptions()
    options.depth = 3
    let result = CheckCase(lines: ["cluster 3 1 1", "propose p1 red"]).cluster.check(options)
    #expect(result.outcome == .safe(exhausted: false))
    #expect(result.depth == 3)
  }

  @Test func anEmptyNetworkWithNoBudgetIsExhaustedAtOnce() {
    var options = CheckOptions()
    options.crashes = 0
    options.recoveries = 0
    options.timeouts = 0
    let result = CheckCase(lines: ["cluster 3 1 1"]).cluster.check(options)
    #expect(result.outcome == .safe(exhausted: true))
    #expect(result.distinctStates == 1)
    #expect(result.depth == 0)
  }

  /// A proposer that crashes with its prepares in flight: once they are answered, nothing is in
  /// flight, no timer is armed and nothing is chosen.
  @Test func findsAShortestStuckSchedule() throws {
    let setup = CheckCase(
      lines: ["cluster 3 1 1", "propose p1 red"],
      bounds: [.crashes: 1, .recoveries: 0, .timeouts: 0])
    let cluster = setup.cluster
    let result = cluster.check(setup.options)
    let stuck = try #require(result.stuck)
    #expect(stuck.contains(.crash(cluster.nodes[3].id)))
    let after = try cluster.playing(stuck)
    #expect(after.inFlight.isEmpty)
    #expect(after.nextTimer() == nil)
    #expect(after.choices.value == nil)
    // Every message must be delivered, whoever it reaches: three prepares, then at least two
    // promises, lost or not, before no more are sent.
    #expect(stuck.count == 7)
  }
}
