import PaxosCheck
import PaxosSim
import Testing

/// The checker against a plain search of whole states, on configurations small enough for it:
/// the same number of distinct states, and a shortest violation of the same length.
@Suite struct CrossCheckTests {
  static let cases: [CheckCase] = [
    CheckCase(lines: ["cluster 2 1 1", "propose p1 red"], bounds: [.crashes: 0, .recoveries: 0]),
    CheckCase(lines: ["cluster 2 1 1", "propose p1 red"], bounds: [.timeouts: 0]),
    CheckCase(
      lines: ["cluster 2 1 1", "propose p1 red"],
      bounds: [.drops: 1, .duplicates: 1, .crashes: 0, .recoveries: 0]),
    CheckCase(
      lines: ["cluster 3 2 1", "set bug small-quorum", "propose p1 red", "propose p2 blue"],
      bounds: [.crashes: 0, .recoveries: 0, .timeouts: 0]),
    CheckCase(lines: ["cluster 3 1 1", "set bug no-persist", "propose p1 red"]),
    CheckCase(lines: ["cluster 2 1 1 log", "request p1 put x 1"], bounds: [.crashes: 0]),
    CheckCase(
      lines: [
        "cluster 2 1 1 log", "set bug no-dedup", "request p1 append x 1", "deliver all",
        "retry r1 p1",
      ], bounds: [.crashes: 0]),
  ]

  @Test(arguments: cases)
  func sameStatesAndShortestViolation(_ setup: CheckCase) {
    let cluster = setup.cluster
    var options = setup.options
    // Deep enough for every violation here; the plain search copies whole traces.
    options.depth = 12
    let plain = PlainSearch.run(cluster, options)
    for workers in [1, 2] {
      options.workers = workers
      let result = cluster.check(options)
      if case .violation = result.outcome {
        #expect(plain.violationAfter == result.schedule.count)
      } else {
        #expect(result.depth <= options.depth)
        #expect(plain.violationAfter == nil)
        #expect(plain.distinctStates == result.distinctStates)
      }
    }
  }
}
