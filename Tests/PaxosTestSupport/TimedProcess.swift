import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension Process {
  /// Starts the process and waits for it, killing it after `timeout` seconds: with SIGKILL,
  /// since a child may inherit the test runner's ignored SIGTERM. Returns whether it ran over
  /// and how long it ran.
  public func runWaiting(timeout: Double) throws -> (timedOut: Bool, seconds: Double) {
    let start = Date()
    try run()
    var timedOut = false
    while isRunning {
      if Date().timeIntervalSince(start) > timeout {
        timedOut = true
        kill(processIdentifier, SIGKILL)
        break
      }
      Thread.sleep(forTimeInterval: 0.01)
    }
    waitUntilExit()
    return (timedOut, Date().timeIntervalSince(start))
  }
}
