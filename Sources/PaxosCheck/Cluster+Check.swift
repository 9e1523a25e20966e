import PaxosSim

extension Cluster {
  /// Explores every schedule of enabled events from this cluster within `options`, breadth
  /// first: the schedule it reports is a shortest one. The cluster is not changed.
  /// `progress` is called after each batch of states; returning false stops the check.
  public func check(
    _ options: CheckOptions, progress: (CheckProgress) -> Bool = { _ in true }
  ) -> CheckResult {
    var search = Search(self, options: options)
    return search.run(progress: progress)
  }
}
