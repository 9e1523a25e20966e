import PaxosCore
import PaxosSim
import PaxosTestSupport
import Testing

/// The trace's storage: appends go to fixed-size chunks, and it reads like one array.
@Suite struct ChunkedLogTests {
  /// More than two chunks' worth, so that reads cross chunk boundaries.
  static let length = 10_000

  func numbers(_ count: Int = length) -> ChunkedLog<Int> {
    var log = ChunkedLog<Int>()
    for number in 0..<count { log.append(number) }
    return log
  }

  @Test func readsBackEveryElementInOrder() {
    let log = numbers()
    #expect(log.count == Self.length)
    #expect(Array(log) == Array(0..<Self.length))
    #expect(log[4095] == 4095 && log[4096] == 4096 && log[Self.length - 1] == Self.length - 1)
  }

  @Test func equalContentsAreEqualLogs() {
    var reserved = ChunkedLog<Int>()
    reserved.reserveCapacity(100)
    #expect(reserved == ChunkedLog<Int>())
    #expect(numbers() == numbers())
    #expect(numbers() != numbers(Self.length - 1))
  }

  @Test func reuseEmptiesBothLogs() {
    var used = numbers()
    var fresh = ChunkedLog<Int>()
    fresh.reuse(&used)
    #expect(fresh.isEmpty && used.isEmpty)
    fresh.append(7)
    #expect(Array(fresh) == [7])
  }
}
