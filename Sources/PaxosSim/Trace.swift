import PaxosCore

/// The history of a run: every message ever sent and every event, in order.
public struct Trace: Hashable, Sendable {
  public private(set) var entries = ChunkedLog<TraceEntry>()
  /// `messages[id - 1]` is message `#id`.
  public private(set) var messages = ChunkedLog<Message>()
  /// The sides of each partition, in the order partitions were made.
  public private(set) var partitions: [[[NodeID]]] = []

  public init() {}

  public subscript(id: MessageID) -> Message { messages[Int(id.raw) - 1] }

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

  mutating func register(partition groups: [[NodeID]]) -> Int {
    partitions.append(groups)
    return partitions.count - 1
  }
}
