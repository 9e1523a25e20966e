import PaxosSim

extension Cluster {
  /// The times at which a quorum accepted a command in `slot`: its choice, then each "chosen
  /// again", as the trace recorded them.
  func choiceTimes(inSlot slot: Int) -> [Int] {
    trace.entries.compactMap { entry in
      guard case .chosenSlot(let vote) = entry.event, vote.slot == slot else { return nil }
      return Int(entry.time)
    }
  }
}
