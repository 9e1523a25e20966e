import PaxosCore

/// A learner's copy of the key-value store, and how far it applied the log. It lives on the
/// learner's disk: a recovered learner resumes where it stopped.
public struct Replica: Hashable, Sendable {
  /// Slots 1 through `appliedIndex` are all applied.
  public internal(set) var appliedIndex = 0
  /// Slots applied above `appliedIndex`: only `skip-gaps` applies past a gap.
  public internal(set) var appliedAbove: Set<Int> = []
  public internal(set) var store: [String: String] = [:]
  /// The slot each request was first applied in, to skip later copies.
  public internal(set) var appliedRequests: [ValueID: Int] = [:]
  /// How many slots it applied, in the order it applied them: its position in the applied log.
  public internal(set) var appliedCount = 0

  public init() {}

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
