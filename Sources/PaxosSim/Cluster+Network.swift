import PaxosCore

/// Which message in flight a command means.
public enum MessageSelector: Hashable, Sendable {
  case oldest
  case id(MessageID)
  /// The oldest message on the link from one node to another.
  case link(from: NodeID, to: NodeID)
}

extension Cluster {
  public mutating func deliver(_ selector: MessageSelector) throws(ClusterError) {
    deliver(at: try position(of: selector))
  }

  /// Delivers the oldest message until none is in flight, or until the trace is full; returns
  /// how many were delivered. Oldest first is first in, first out: whatever is sent meanwhile
  /// goes to the end, so the array is walked in order and the delivered ones are removed once
  /// at the end, instead of shifting the whole array at each delivery.
  @discardableResult
  public mutating func deliverAll() -> Int {
    var delivered = 0
    while delivered < inFlight.count, !traceIsFull {
      arrive(inFlight[delivered])
      delivered += 1
    }
    inFlight.removeFirst(delivered)
    return delivered
  }

  public mutating func drop(_ selector: MessageSelector) throws(ClusterError) {
    let id = inFlight.remove(at: try position(of: selector))
    beginStep()
    record(.dropped(id))
  }

  /// Puts a second copy of a message in flight, under a new ID.
  public mutating func duplicate(_ selector: MessageSelector) throws(ClusterError) {
    let original = inFlight[try position(of: selector)]
    beginStep()
    let copy = trace.register(trace[original])
    inFlight.append(copy)
    record(.duplicated(original, copy: copy))
  }

  /// Where the selected message sits in `inFlight`, or an error listing what is there.
  public func position(of selector: MessageSelector) throws(ClusterError) -> Int {
    switch selector {
    case .oldest:
      guard !inFlight.isEmpty else { throw Self.nothingInFlight }
      return 0
    case .id(let id):
      guard let position = binarySearch(id) else {
        let known = id.raw > 0 && Int(id.raw) <= trace.messages.count
        throw ClusterError(
          (known ? "message \(id) is no longer in flight" : "no message \(id) was ever sent")
            + "; \(inFlightSummary)", hint: netHint)
      }
      return position
    case .link(let from, let to):
      guard
        let position = inFlight.firstIndex(where: { trace[$0].from == from && trace[$0].to == to })
      else {
        throw ClusterError(
          "no message in flight from \(from) to \(to); \(inFlightSummary)", hint: netHint)
      }
      return position
    }
  }

  public static let nothingInFlight = ClusterError(
    "no message in flight",
    hint: "a proposer sends messages when it proposes ('propose P VALUE') or retries ('timeout P')")

  /// Where to look for a message that is not where the command said.
  private var netHint: String {
    inFlight.isEmpty
      ? Self.nothingInFlight.hint ?? "" : "'net' lists the messages in flight with their links"
  }

  /// "in flight: #3 #5", shortened when there are many.
  public var inFlightSummary: String {
    guard !inFlight.isEmpty else { return "nothing is in flight" }
    let shown = inFlight.prefix(12).map(\.description).joined(separator: " ")
    return "in flight: " + shown + (inFlight.count > 12 ? " ... (\(inFlight.count) in all)" : "")
  }

  private func binarySearch(_ id: MessageID) -> Int? {
    var low = 0
    var high = inFlight.count
    while low < high {
      let middle = (low + high) / 2
      if inFlight[middle] < id { low = middle + 1 } else { high = middle }
    }
    return low < inFlight.count && inFlight[low] == id ? low : nil
  }
}
