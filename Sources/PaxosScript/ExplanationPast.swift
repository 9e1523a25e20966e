import PaxosCore
import PaxosSim

/// What a proposer was doing at some point of the trace, read back from its events.
enum PastAttempt: Equatable {
  case idle
  case preparing(Ballot)
  case awaitingValue(Ballot)
  case accepting(Ballot, ValueID)
  case decided(ValueID, Ballot)
  case abandoned(Ballot, outbidBy: Ballot)
  /// In a log cluster: its phase 1 succeeded and it fills slots under the ballot.
  case leading(Ballot)
  /// Its last event lies beyond what `explain` reads.
  case unknown
}

/// What nodes held just before this event, read back from the trace: an event is explained as
/// things stood then, not as they stand now.
extension EventContext {
  /// The entries before this event, newest first, as far back as `explain` reads.
  private var earlier: StrideThrough<Int> {
    stride(from: index - 1, through: max(0, index - Self.promiseLookback), by: -1)
  }

  /// Whether the walk back reached the start of the trace.
  private var readsWholeTrace: Bool { index <= Self.promiseLookback }

  /// What `proposer` was doing just before this event.
  func attempt(of proposer: NodeID) -> PastAttempt {
    for position in earlier {
      switch cluster.trace.entries[position].event {
      case .startedPhase1(let ballot) where ballot.proposer == proposer:
        return .preparing(ballot)
      case .awaitingValue(let ballot) where ballot.proposer == proposer:
        return .awaitingValue(ballot)
      case .startedPhase2(let ballot, let value, _) where ballot.proposer == proposer:
        return .accepting(ballot, value)
      case .decided(let value, let ballot) where ballot.proposer == proposer:
        return .decided(value, ballot)
      case .abandoned(let ballot, let higher) where ballot.proposer == proposer:
        return .abandoned(ballot, outbidBy: higher)
      case .leads(let ballot, _) where ballot.proposer == proposer:
        return .leading(ballot)
      case .recovered(proposer):
        return .idle
      default:
        continue
      }
    }
    return readsWholeTrace ? .idle : .unknown
  }

  /// The replies of `kind` about `ballot` delivered to `node` up to `last` (this event, unless
  /// told otherwise), one per acceptor, oldest first: walking back to where the ballot's phase 1
  /// began, or to the node's last restart, which forgot what it had counted.
  func received(_ kind: MessageKind, for ballot: Ballot, by node: NodeID, through last: Int? = nil)
    -> [Message]
  {
    let entries = cluster.trace.entries
    let last = last ?? index
    var replies: [Message] = []
    for position in stride(from: last, through: max(0, last - Self.promiseLookback), by: -1) {
      switch entries[position].event {
      case .startedPhase1(ballot), .recovered(node):
        return replies.reversed()
      case .delivered(let id):
        let message = cluster.trace[id]
        if message.kind == kind, message.ballot == ballot, message.to == node,
          !replies.contains(where: { $0.from == message.from })
        {
          replies.append(message)
        }
      default:
        continue
      }
    }
    return replies.reversed()
  }

  /// The value the proposer of `ballot` proposed under it before this event, and where.
  func proposed(under ballot: Ballot) -> (value: ValueID, position: Int)? {
    for position in earlier {
      switch cluster.trace.entries[position].event {
      case .startedPhase2(ballot, let value, _): return (value, position)
      case .startedPhase1(ballot): return nil
      default: continue
      }
    }
    return nil
  }

  /// What `acceptor`'s disk held just before this event: what it last wrote or read there.
  func diskThen(of acceptor: NodeID) -> AcceptorState {
    for position in earlier {
      switch cluster.trace.entries[position].event {
      case .persistedAcceptor(acceptor, let state), .restoredAcceptor(acceptor, let state):
        return state
      default:
        continue
      }
    }
    return readsWholeTrace ? AcceptorState() : cluster.node(acceptor)?.disk.acceptor ?? .init()
  }

  /// The highest ballot `acceptor` had told others it promised, just before this event: a
  /// promise or an acceptance it sent, or what it read from its disk on recovering.
  func promiseThen(of acceptor: NodeID) -> Ballot {
    var promised = Ballot.zero
    for position in earlier {
      switch cluster.trace.entries[position].event {
      case .sent(let id):
        let message = cluster.trace[id]
        if message.from == acceptor, message.kind == .promise || message.kind == .accepted {
          promised = max(promised, message.ballot)
        }
      case .restoredAcceptor(acceptor, let state):
        return max(promised, state.minProposal)
      default:
        continue
      }
    }
    return promised
  }
}
