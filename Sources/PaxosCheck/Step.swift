import PaxosSim

/// One event the checker tries, named by what it acts on: a message by its content's number in
/// the checker's table (any copy of it will do), a node by its position in the cluster.
struct Step: Hashable, Sendable {
  enum Kind: UInt8, Sendable {
    case deliver, drop, duplicate, crash, recover, timeout
  }

  var kind: Kind
  var argument: UInt32
}

/// The faults one schedule has used so far, six bits a kind in one word of its state.
struct Budgets: Hashable, Sendable {
  var word: UInt32

  private static func shift(_ kind: Step.Kind) -> UInt32 {
    switch kind {
    case .deliver, .drop: 0
    case .duplicate: 6
    case .crash: 12
    case .recover: 18
    case .timeout: 24
    }
  }

  func used(_ kind: Step.Kind) -> Int {
    kind == .deliver ? 0 : Int(word >> Self.shift(kind) & 63)
  }

  /// Whether one more `kind` fits in `options`' budget for it; deliveries are never counted.
  func allows(_ kind: Step.Kind, in options: CheckOptions) -> Bool {
    let budget =
      switch kind {
      case .deliver: 1
      case .drop: options.drops
      case .duplicate: options.duplicates
      case .crash: options.crashes
      case .recover: options.recoveries
      case .timeout: options.timeouts
      }
    return used(kind) < budget
  }

  func spending(_ kind: Step.Kind) -> Budgets {
    kind == .deliver ? self : Budgets(word: word + 1 << Self.shift(kind))
  }
}

/// How a state is laid out in words: the numbers of its nodes, of its record and of the budgets
/// used, then the numbers of the messages in flight, sorted (the network is a multiset).
struct StateLayout: Sendable {
  let nodeCount: Int
  var record: Int { nodeCount }
  var budgets: Int { nodeCount + 1 }
  var network: Int { nodeCount + 2 }
}
