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

  private mutating func noteApplied(_ command: ValueID, in slot: Int) {
    guard !command.isNoop else { return }
    appliedRequests.grow(to: Int(command.raw) + 1, with: 0)
    appliedRequests[Int(command.raw)] = Int32(truncatingIfNeeded: slot)
  }

  public func hasApplied(_ slot: Int) -> Bool {
    slot <= appliedIndex || appliedAbove.contains(slot)
  }

  private mutating func markApplied(_ slot: Int) {
    appliedCount += 1
    if slot == appliedIndex + 1 {
      appliedIndex = slot
      while !appliedAbove.isEmpty, appliedAbove.remove(appliedIndex + 1) != nil {
        appliedIndex += 1
      }
    } else {
      appliedAbove.insert(slot)
    }
  }

  /// What applying one slot did.
  struct Applied {
    /// Its place in the order this replica applied slots, from zero.
    var position: Int
    /// The slot it first applied the same request in, when this is a copy.
    var firstSlot: Int?
    /// The store's reply; nil for a no-op or a copy skipped.
    var reply: ClientRequest.Reply?
    /// The value the command left or read (nil: none); nil too when it did nothing.
    var output: String?
    /// Keys the command added to the store.
    var keysAdded = 0
  }

  /// Applies a slot: its command runs on the store unless it is a no-op, or a copy of a request
  /// applied before (which runs again only when `applyingCopies`, the no-dedup switch).
  mutating func apply(_ vote: SlotVote, command: ClientCommand?, applyingCopies: Bool)
    -> Applied
  {
    var applied = Applied(position: appliedCount, firstSlot: firstSlot(of: vote.command))
    markApplied(vote.slot)
    guard let command, applied.firstSlot == nil || applyingCopies else { return applied }
    let keys = store.count
    let reply = perform(command)
    applied.keysAdded = store.count - keys
    if applied.firstSlot == nil { noteApplied(vote.command, in: vote.slot) }
    applied.reply = reply
    applied.output = store[command.key]
    return applied
  }

  /// Carries out a command on the store; returns its reply.
  private mutating func perform(_ command: ClientCommand) -> ClientRequest.Reply {
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
