import PaxosScript
import Testing

@testable import PaxosExport

@Suite struct WindowTests {
  static let lines = TraceCatalogue.scripts[1].lines
  /// A single-decree run and a log run: windows work alike on both.
  static let runs = [lines, Scenarios.logGapAndCatchUp]

  /// The times of the events a trace holds.
  static func times(_ bytes: [UInt8]) throws -> [Int] {
    try TraceDecoder.decode(bytes, keepEvents: true).events.map(\.time)
  }

  @Test(arguments: runs)
  func aWindowHoldsOnlyItsTimes(lines: [String]) throws {
    let whole = try Self.times(TraceCatalogue.trace(lines))
    let window = TraceWindow(from: 5, to: 12)
    let bytes = TraceCatalogue.trace(lines, window: window)
    let times = try Self.times(bytes)
    #expect(times == whole.filter { (5...12).contains($0) })
    #expect(!times.isEmpty)
    #expect(bytes.text.contains(#""window": {"from": 5, "to": 12}"#))
  }

  @Test(
    arguments: [
      TraceWindow(from: 5, to: 12), TraceWindow(from: 20), TraceWindow(to: 3),
      TraceWindow(from: 1000, to: 2000), TraceWindow(from: 0, to: 0),
    ], runs)
  func aWindowRoundTripsAndRestoresTheWholeRun(window: TraceWindow, lines: [String]) throws {
    let original = TraceCatalogue.interpreter(lines)
    let bytes = TraceEncoder.encode(original, window: window)
    let loaded = try TraceImport.load(bytes)
    #expect(loaded.window == window)
    #expect(loaded.interpreter.cluster == original.cluster)
    #expect(TraceEncoder.encode(loaded.interpreter, window: loaded.window) == bytes)
  }

  @Test func theCommandsAreAllThereWithTheirTimes() throws {
    let document = try TraceDecoder.decode(
      TraceCatalogue.trace(Self.lines, window: TraceWindow(from: 30)), keepEvents: true)
    #expect(document.commands.map(\.text) == Self.lines)
    #expect(document.commands[0].time == nil)  // cluster: no step
    #expect(document.commands[1].time == nil)  // a setting
    #expect(document.commands[2].time == 1...1)
    #expect(document.commands[4].time?.lowerBound == 3)
  }

  @Test func commandsBeforeTheLastResetHaveNoTimes() throws {
    let document = try TraceDecoder.decode(
      TraceCatalogue.trace(TraceCatalogue.scripts[10].lines), keepEvents: true)
    #expect(document.commands[..<5].allSatisfy { $0.time == nil })
    #expect(document.commands[7].time == 1...1)
  }
}
