import Testing

@testable import PaxosExport

/// A damaged or hand-edited log trace is refused with an error that says what is wrong and
/// where, as a single-decree one is.
@Suite struct HostileLogTraceTests {
  static let text = TraceCatalogue.trace(TraceCatalogue.logScripts[0].lines).text

  static func edited(_ target: String, _ replacement: String) -> [UInt8] {
    #expect(text.contains(target), "the log sample has no \(target)")
    return Array(text.replacing(target, with: replacement, maxReplacements: 1).utf8)
  }

  @Test func theSampleLoads() throws {
    _ = try TraceImport.load(Array(Self.text.utf8))
  }

  @Test func truncatedAtEvery97thByte() {
    let bytes = Array(Self.text.utf8)
    for cut in stride(from: 1, to: bytes.count - 1, by: 97) {
      let error = OldVersionTests.refusal(Array(bytes[..<cut]))
      #expect(error?.offset != nil, "cut at \(cut): \(String(describing: error))")
    }
  }

  @Test func malformedLogFieldsAreRefused() {
    for (old, new, message) in [
      (#""slot": 1, "ballot": "1.p1""#, #""slot": 0, "ballot": "1.p1""#, "0 is out of range"),
      (#""request": "r1""#, #""request": "r01""#, "'r01' is not a request"),
      (#""request": "r1""#, #""request": "x1""#, "'x1' is not a request"),
      (#""mode": "log""#, #""mode": "paxos""#, "unknown mode 'paxos'; expected log"),
      (#"{"id": "r2""#, #"{"id": "r3""#, "request 'r3' where r2 was expected"),
      (#""reply": "ok""#, #""reply": "done""#, "unknown reply 'done'"),
      (#""reply": "ok", "read": null"#, #""reply": "ok", "read": "1""#, "its reply is not 'read'"),
      (#""source": "noop""#, #""source": "magic""#, "unknown value source 'magic'"),
      (#""learned": [[1, 1]"#, #""learned": [[1, 1, 2]"#, "a slot range has two slots"),
      (#""learned": [[1, 1]"#, #""learned": [[1]"#, "a slot range has two slots"),
      (#""votes": []"#, #""accepted": null, "value": null"#, "needs the field 'votes'"),
      (
        #""kind": "wait", "node": "l1""#, #""kind": "wait""#,
        "a 'wait' event needs the field 'node'"
      ),
      (#""top": 0"#, #""top": 0, "slot": 1"#, "has no field 'slot'; its fields are ballot, top"),
    ] {
      let error = OldVersionTests.refusal(Self.edited(old, new))
      #expect(error?.description.contains(message) == true, "\(old): \(String(describing: error))")
    }
  }

  @Test func aMissingModeOrRequestsIsRefused() {
    let noMode = OldVersionTests.refusal(Self.edited("    \"mode\": \"log\",\n", ""))
    #expect(noMode?.description.contains("only a log cluster") == true)
    let start = Self.text.range(of: ",\n    \"requests\": [")
    let end = Self.text.range(of: "\n    ]\n  },\n")
    guard let start, let end else {
      Issue.record("the log sample has no requests")
      return
    }
    let noRequests = Self.text.replacingCharacters(
      in: start.lowerBound..<end.upperBound, with: "\n  },\n")
    let error = OldVersionTests.refusal(Array(noRequests.utf8))
    #expect(error?.description.contains("the log cluster has no 'requests' field") == true)
  }

  /// Edits that read well but say something the commands did not do are caught by the replay,
  /// which names the first difference.
  @Test func editedLogContentIsRefusedByTheReplay() {
    for (old, new, path) in [
      (#""output": "x = 1""#, #""output": "x = 2""#, "$.events["),
      (#""reply": "read", "read": "1""#, #""reply": "read", "read": "2""#, "$.cluster.requests[3]"),
      (#""command": "put x 1"}"#, #""command": "put x 9"}"#, "$.events["),
      (#""source": "noop""#, #""source": "request""#, "$.events["),
    ] {
      let error = OldVersionTests.refusal(Self.edited(old, new))
      #expect(error?.description.contains("does not match a replay") == true, "\(old)")
      #expect(error?.path.hasPrefix(path) == true, "\(old): \(String(describing: error?.path))")
    }
  }

  @Test func theEventsComeAfterTheCluster() {
    let start = Self.text.range(of: "  \"cluster\": {")
    let end = Self.text.range(of: "  \"commands\": [")
    guard let start, let end else {
      Issue.record("the log sample has no cluster")
      return
    }
    let cluster = String(Self.text[start.lowerBound..<end.lowerBound])
    let moved = Self.text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
      .replacing("\n}\n", with: ",\n" + cluster.dropLast(2) + "\n}\n")
    let error = OldVersionTests.refusal(Array(moved.utf8))
    #expect(error?.description.contains("the events come before the cluster") == true)
  }
}
