import PaxosCore

/// The history of a run: every message ever sent and every event, in order.
public struct Trace: Hashable, Sendable {
  public private(set) var entries = ChunkedLog<TraceEntry>()
  /// `messages[id - 1]` is message `#id`.
  public private(set) var messages = ChunkedLog<Message>()
  /// The sides of each partition, in the order partitions were made.
  public private(set) var partitions: [[[NodeID]]] = []
  /// In a log cluster: what promise, catchup and chosen messages carry, numbered by the
  /// message's `slot` field.
  public private(set) var reports = ChunkedLog<Report>()
  /// In a log cluster: the value a command left or read each time a learner applied one, nil
  /// for none; `Cluster.output(of:)` says it in words. Kept as the store's own strings, which
  /// costs no copy of the text.
  public private(set) var outputs = ChunkedLog<String?>()

  public init() {}

  public subscript(id: MessageID) -> Message { messages[Int(id.raw) - 1] }

  /// What message `id` carries beyond one slot: only promise, catchup and chosen messages of a
  /// log cluster carry a report.
  public func report(of id: MessageID) -> Report? { report(in: self[id]) }

  public func report(in message: Message) -> Report? { Self.report(in: message, of: reports) }

  static func report(in message: Message, of reports: some RandomAccessCollection<Report>)
    -> Report?
  {
    switch message.kind {
    case .promise, .catchup, .chosen:
      message.slot < reports.count
        ? reports[reports.index(reports.startIndex, offsetBy: message.slot)] : nil
    case .prepare, .accept, .accepted, .nack: nil
    }
  }

  /// Takes over the storage of `other`, emptied.
  mutating func reuse(_ other: inout Trace) {
    entries.reuse(&other.entries)
    messages.reuse(&other.messages)
  }

  mutating func reserve(messages: Int, entries: Int) {
    self.messages.reserveCapacity(messages)
    self.entries.reserveCapacity(entries)
  }

  mutating func record(_ event: Event, time: Int) {
    entries.append(TraceEntry(event: event, time: Int32(truncatingIfNeeded: time)))
  }

  mutating func register(_ message: Message) -> MessageID {
    messages.append(message)
    return MessageID(raw: UInt32(messages.count))
  }

  mutating func register(_ report: Report) -> Int {
    reports.append(report)
    return reports.count - 1
  }

  mutating func register(output: String?) -> UInt32 {
    outputs.append(output)
    return UInt32(outputs.count - 1)
  }

  mutating func register(partition groups: [[NodeID]]) -> Int {
    partitions.append(groups)
    return partitions.count - 1
  }
}
