import PaxosCore

/// What survives a crash: the state each role writes before replying.
public struct Disk: Hashable, Sendable {
  public var acceptor = AcceptorState()
  public var proposerRound = 0
  /// In a log cluster: the acceptor's vote in each slot, `votes[slot - 1]`.
  public var votes: ChunkedLog<SlotVote?> {
    _read { yield log.value.votes }
    _modify { yield &log.value.votes }
  }
  /// In a log cluster: the slots the learner learned, and its store.
  public var learned: ChunkedLog<SlotVote?> {
    _read { yield log.value.learned }
    _modify { yield &log.value.learned }
  }
  public var replica: Replica {
    _read { yield log.value.replica }
    _modify { yield &log.value.replica }
  }
  private var log = LogState<LogDisk>()

  /// Whether anything of a log cluster was ever written here.
  var holdsLog: Bool { !log.isUnused }

  /// Works on the log in place: a plain read copies it out of the box it lives in.
  private mutating func inLog<Result>(_ body: (inout LogDisk) -> Result) -> Result {
    body(&log.value)
  }

  /// An acceptor keeps its vote in a slot.
  mutating func record(vote: SlotVote) {
    inLog { log in
      log.votes.grow(to: vote.slot, with: nil)
      log.votes[vote.slot - 1] = vote
    }
  }

  /// A learner keeps a slot it learned; returns the slot it must apply next.
  mutating func record(learned vote: SlotVote) -> Int {
    inLog { log in
      log.learned.grow(to: vote.slot, with: nil)
      log.learned[vote.slot - 1] = vote
      return log.replica.appliedIndex + 1
    }
  }

  /// The slot to apply next, when it is learned. Mutating only to read the log in place.
  mutating func nextInOrder() -> SlotVote? {
    inLog { log in
      let next = log.replica.appliedIndex
      return next < log.learned.count ? log.learned[next] : nil
    }
  }

  struct LogDisk: Hashable, Sendable, EmptyInitializable {
    var votes = ChunkedLog<SlotVote?>()
    var learned = ChunkedLog<SlotVote?>()
    var replica = Replica()
  }
}

/// A simulated machine: its roles, whether it is up, its disk and its retry timer.
public struct Node: Hashable, Sendable {
  public internal(set) var id: NodeID
  public let roles: Roles
  public internal(set) var isUp = true
  public internal(set) var disk = Disk()
  /// With `reply-first`: the acceptor state already told to others but not yet on the disk.
  /// It is written when the acceptor takes its next message, and lost if it crashes first.
  public internal(set) var unwritten: AcceptorState?
  /// With `reply-first` in a log cluster: the slot vote not yet on the disk.
  public internal(set) var unwrittenVote: SlotVote?
  public internal(set) var acceptor: Acceptor?
  public internal(set) var proposer: Proposer?
  public internal(set) var learner: Learner?
  /// The time at which the proposer's retry timer is set to fire, whether or not it can.
  var timer: Int?
  /// Which side of the partition the node is on; all nodes share side 0 when there is none.
  public internal(set) var side = 0

  init(id: NodeID, roles: Roles) {
    self.id = id
    self.roles = roles
    restart()
  }

  /// Rebuilds every role from the disk: what a crash leaves and a recovery starts from.
  mutating func restart() {
    // A single-decree disk holds no log: nothing to read back for it.
    let log = disk.holdsLog
    acceptor =
      roles.contains(.acceptor)
      ? Acceptor(id: id, state: disk.acceptor, votes: log ? disk.votes : ChunkedLog()) : nil
    proposer = roles.contains(.proposer) ? Proposer(id: id, highestRound: disk.proposerRound) : nil
    learner =
      roles.contains(.learner) ? Learner(id: id, slots: log ? disk.learned : ChunkedLog()) : nil
    timer = nil
    unwritten = nil
    unwrittenVote = nil
  }

  /// The time at which the proposer's retry timer fires; nil when it is not armed, or when the
  /// proposer has no round left to retry with: every view then agrees that no retry will come.
  public var retryAt: Int? {
    guard let timer, proposer?.nextRound != nil else { return nil }
    return timer
  }
}
