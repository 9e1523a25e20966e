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
  public var reports: ChunkedLog<Report> { log.value.reports }
  /// In a log cluster: the value a command left or read each time a learner applied one, nil
  /// for none; `Cluster.output(of:)` says it in words. Kept as the store's own strings, which
  /// costs no copy of the text.
  public var outputs: ChunkedLog<String?> { log.value.outputs }
  /// Both, boxed: a single-decree trace holds one empty pointer for them.
  private var log = LogState<TraceLog>()

  struct TraceLog: Hashable, Sendable, EmptyInitializable {
    var reports = ChunkedLog<Report>()
    var outputs = ChunkedLog<String?>()
  }

  public init() {}

  public subscript(id: MessageID) -> Message { messages[Int(id.raw) - 1] }

  /// What message `id` carries beyond one slot: only promise, catchup and chosen messages of a
  /// log cluster carry a report.
  public func report(of id: MessageID) -> Report? { report(in: self[id]) }

  public func report(in message: Message) -> Report? {
    // Most messages carry none: the reports are not even looked at for them.
    guard Self.carriesReport(message) else { return nil }
    return Self.report(in: message, of: reports)
  }

  static func carriesReport(_ message: Message) -> Bool {
    switch message.kind {
    case .promise, .catchup, .chosen: true
    case .prepare, .accept, .accepted, .nack: false
    }
  }

  static func report(in message: Message, of reports: some RandomAccessCollection<Report>)
    -> Report?
  {
    guard carriesReport(message), message.slot < reports.count else { return nil }
    return reports[reports.index(reports.startIndex, offsetBy: message.slot)]
  }

  /// Takes over the storage of `other`, emptied.
  mutating func reuse(_ other: inout Trace) {
    entries.reuse(&other.entries)
    messages.reuse(&other.messages)
  }

  /// Forgets every event, message, report and output, keeping their storage: the model
  /// checker steps a cluster without a history, whose messages in flight it registers afresh.
  mutating func removeHistory() {
    entries.removeAllKeepingCapacity()
    messages.removeAllKeepingCapacity()
    guard !log.isUnused else { return }
    log.value.reports.removeAllKeepingCapacity()
    log.value.outputs.removeAllKeepingCapacity()
  }

  /// Forgets what came after the first `messages` messages and `reports` reports, and every
  /// event and output: the model checker takes back a step it tried.
  mutating func truncate(messages: Int, reports: Int) {
    entries.removeAllKeepingCapacity()
    self.messages.truncate(to: messages)
    guard !log.isUnused else { return }
    log.value.reports.truncate(to: reports)
    log.value.outputs.removeAllKeepingCapacity()
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
    log.value.reports.append(report)
    return log.value.reports.count - 1
  }

  mutating func register(output: String?) -> UInt32 {
    log.value.outputs.append(output)
    return UInt32(log.value.outputs.count - 1)
  }

  mutating func register(partition groups: [[NodeID]]) -> Int {
    partitions.append(groups)
    return partitions.count - 1
  }
}
