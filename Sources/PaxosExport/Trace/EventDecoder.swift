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
  }

  static let eventFieldTypes: [String: FieldType] = [
    "message": .message, "copy": .messageID,
    "reason": .choice(TraceEventKind.lossReasons, "loss reason"),
    "node": .name, "reporter": .optionalName,
    "ballot": .ballot, "outbid_by": .ballot, "promised_before": .ballot,
    "promised": .optionalBallot, "accepted": .optionalBallot, "reported": .optionalBallot,
    "promised_now": .optionalBallot,
    "value": .optionalText, "first": .optionalText,
    "round": .count, "delay": .count,
    "sides": .sides,
    "source": .choice(TraceEventKind.valueSources, "value source"),
    "violation": .choice(TraceEventKind.violationNames, "violation"),
  ]

  static let messageFieldTypes: [String: FieldType] = [
    "id": .messageID, "kind": .choice(MessageKind.allCases.map(\.name), "message kind"),
    "from": .name, "to": .name, "ballot": .ballot,
    "accepted": .optionalBallot, "value": .optionalText, "promised": .ballot,
  ]

  mutating func read(_ reader: inout JSONReader, _ clock: ClockFields) throws(TraceError) {
    try reader.array("an array of events") { (reader, _) throws(TraceError) in
      let record = try Self.event(&reader, timeField: clock.event)
      count += 1
      if keep { records.append(record) }
    }
  }

  private static func event(_ reader: inout JSONReader, timeField: String) throws(TraceError)
    -> EventRecord
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
        fields.append(Field(key: key, value: try value(type, &reader)))
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

  private static func message(_ reader: inout JSONReader) throws(TraceError) -> FieldValue {
    var fields: [Field] = []
    try reader.object("a message object") { (reader, key) throws(TraceError) in
      guard let type = messageFieldTypes[key] else {
        throw reader.fail("unknown field '\(key)' in a message")
      }
      fields.append(Field(key: key, value: try value(type, &reader)))
    }
    var expected = TraceMessageFields.common
    var what = "a message"
    if case .text(let kind)? = fields.first(where: { $0.key == "kind" })?.value {
      expected += TraceMessageFields.extra(kind) ?? []
      what = "a '\(kind)' message"
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

  private static func value(_ type: FieldType, _ reader: inout JSONReader) throws(TraceError)
    -> FieldValue
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
    case .message: return try message(&reader)
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
