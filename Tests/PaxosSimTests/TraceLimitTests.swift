import PaxosCore
import PaxosTestSupport
import Synchronization
import Testing

@testable import PaxosSim

/// `deliver all` delivers oldest first, in batches; `run` and `deliver all` stop when the trace
/// holds as much as a cluster keeps, so that no command can take all the memory there is.
@Suite struct TraceLimitTests {
  /// Two proposers, a duplicate and a crash: deliveries that send, lose and fan out.
  func busyCluster() throws -> Cluster {
    var cluster = try threeAcceptorCluster(proposers: 2, learners: 2)
    try cluster.propose(p1, "red")
    try cluster.propose(p2, "blue")
    try cluster.duplicate(.id(MessageID(raw: 2)))
    try cluster.crash(a3)
    return cluster
  }

  @Test func deliverAllIsTheOldestMessageOverAndOver() throws {
    var batched = try busyCluster()
    var oneByOne = batched
    let delivered = batched.deliverAll()
    var count = 0
    while !oneByOne.inFlight.isEmpty {
      try oneByOne.deliver(.oldest)
      count += 1
    }
    #expect(delivered == count)
    #expect(batched == oneByOne)
  }

  @Test func runStopsWhenTheTraceIsFull() throws {
    var cluster = try busyCluster()
    try cluster.setBackoff(.none)
    try cluster.setAttemptTimeout(1)
    cluster.settings.traceLimit = 500
    let summary = cluster.run(limit: 100_000)
    #expect(summary.traceFull && !summary.quiescent)
    #expect(cluster.trace.entries.count >= 500)
    // One step records a few entries at most: the run stopped right at the limit.
    #expect(cluster.trace.entries.count < 500 + 20)
    let again = cluster.run(limit: 10)
    #expect(again.steps == 0 && again.traceFull)
  }

  @Test func aFullTraceRefusesEveryCommandThatWouldAddToIt() throws {
    var cluster = try busyCluster()
    try cluster.requireRoomInTrace(to: "propose")
    cluster.settings.traceLimit = cluster.trace.entries.count
    let error = try #require(throws: ClusterError.self) {
      try cluster.requireRoomInTrace(to: "propose")
    }
    #expect(error.message == "cannot propose: " + Cluster.traceFullReason)
    #expect(error.hint == "'reset' starts over, or 'undo' goes back")
  }

  @Test func aLongRunTellsItsCheckpointHowFarItGotAndStopsWhenTold() throws {
    var cluster = try busyCluster()
    try cluster.setBackoff(.none)
    try cluster.setAttemptTimeout(1)
    let seen = Mutex<[[Int]]>([])
    let summary = cluster.run(limit: 10_000) { done, total in
      seen.withLock { $0.append([done, total]) }
      return done >= 3000
    }
    #expect(seen.withLock { $0 } == [[1023, 10_000], [2047, 10_000], [3071, 10_000]])
    #expect(summary.interrupted && summary.steps == 3071)
  }

  @Test func deliverAllStopsWhenTheTraceIsFullAndKeepsTheRestInOrder() throws {
    var cluster = try busyCluster()
    let full = try busyCluster()
    cluster.settings.traceLimit = cluster.trace.entries.count + 12
    var whole = full
    whole.deliverAll()
    cluster.deliverAll()
    #expect(cluster.traceIsFull)
    #expect(!cluster.inFlight.isEmpty)
    #expect(cluster.inFlight == cluster.inFlight.sorted())
    // Lifting the limit, the rest goes as it would have gone in one go.
    cluster.settings.traceLimit = Settings.maxTraceEntries
    cluster.deliverAll()
    #expect(cluster.trace == whole.trace)
  }
}
