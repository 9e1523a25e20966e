import PaxosCheck
import PaxosScript
import PaxosSim
import PaxosTestSupport
import Testing

/// A cluster set up by script lines, and check options changed from the defaults.
struct CheckCase: CustomTestStringConvertible, Sendable {
  var lines: [String]
  var bounds: [CheckOptions.Bound: Int] = [:]

  var testDescription: String { lines.joined(separator: "; ") }

  var cluster: Cluster { Interpreter.running(lines).cluster }

  var options: CheckOptions {
    var options = CheckOptions()
    for (bound, value) in bounds { options[bound] = value }
    return options
  }
}

extension Cluster {
  /// The cluster after `schedule`, each action performed as its command would be.
  func playing(_ schedule: [ClusterAction]) throws -> Cluster {
    var cluster = self
    for action in schedule { try cluster.perform(action) }
    return cluster
  }
}
