import Foundation
import PaxosScript
import Testing

@testable import PaxosExport

/// Traces written by an older paxlab still load: version 1 named the clock's fields `step`
/// and `steps`, where version 2 says `time` and `ticks`; version 3 added log clusters.
@Suite struct OldVersionTests {
  /// `cluster 1 1 1`, `set backoff fixed 3`, `propose p1 red`, `deliver all`, exported by the
  /// paxlab that wrote version 1, as committed.
  static let version1 = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/trace-v1.json").path
  static let lines = ["cluster 1 1 1", "set backoff fixed 3", "propose p1 red", "deliver all"]

  static func fixture() throws -> [UInt8] { try TraceImport.read(version1) }

  static func edited(_ target: String, _ replacement: String) throws -> [UInt8] {
    let text = try fixture().text
    #expect(text.contains(target), "the fixture has no \(target)")
    return Array(text.replacing(target, with: replacement, maxReplacements: 1).utf8)
  }

  @Test func aVersion1TraceLoadsAsTheRunItRecorded() throws {
    let bytes = try Self.fixture()
    #expect(bytes.text.contains(#""version": 1"#) && bytes.text.contains(#"{"step": 1, "#))
    let loaded = try TraceImport.load(bytes)
    let replayed = TraceCatalogue.interpreter(Self.lines)
    #expect(loaded.interpreter.cluster == replayed.cluster)
    #expect(loaded.interpreter.timeline.entries.map(\.text) == Self.lines)
    #expect(loaded.eventCount == 18 && loaded.window == .whole)
    // Exported again, it is written in the current version.
    let again = TraceEncoder.encode(loaded.interpreter)
    #expect(again == TraceEncoder.encode(replayed))
    #expect(
      again.text.contains(#""version": \#(TraceFormat.version)"#)
        && again.text.contains(#"{"time": 1, "#))
  }

  /// `examples/08-no-persist-bug.paxos` exported by the paxlab that wrote version 2, as
  /// committed: a single-decree run with crashes and violations.
  static let version2 = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/trace-v2.json").path

  @Test func aVersion2TraceLoadsAndOnlyItsVersionChanges() throws {
    let bytes = try TraceImport.read(Self.version2)
    #expect(bytes.text.contains(#""version": 2,"#))
    let loaded = try TraceImport.load(bytes)
    #expect(loaded.interpreter.cluster.violations.count == 3)
    // A single-decree trace says the same in version 3: only its version line differs.
    let again = TraceEncoder.encode(loaded.interpreter).text
    let expected = bytes.text.replacing(
      #""version": 2,"#, with: #""version": \#(TraceFormat.version),"#)
    #expect(again == expected)
  }

  /// A version 2 trace has no log cluster: a mode, requests or a log event in one is refused
  /// as a hand edit, and each names what is wrong.
  @Test func aVersion2TraceEditedToHoldALogIsRefused() throws {
    let text = try TraceImport.read(Self.version2).text
    for (old, new, message) in [
      (#""seed": null"#, #""seed": null, "requests": []"#, "only a log cluster"),
      (#""nodes": ["#, #""mode": "log", "nodes": ["#, "a version 2 trace has no mode"),
      (#""kind": "phase1""#, #""kind": "lead""#, "a 'lead' event needs the field 'top'"),
    ] {
      #expect(text.contains(old), "the fixture has no \(old)")
      let error = Self.refusal(Array(text.replacing(old, with: new, maxReplacements: 1).utf8))
      #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
  }

  /// Why loading `bytes` was refused; nil (and a failed test) when it was not.
  static func refusal(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation)
    -> TraceError?
  {
    do throws(TraceError) {
      _ = try TraceImport.load(bytes)
      Issue.record("loaded a trace that should be refused", sourceLocation: sourceLocation)
      return nil
    } catch {
      return error
    }
  }

  @Test func aVersion1TraceIsCheckedAsStrictly() throws {
    let edited = Self.refusal(try Self.edited(#""value": "red"}"#, #""value": "blue"}"#))
    #expect(edited?.description.contains("does not match a replay") == true)
    let lastStep = Self.refusal(
      try Self.edited(#""steps": {"first": 2, "last": 6}"#, #""steps": {"first": 2, "last": 7}"#))
    #expect(lastStep?.description.contains("the trace says from time 2 to 7") == true)
    #expect(lastStep?.path == "$.commands[3].steps")
  }

  /// Only version 1 takes the old names, and it takes only them.
  @Test func aVersion1TraceWithVersion2NamesIsRefused() throws {
    for (old, new, message) in [
      (#"{"step": 1, "#, #"{"time": 1, "#, "unknown field 'time' in an event"),
      (#""run": {"steps""#, #""run": {"time""#, "run has steps, events and messages"),
      (#""kind": "fixed", "steps""#, #""kind": "fixed", "ticks""#, "a backoff has kind and steps"),
      (#""steps": null}"#, #""time": null}"#, "a command has number, text and steps"),
    ] {
      let error = Self.refusal(try Self.edited(old, new))
      #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }
  }
}
