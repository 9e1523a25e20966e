import PaxosScript
import PaxosTestSupport
import Testing

@testable import paxlab

/// The prompt's summary of the cluster.
@Suite struct PromptTests {
  /// Red is chosen under 1.p1; the acceptors forget it in a crash (bug no-persist), and blue is
  /// chosen under 1.p2.
  static let twoValuesChosen = [
    "cluster 3 2 1", "set bug no-persist", "propose p1 red", "deliver all", "crash a1 a2",
    "recover a1 a2", "propose p2 blue", "deliver all",
  ]

  @Test func showsTheChosenValue() {
    let cluster = Interpreter.running(Array(Self.twoValuesChosen.prefix(4))).cluster
    #expect(Prompt.summary(cluster, .off) == ["3a 2p 1l", "0 in flight", "chosen: red"])
  }

  /// After an agreement violation the prompt does not go on naming only the first value.
  @Test func showsEveryValueChosenAfterAViolation() {
    let cluster = Interpreter.running(Self.twoValuesChosen).cluster
    #expect(
      Prompt.summary(cluster, .off) == [
        "3a 2p 1l", "0 in flight", "chosen: red, blue", "VIOLATION",
      ])
  }

  /// A log cluster's prompt counts the slots chosen: it does not list every command, nor paint
  /// several in red as if agreement had broken.
  @Test func aLogClusterCountsItsSlotsChosen() {
    let cluster = Interpreter.running([
      "cluster 3 1 1 log", "request p1 put x 1", "request p1 put y 2", "deliver all",
    ]).cluster
    #expect(Prompt.summary(cluster, .off) == ["3a 1p 1l", "0 in flight", "log: 2 slots chosen"])
  }
}
