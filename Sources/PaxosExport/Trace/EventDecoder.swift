import PaxosCore

/// Reads the `events` array: every event is checked against its kind's fields, and kept only
/// when asked.
struct EventDecoder {
  private(set) var records: [EventRecord] = []
  private(set) var count = 0
  private let keep: Bool

  init(keep: Bool) { self.keep = keep }

  /// What each field of an event or a message holds.
  enum FieldType {
    case count
    case messageID
    case name, optionalName
    case ballot, optionalBallot
    case optionalText
    case choice([String], String)
    case message
    case sides
    /// `r1`, `r2`, ...; null for a no-op.
    case optionalRequest
    /// A slot of the log: 1 or more.
    case slot
    /// A promise's votes or a catch-up answer's slots.
    case votes
    /// A catch-up request's learned slots, as `[first, last]` ranges.
    case ranges
  }

  static let eventFieldTypes: [String: FieldType] = [
    "message": .message, "copy": .messageID,
    "reason": .choice(TraceEventKind.lossReasons, "loss reason"),
    "node": .name, "reporter": .optionalName,
    "ballot": .optionalBallot, "outbid_by": .ballot, "promised_before": .ballot,
    "promised": .optionalBallot, "accepted": .optionalBallot, "reported": .optionalBallot,
    "promised_now": .optionalBallot,
    "value": .optionalText, "first": .optionalText,
    "round": .count, "delay": .count,
    "sides": .sides,
    "source": .choice(TraceEventKind.valueSources + TraceEventKind.slotSources, "value source"),
    "violation": .choice(TraceEventKind.violationNames, "violation"),
    "request": .optionalRequest, "command": .optionalText, "other_command": .optionalText,
    "output": .optionalText, "other": .name,
    "slot": .slot, "other_slot": .slot, "first_slot": .slot, "missing": .slot,
    "top": .count, "count": .count, "learned": .count, "applied": .count, "position": .count,
  ]

  static let messageFieldTypes: [String: FieldType] = [
    "id": .messageID, "kind": .choice(MessageKind.allCases.map(\.name), "message kind"),
    "from": .name, "to": .name, "ballot": .optionalBallot,
    "accepted": .optionalBallot, "value": .optionalText, "promised": .ballot,
    "slot": .slot, "votes": .votes, "slots": .votes, "learned": .ranges,
  ]

  static let voteFieldTypes: [String: FieldType] = [
    "slot": .slot, "ballot": .optionalBallot, "request": .optionalRequest,
    "command": .optionalText,
  ]

  /// `log`: the trace's cluster is a log cluster, whose messages carry slots and reports.
  mutating func read(_ reader: inout JSONReader, _ clock: ClockFields, log: Bool)
    throws(TraceError)
  {
    try reader.array("an array of events") { (reader, _) throws(TraceError) in
      let record = try Self.event(&reader, timeField: clock.event, log: log)
      count += 1
      if keep { records.append(record) }
    }
  }

  private static func event(_ reader: inout JSONReader, timeField: String, log: Bool)
    throws(TraceError) -> EventRecord
  {
    var time: Int?
    var order: Int?
    var kind: TraceEventKind?
    var fields: [Field] = []
    try reader.object("an event object") { (reader, key) throws(TraceError) in
      switch key {
      case timeField: time = try reader.integer(0...Int(Int32.max))
      case "order": order = try reader.integer(1...Int.max)
      case "kind":
        let name = try reader.string()
        guard let known = TraceEventKind(rawValue: name) else {
          throw reader.fail(
            "unknown event kind '\(name)'; kinds: "
              + TraceEventKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        kind = known
      default:
        guard let type = eventFieldTypes[key] else {
          throw reader.fail("unknown field '\(key)' in an event")
        }
        fields.append(Field(key: key, value: try value(type, log: log, &reader)))
      }
    }
    guard let time else { throw TraceError("the event has no '\(timeField)'") }
    guard let order else { throw TraceError("the event has no 'order'") }
    guard let kind else { throw TraceError("the event has no 'kind'") }
    var expected = kind.fields
    if kind == .violation,
      case .text(let name)? = fields.first(where: { $0.key == "violation" })?.value
    {
      expected += TraceEventKind.violationFields(name) ?? []
    }
    try check(
      fields, against: expected, of: "a '\(kind.rawValue)' event",
      listed: expected.isEmpty
        ? "none besides \(timeField), order and kind" : expected.joined(separator: ", "))
    fields.sort { $0.key < $1.key }
    return EventRecord(time: time, order: order, kind: kind.rawValue, fields: fields)
  }

  private static func message(_ reader: inout JSONReader, log: Bool) throws(TraceError)
    -> FieldValue
  {
    var fields: [Field] = []
    try reader.object("a message object") { (reader, key) throws(TraceError) in
      guard let type = messageFieldTypes[key] else {
        throw reader.fail("unknown field '\(key)' in a message")
      }
      fields.append(Field(key: key, value: try value(type, log: log, &reader)))
    }
    var expected = TraceMessageFields.common
    var what = "a message"
    if case .text(let kind)? = fields.first(where: { $0.key == "kind" })?.value {
      expected += TraceMessageFields.extra(kind, log: log) ?? []
      what = "a '\(kind)' message" + (log ? " of a log cluster" : "")
    }
    try check(fields, against: expected, of: what, listed: expected.joined(separator: ", "))
    fields.sort { $0.key < $1.key }
    return .object(fields)
  }

  /// Exactly the expected fields: none missing, none that belongs to another kind. `listed`
  /// says what the expected fields are.
  private static func check(
    _ fields: [Field], against expected: [String], of what: String, listed: String
  ) throws(TraceError) {
    if let missing = expected.first(where: { key in !fields.contains { $0.key == key } }) {
      throw TraceError("\(what) needs the field '\(missing)'")
    }
    if let extra = fields.first(where: { !expected.contains($0.key) }) {
      throw TraceError("\(what) has no field '\(extra.key)'; its fields are \(listed)")
    }
  }

  private static func value(_ type: FieldType, log: Bool, _ reader: inout JSONReader)
    throws(TraceError) -> FieldValue
  {
    switch type {
    case .count: return .integer(try reader.integer(0...Int.max))
    case .messageID: return .integer(try reader.integer(1...Int(UInt32.max)))
    case .name: return .text(try name(&reader))
    case .optionalName: return reader.null() ? .null : .text(try name(&reader))
    case .ballot: return .text(try ballot(&reader))
    case .optionalBallot: return reader.null() ? .null : .text(try ballot(&reader))
    case .optionalText: return reader.null() ? .null : .text(try reader.string())
    case .choice(let names, let what): return .text(try choice(names, what, &reader))
    case .message: return try message(&reader, log: log)
    case .optionalRequest: return reader.null() ? .null : .text(try request(&reader))
    case .slot: return .integer(try reader.integer(1...Int(Int32.max)))
    case .votes: return try votes(&reader)
    case .ranges:
      var ranges: [FieldValue] = []
      try reader.array("an array of [first, last] slot ranges") {
        (reader, _) throws(TraceError) in
        var bounds: [FieldValue] = []
        try reader.array("a [first, last] slot range") { (reader, _) throws(TraceError) in
          guard bounds.count < 2 else { throw reader.fail("a slot range has two slots") }
          bounds.append(.integer(try reader.integer(1...Int(Int32.max))))
        }
        guard bounds.count == 2 else { throw TraceError("a slot range has two slots") }
        ranges.append(.list(bounds))
      }
      return .list(ranges)
    case .sides:
      var sides: [FieldValue] = []
      try reader.array("an array of sides") { (reader, _) throws(TraceError) in
        var side: [FieldValue] = []
        try reader.array("an array of node names") { (reader, _) throws(TraceError) in
          side.append(.text(try name(&reader)))
        }
        sides.append(.list(side))
      }
      return .list(sides)
    }
  }

  /// A promise's `votes` or a catch-up answer's `slots`: each a slot, its ballot and command.
  private static func votes(_ reader: inout JSONReader) throws(TraceError) -> FieldValue {
    var votes: [FieldValue] = []
    try reader.array("an array of slots") { (reader, _) throws(TraceError) in
      var fields: [Field] = []
      try reader.object("a slot object") { (reader, key) throws(TraceError) in
        guard let type = voteFieldTypes[key] else {
          throw reader.fail(
            "unknown field '\(key)' in a slot; its fields are "
              + TraceMessageFields.vote.joined(separator: ", "))
        }
        fields.append(Field(key: key, value: try value(type, log: true, &reader)))
      }
      try check(
        fields, against: TraceMessageFields.vote, of: "a slot",
        listed: TraceMessageFields.vote.joined(separator: ", "))
      fields.sort { $0.key < $1.key }
      votes.append(.object(fields))
    }
    return .list(votes)
  }

  /// `r1`, `r2`, ...: a log cluster's request.
  static func request(_ reader: inout JSONReader) throws(TraceError) -> String {
    let start = reader.position
    let text = try reader.string()
    let digits = text.utf8.dropFirst()
    guard text.utf8.first == UInt8(ascii: "r"), !digits.isEmpty, digits.count <= 10,
      digits.first != UInt8(ascii: "0"),
      digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
    else {
      throw reader.fail("'\(text.prefix(20))' is not a request (r1, r2, ...)", at: start)
    }
    return text
  }

  static func name(_ reader: inout JSONReader) throws(TraceError) -> String {
    let start = reader.position
    let text = try reader.string()
    guard NodeID(text) != nil else {
      throw reader.fail(
        "'\(text.prefix(20))' is not a node name (1 to 8 letters, digits, _ or -, starting with a letter)",
        at: start)
    }
    return text
  }

  /// `ROUND.PROPOSER`, as the transcript writes ballots.
  static func ballot(_ reader: inout JSONReader) throws(TraceError) -> String {
    let start = reader.position
    let text = try reader.string()
    let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, let round = Int(parts[0]), round >= 0, String(round) == parts[0],
      NodeID(String(parts[1])) != nil
    else {
      throw reader.fail(
        "'\(text.prefix(30))' is not a ballot (ROUND.PROPOSER, such as 5.p1)", at: start)
    }
    return text
  }

  static func choice(_ names: [String], _ what: String, _ reader: inout JSONReader)
    throws(TraceError) -> String
  {
    let start = reader.position
    let text = try reader.string()
    guard names.contains(text) else {
      throw reader.fail(
        "unknown \(what) '\(text.prefix(30))'; expected " + names.joined(separator: ", "), at: start
      )
    }
    return text
  }
}
