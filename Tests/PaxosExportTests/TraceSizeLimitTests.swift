import PaxosScript
import PaxosSim
import Testing

@testable import PaxosExport

/// `export json` writes no trace that `load` and `replay` would refuse for its size: it
/// measures the trace first, without keeping it, and refuses with the size and the limit.
@Suite struct TraceSizeLimitTests {
  /// Long enough that measuring lets go of what it wrote many times over.
  static let longRun = [
    "cluster 5 3 1", "propose p1 red", "propose p2 blue", "propose p3 \"dark green\"",
    "run steps=3000 seed=4", "propose p1 v2", "propose p2 v3", "run steps=3000 seed=5",
    "propose p3 v4", "propose p1 v5", "run steps=3000 seed=6",
  ]

  @Test(arguments: [TraceWindow.whole, TraceWindow(from: 100, to: 900), TraceWindow(to: 0)])
  func aTraceAtTheLimitIsWrittenAndOneByteOverIsRefused(window: TraceWindow) throws {
    let interpreter = TraceCatalogue.interpreter(Self.longRun)
    let bytes = TraceEncoder.encode(interpreter, window: window)
    let atLimit = try TraceEncoder.encodeLoadable(interpreter, window: window, limit: bytes.count)
    #expect(atLimit.count == bytes.count && atLimit == bytes, "the trace itself is written")
    #expect(throws: ScriptError.self) {
      try TraceEncoder.encodeLoadable(interpreter, window: window, limit: bytes.count - 1)
    }
  }

  @Test func theRefusalGivesTheSizeTheLimitAndAWayOut() throws {
    let interpreter = TraceCatalogue.interpreter(Self.longRun)
    let size = TraceEncoder.encode(interpreter).count
    let error = try #require(
      throws: ScriptError.self,
      performing: { _ = try TraceEncoder.encodeLoadable(interpreter, limit: size - 1) })
    #expect(size > 1 << 16, "long enough to measure in parts")
    #expect(
      error.message.contains("would be \(size >> 10) KiB (\(size) bytes)"), "\(error.message)")
    #expect(
      error.message.contains("\((size - 1) >> 10) KiB that 'load' and 'replay' read"),
      "\(error.message)")
    #expect(error.message.hasSuffix("nothing was written"))
    #expect(error.hint?.contains("from=TIME to=TIME") == true)
    #expect(error.hint?.contains("ends at time \(interpreter.cluster.time):") == true)
  }

  /// The cap on events is set so that a run at the cap, as the benchmark runs it, can be
  /// exported and loaded back.
  @Test func aRunAtTheEventCapFitsInWhatLoadReads() {
    let interpreter = Scenarios.longRun(messages: 20_000)
    let bytesPerEvent =
      Double(TraceEncoder.encode(interpreter).count)
      / Double(interpreter.cluster.trace.entries.count)
    let atTheCap = bytesPerEvent * Double(Settings.maxTraceEntries)
    #expect(atTheCap < Double(TraceFormat.maxBytes), "\(bytesPerEvent) bytes an event")
  }

  @Test func theReaderAndTheWriterShareOneLimit() {
    #expect(TraceLimits.standard.maxFileBytes == TraceFormat.maxBytes)
  }

  @Test(arguments: [
    (1 << 30, "1 GiB"), (1_548_956_259, "1.44 GiB"), (1_130_000_000, "1.05 GiB"),
    (12 << 20, "12 MiB"), (40 << 10, "40 KiB"),
  ])
  func sizesReadAsAPersonWouldSayThem(_ bytes: Int, _ text: String) {
    #expect(TraceEncoder.approximate(bytes) == text)
  }
}

/// Loading checks the replayed run against the file without writing a second copy of it.
@Suite struct TraceCheckWithoutACopyTests {
  @Test func aTraceMatchesItsOwnRunAndNoOtherBytes() throws {
    let interpreter = TraceCatalogue.interpreter(TraceSizeLimitTests.longRun)
    let bytes = TraceEncoder.encode(interpreter)
    #expect(bytes.count > 1 << 16, "long enough to be compared in parts")
    #expect(TraceEncoder.encodes(interpreter, window: .whole, as: bytes))
    for offset in [0, 1 << 16, bytes.count / 2, bytes.count - 2] {
      var changed = bytes
      changed[offset] = changed[offset] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
      #expect(!TraceEncoder.encodes(interpreter, window: .whole, as: changed), "at \(offset)")
    }
    #expect(!TraceEncoder.encodes(interpreter, window: .whole, as: Array(bytes.dropLast())))
    #expect(!TraceEncoder.encodes(interpreter, window: .whole, as: bytes + [0x0A]))
    #expect(!TraceEncoder.encodes(interpreter, window: TraceWindow(from: 3), as: bytes))
  }
}
