/// The bounds of one check: how long a schedule may be, how many faults of each kind one
/// schedule may contain, and how much work to do.
public struct CheckOptions: Hashable, Sendable {
  /// The most events in one schedule.
  public var depth = 10
  public var drops = 0
  public var duplicates = 0
  public var crashes = 1
  public var recoveries = 1
  /// Timeouts start new rounds: this bounds the ballots.
  public var timeouts = 1
  /// The most distinct states to visit before stopping.
  public var states = 1_000_000
  public var workers = 1
  /// Treat acceptors with the same roles as interchangeable.
  public var symmetry = false

  public init() {}

  /// The largest value each bound takes: a fault budget is kept in 6 bits of a state.
  public static let maxBudget = 63
  public static let maxDepth = 1_000
  public static let maxStates = 500_000_000
  public static let maxWorkers = 64

  /// The numeric options, by their names in `check` and `paxlab check`, in the order
  /// `help check` lists them.
  public enum Bound: String, CaseIterable, Hashable, Sendable {
    case depth, drops, duplicates, crashes, recoveries, timeouts, states, workers

    /// The largest value the option takes.
    public var max: Int {
      switch self {
      case .depth: CheckOptions.maxDepth
      case .drops, .duplicates, .crashes, .recoveries, .timeouts: CheckOptions.maxBudget
      case .states: CheckOptions.maxStates
      case .workers: CheckOptions.maxWorkers
      }
    }

    /// The smallest: a check needs at least one state and one worker.
    public var min: Int {
      switch self {
      case .states, .workers: 1
      default: 0
      }
    }
  }

  public subscript(bound: Bound) -> Int {
    get {
      switch bound {
      case .depth: depth
      case .drops: drops
      case .duplicates: duplicates
      case .crashes: crashes
      case .recoveries: recoveries
      case .timeouts: timeouts
      case .states: states
      case .workers: workers
      }
    }
    set {
      switch bound {
      case .depth: depth = newValue
      case .drops: drops = newValue
      case .duplicates: duplicates = newValue
      case .crashes: crashes = newValue
      case .recoveries: recoveries = newValue
      case .timeouts: timeouts = newValue
      case .states: states = newValue
      case .workers: workers = newValue
      }
    }
  }

  /// The fault budgets as the result line names them: `drops=0 duplicates=0 ...`.
  public var budgetSummary: String {
    "drops=\(drops) duplicates=\(duplicates) crashes=\(crashes) recoveries=\(recoveries)"
      + " timeouts=\(timeouts)"
  }
}
