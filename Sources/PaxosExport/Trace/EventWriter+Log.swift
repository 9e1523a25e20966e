import PaxosCore
import PaxosSim

/// The events and violations only a log cluster records.
extension EventWriter {
  func logEvent(_ event: Event, _ writer: inout JSONByteWriter) {
    writer.raw("log\"")
  }

  func logViolation(_ violation: Violation, _ writer: inout JSONByteWriter) {
    writer.raw("violation\", \"violation\": \"log\"")
  }
}
