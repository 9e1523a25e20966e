import Testing

@testable import PaxosExport

/// Malformed, truncated, newer and hostile traces are refused with an error that says what is
/// wrong and where, quickly, without a crash.
@Suite struct HostileInputTests {
  static let sample = TraceCatalogue.sample
  static let text = sample.text

  /// Loads `bytes`, expecting a refusal that mentions `fragment`, within a second.
  @discardableResult
  static func refuse(
    _ bytes: [UInt8], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> TraceError? {
    let clock = ContinuousClock()
    var caught: TraceError?
    let elapsed = clock.measure {
      do throws(TraceError) {
        _ = try TraceImport.load(bytes)
        Issue.record(
          "loaded a trace that should be refused (\(fragment))", sourceLocation: sourceLocation)
      } catch {
        caught = error
      }
    }
    if let caught, !fragment.isEmpty {
      #expect(
        caught.description.contains(fragment), "\(caught.description)",
        sourceLocation: sourceLocation)
    }
    #expect(elapsed < .seconds(2), "took \(elapsed)", sourceLocation: sourceLocation)
    return caught
  }

  static func edited(_ target: String, _ replacement: String) -> [UInt8] {
    #expect(text.contains(target), "the sample has no \(target)")
    return Array(text.replacing(target, with: replacement, maxReplacements: 1).utf8)
  }

  @Test func truncatedAtEvery97thByte() {
    for cut in stride(from: 0, to: Self.sample.count - 1, by: 97) {
      let error = Self.refuse(Array(Self.sample[..<cut]), "")
      if cut > 0 { #expect(error?.offset != nil, "cut at \(cut): \(String(describing: error))") }
    }
    Self.refuse(Array(Self.sample.dropLast(2)), "at byte")
  }

  @Test func newerVersion() {
    let current = #""version": \#(TraceFormat.version)"#
    let error = Self.refuse(
      Self.edited(current, #""version": \#(TraceFormat.version + 1)"#),
      "newer Paxos Lab (trace format v\(TraceFormat.version + 1))")
    #expect(error?.path == "$.version")
    // Unknown fields of the newer format do not hide which version it is.
    Self.refuse(Array(#"{"format": "paxlab-trace", "version": 7, "hologram": {}}"#.utf8), "v7")
  }

  @Test func notATrace() {
    Self.refuse([], "empty")
    Self.refuse(Array("cluster 3\n".utf8), "expected a JSON object")
    Self.refuse(Array("[1, 2]".utf8), "expected a JSON object")
    Self.refuse(Array(#"{"name": "x"}"#.utf8), "not a Paxos Lab trace")
    Self.refuse(Self.edited(#""paxlab-trace""#, #""other-trace""#), "not a Paxos Lab trace")
    Self.refuse(Array(#"{"format": "paxlab-trace", "kind": 1}"#.utf8), "must be 'version'")
    Self.refuse(
      Self.edited(#""version": \#(TraceFormat.version)"#, #""version": 0"#), "no trace format v0")
  }

  @Test func unknownKind() {
    let error = Self.refuse(
      Self.edited(#""kind": "phase1""#, #""kind": "teleport""#), "unknown event kind 'teleport'")
    #expect(error?.path == "$.events[0].kind")
    Self.refuse(
      Self.edited(#""kind": "prepare""#, #""kind": "shout""#), "unknown message kind 'shout'")
    Self.refuse(Self.edited(#""bugs": []"#, #""bugs": ["gremlins"]"#), "unknown bug 'gremlins'")
  }

  @Test func unknownOrMisplacedField() {
    var error = Self.refuse(
      Self.edited(#""order": 1, "#, #""order": 1, "colour": "red", "#), "unknown field 'colour'")
    #expect(error?.path == "$.events[0].colour")
    Self.refuse(Self.edited(#""run": {"#, #""extra": 1, "run": {"#), "unknown field 'extra'")
    error = Self.refuse(
      Self.edited(
        #""kind": "phase1", "ballot": "1.p1""#, #""kind": "phase1", "ballot": "1.p1", "node": "p1""#
      ), "has no field 'node'")
    #expect(error?.path == "$.events[0]")
    Self.refuse(
      Self.edited(#""kind": "phase1", "ballot": "1.p1""#, #""kind": "phase1""#),
      "needs the field 'ballot'")
    Self.refuse(Self.edited(#""run": {"time""#, #""ru": {"time""#), "unknown field 'ru'")
  }

  /// Version 1 named the clock's fields after steps; a version 2 trace that does is refused,
  /// and says what the field is called now.
  @Test func version1NamesInAVersion2Trace() {
    let error = Self.refuse(
      Self.edited(#"{"time": 1, "order": 1"#, #"{"step": 1, "order": 1"#),
      "unknown field 'step' in an event")
    #expect(error?.path == "$.events[0].step")
    Self.refuse(
      Self.edited(#""run": {"time""#, #""run": {"steps""#),
      "unknown field 'steps'; run has time, events and messages")
    Self.refuse(
      Self.edited(#""kind": "random", "ticks""#, #""kind": "random", "steps""#),
      "unknown field 'steps'; a backoff has kind and ticks")
    Self.refuse(
      Self.edited(#""time": null}"#, #""steps": null}"#),
      "unknown field 'steps'; a command has number, text and time")
  }

  @Test func wrongTypes() {
    Self.refuse(Self.edited(#""time": 1,"#, #""time": "1","#), "expected a number, found a string")
    Self.refuse(
      Self.edited(#""nodes": ["#, #""nodes": {"a": ["#),
      "expected an array of nodes, found an object")
    Self.refuse(Self.edited(#""seed": 42"#, #""seed": "42""#), "expected a number")
    Self.refuse(
      Self.edited(#""roles": ["acceptor"]"#, #""roles": "acceptor""#), "expected an array of roles")
    Self.refuse(Self.edited(#""ballot": "1.p1""#, #""ballot": "p1.1""#), "is not a ballot")
    Self.refuse(Self.edited(#""name": "a1""#, #""name": "1a""#), "is not a node name")
    Self.refuse(
      Self.edited(#""window": {"from": null"#, #""window": {"from": true"#),
      "expected a number, found true or false")
  }

  @Test func hugeString() {
    var bytes = Array(
      #"{"format": "paxlab-trace", "version": 1, "commands": [{"number": 1, "text": ""#.utf8)
    bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 100_000_000)
    bytes.append(contentsOf: Array(#""}]}"#.utf8))
    Self.refuse(bytes, "a string longer than 1048576 bytes")
    var key = Array(#"{"format": "paxlab-trace", "version": 1, ""#.utf8)
    key += [UInt8](repeating: UInt8(ascii: "k"), count: 100_000_000)
    Self.refuse(key, "a string longer than")
  }

  @Test func deepNesting() {
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    Self.refuse(Array(deep.utf8), "expected a JSON object")
    Self.refuse(
      Self.edited(#""window": {"from": null"#, #""window": {"from": "# + deep), "found an array")
    let partitioned = TraceCatalogue.trace(TraceCatalogue.scripts[4].lines).text
    #expect(partitioned.contains(#""sides": [["#))
    let nested = partitioned.replacing(
      #""sides": [["#, with: #""sides": [["# + deep + ", ", maxReplacements: 1)
    Self.refuse(Array(nested.utf8), "expected a string, found an array")
    // The reader's own limit, for any caller that does descend.
    var reader = JSONReader(Array(deep.utf8), limits: .standard)
    #expect(throws: TraceError.self) { try Self.descend(&reader) }
  }

  static func descend(_ reader: inout JSONReader) throws(TraceError) {
    try reader.array("an array") { (reader, _) throws(TraceError) in try descend(&reader) }
  }

  @Test func hugeNumbers() {
    Self.refuse(Self.edited(#""time": 1,"#, #""time": 1e400,"#), "1e400 is not a whole number")
    Self.refuse(
      Self.edited(#""time": 1,"#, #""time": 99999999999999999999,"#),
      "99999999999999999999 is too large")
    Self.refuse(Self.edited(#""seed": 42"#, #""seed": 184467440737095516160"#), "too large")
    Self.refuse(Self.edited(#""time": 1,"#, #""time": 9223372036854775807,"#), "out of range")
    Self.refuse(Self.edited(#""time": 1,"#, #""time": -1,"#), "out of range")
    Self.refuse(Self.edited(#""time": 1,"#, #""time": 1.0,"#), "not a whole number")
    Self.refuse(Self.edited(#""time": 1,"#, #""time": 01,"#), "may not start with 0")
    Self.refuse(Self.edited(#""time": 1,"#, #""time": -,"#), "expected a digit")
  }

  @Test func duplicateKeys() {
    let error = Self.refuse(
      Self.edited(#""window": {"from": null,"#, #""window": {"from": null, "from": 3,"#),
      "appears twice")
    #expect(error?.path == "$.window.from")
    Self.refuse(Self.edited(#""run": {"#, #""format": "paxlab-trace", "run": {"#), "appears twice")
  }

  @Test func invalidUTF8() throws {
    for bad: [UInt8] in [
      [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
    ] {
      var bytes = Self.edited(#""text": "cluster 3 2 1""#, #""text": "cluster 3 2 1X""#)
      let marker = try #require(bytes.firstIndex(of: UInt8(ascii: "X")))
      bytes.replaceSubrange(marker...marker, with: bad)
      let error = Self.refuse(bytes, "invalid UTF-8")
      #expect(error?.offset == marker)
    }
    var outside = Self.sample
    outside.insert(0xFF, at: 2)
    Self.refuse(outside, "expected a field name")
  }

  @Test func byteOrderMark() {
    let error = Self.refuse([0xEF, 0xBB, 0xBF] + Self.sample, "byte-order mark")
    #expect(error?.offset == 0)
  }

  @Test func otherMalformedJSON() {
    Self.refuse(Self.sample + Array("{}".utf8), "after the end of the trace")
    Self.refuse(
      Array(Self.text.replacing("}\n  ]\n}", with: "},\n  ]\n}").utf8),
      "expected an event object, found ']'")
    Self.refuse(Self.edited("\"time\": null},", "\"time\": null},,"), "expected a command object")
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, "\"text\": \"cluster\t3\""),
      "control character (0x09)")
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, #""text": "cluster \ud800 3""#), "surrogate")
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, #""text": "cluster \q""#), "unknown escape")
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, #""text": 'cluster 3 2 1'"#), "expected a string")
    Self.refuse(Self.edited(#""run": {"#, "// comment\n\"run\": {"), "expected a field name")
  }

  @Test func commandsThatDoNotBelongOrDoNotReplay() {
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, #""text": "export json /tmp/stolen.json""#),
      "not a command that changes the cluster")
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, #""text": "load other.json""#),
      "not a command that changes the cluster")
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, #""text": "cluster 3 2 1\nstatus""#), "line break")
    Self.refuse(
      Self.edited(#""text": "propose p1 red""#, #""text": "propose p9 red""#),
      "does not replay: no node 'p9'")
    Self.refuse(
      Self.edited(#""text": "cluster 3 2 1""#, #""text": "frobnicate""#), "is not a command")
    Self.refuse(
      Self.edited(#""number": 2"#, #""number": 3"#), "command number 3 where 2 was expected")
  }

  @Test func handEditedEventsAreRefused() {
    var error = Self.refuse(
      Self.edited(#""value": "blue"}"#, #""value": "green"}"#), "does not match a replay")
    #expect(error?.hint?.contains("cannot be edited by hand") == true)
    error = Self.refuse(
      Self.edited(#"{"time": 1, "order": 1, "kind": "phase1", "ballot": "1.p1"},"#, ""),
      "does not match")
    #expect(error?.path == "$.events[0]")
    Self.refuse(
      Self.edited(#""time": {"first": 1, "last": 1}"#, #""time": {"first": 1, "last": 2}"#),
      "the trace says from time 1 to 2")
    Self.refuse(Self.edited(#""seed": 42"#, #""seed": 43"#), "does not match")
    Self.refuse(Self.edited(#""timeout": 50"#, #""timeout": 51"#), "does not match")
    Self.refuse(Self.edited(#""run": {"time": "#, #""run": {"time": 1"#), "does not match")
  }

  @Test func fileLimits() throws {
    var limits = TraceLimits()
    limits.maxFileBytes = 100
    #expect(throws: TraceError.self) { try TraceImport.load(Self.sample, limits: limits) }
    #expect(throws: TraceError.self) { try TraceImport.read("/nonexistent/trace.json") }
    #expect(throws: TraceError.self) { try TraceImport.read("/tmp") }
  }
}
