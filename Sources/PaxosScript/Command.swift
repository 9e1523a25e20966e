import PaxosCore
import PaxosSim

/// One line of the language, parsed.
public enum Command: Hashable, Sendable {
  case cluster(acceptors: Int, proposers: Int, learners: Int)
  case add(Roles, [NodeID])
  case reset
  case propose(NodeID, String)
  case prepare(NodeID, round: Int, value: String?)
  case timeout(NodeID)
  case deliver(MessageSelector)
  case deliverAll
  case drop(MessageSelector)
  case duplicate(MessageSelector)
  case crash([NodeID])
  case recover([NodeID])
  case partition([[NodeID]])
  case heal
  case run(steps: Int, seed: UInt64?)
  case setBugs(Set<Bug>)
  case setBackoff(Backoff)
  case setTimeout(Int)
  case status
  case help(String?)
  case expect(Expectation)
}

extension Command {
  /// The command word the line started with, for usage hints.
  public var word: CommandWord {
    switch self {
    case .cluster: .cluster
    case .add: .add
    case .reset: .reset
    case .propose: .propose
    case .prepare: .prepare
    case .timeout: .timeout
    case .deliver, .deliverAll: .deliver
    case .drop: .drop
    case .duplicate: .duplicate
    case .crash: .crash
    case .recover: .recover
    case .partition: .partition
    case .heal: .heal
    case .run: .run
    case .setBugs, .setBackoff, .setTimeout: .set
    case .status: .status
    case .help: .help
    case .expect: .expect
    }
  }
}

/// What an `expect` line checks.
public enum Expectation: Hashable, Sendable {
  case chosen(String?)
  case learned(NodeID, String?)
  case decided(NodeID, String?)
  case promised(NodeID, Ballot?)
  case accepted(NodeID, Ballot?, String?)
  case inFlight(Int)
  case safe
  case violation
}
