/// A trace as read from its JSON, before anything is replayed. Two documents are equal when
/// they say the same thing, however their text is laid out.
struct TraceDocument: Equatable {
  struct Totals: Equatable {
    var time: Int
    var events: Int
    var messages: Int
  }

  struct Node: Equatable {
    var name: String
    var roles: [String]
  }

  /// A log cluster's request: `r1` is `requests[0]`.
  struct Request: Equatable, CustomStringConvertible {
    var command: String
    var reply: String
    var read: String?

    var description: String {
      "'\(command)' replied \(reply)"
        + (reply == "read" ? " \(read.map { "'\($0)'" } ?? "none")" : "")
    }
  }

  struct ClusterPart: Equatable {
    var log = false
    var nodes: [Node]
    var backoff: String
    var backoffTicks: Int?
    var timeout: Int
    var bugs: [String]
    var seed: UInt64?
    var requests: [Request] = []
  }

  struct CommandEntry: Equatable {
    var text: String
    var time: ClosedRange<Int>?
  }

  var version = TraceFormat.version
  /// The names this document's version gives the fields that hold the clock.
  var clock: ClockFields { ClockFields(version: version) }
  var window = TraceWindow.whole
  var totals = Totals(time: 0, events: 0, messages: 0)
  var cluster = ClusterPart(
    nodes: [], backoff: "random", backoffTicks: nil, timeout: 0, bugs: [], seed: nil)
  var commands: [CommandEntry] = []
  /// The events, when the reader was asked to keep them.
  var events: [EventRecord] = []
  var eventCount = 0
}

/// One event of a trace, its fields sorted by key so that layout does not matter.
struct EventRecord: Equatable, CustomStringConvertible {
  var time: Int
  var order: Int
  var kind: String
  var fields: [Field]

  var description: String {
    "{time \(time), order \(order), \(kind)"
      + fields.map { ", \($0.key): \($0.value)" }.joined() + "}"
  }
}

struct Field: Equatable {
  var key: String
  var value: FieldValue
}

enum FieldValue: Equatable, CustomStringConvertible {
  case null
  case integer(Int)
  case text(String)
  indirect case list([FieldValue])
  indirect case object([Field])

  var description: String {
    switch self {
    case .null: "null"
    case .integer(let value): "\(value)"
    case .text(let text): "\"\(text.count > 60 ? text.prefix(60) + "..." : text)\""
    case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
    case .object(let fields):
      "{" + fields.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
  }
}
