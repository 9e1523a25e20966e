import PaxosCore

/// A learner's copy of the key-value store, and how far it applied the log. It lives on the
/// learner's disk: a recovered learner resumes where it stopped.
public struct Replica: Hashable, Sendable, EmptyInitializable {
  /// Slots 1 through `appliedIndex` are all applied.
  public internal(set) var appliedIndex = 0
  /// Slots applied above `appliedIndex`: only `skip-gaps` applies past a gap.
  public internal(set) var appliedAbove: Set<Int> = []
  public internal(set) var store: [String: String] = [:]
  /// The slot each request was first applied in, by request, zero for none: later copies are
  /// skipped.
  var appliedRequests = ChunkedLog<Int32>()
  /// How many slots it applied, in the order it applied them: its position in the applied log.
  public internal(set) var appliedCount = 0

  public init() {}

  /// The slot it first applied `command` in, if any.
  public func firstSlot(of command: ValueID) -> Int? {
    let request = Int(command.raw)
    guard !command.isNoop, request < appliedRequests.count, appliedRequests[request] > 0 else {
      return nil
    }
    return Int(appliedRequests[request])
  }

  mutating func noteApplied(_ command: ValueID, in slot: Int) {
    guard !command.isNoop else { return }
    appliedRequests.grow(to: Int(command.raw) + 1, with: 0)
    appliedRequests[Int(command.raw)] = Int32(truncatingIfNeeded: slot)
  }

  public func hasApplied(_ slot: Int) -> Bool {
    slot <= appliedIndex || appliedAbove.contains(slot)
  }

  mutating func markApplied(_ slot: Int) {
    appliedCount += 1
    if slot == appliedIndex + 1 {
      appliedIndex = slot
      while appliedAbove.remove(appliedIndex + 1) != nil { appliedIndex += 1 }
    } else {
      appliedAbove.insert(slot)
    }
  }

  /// Carries out a command on the store; returns its reply.
  mutating func perform(_ command: ClientCommand) -> ClientRequest.Reply {
    switch command.operation {
    case .put:
      store[command.key] = command.argument ?? ""
      return .ok
    case .append:
      store[command.key, default: ""] += command.argument ?? ""
      return .ok
    case .get:
      return .value(store[command.key])
    }
  }
}
