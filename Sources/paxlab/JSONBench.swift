import Glibc
import PaxosExport
import PaxosScript
import PaxosSession

/// The JSON trace's figures: time to export a run of about 100,000 events and to load it back
/// (read, replay, compare), and the memory each needs beyond what was there before, as a
/// multiple of the trace file's size.
enum JSONBench {
  struct Figures {
    var events: Int
    var bytes: Int
    var exportSeconds: Double
    var loadSeconds: Double
    var exportPeakBytes: Int
    var loadPeakBytes: Int
  }

  /// The long-run cluster of `measureLongRun`, run until it has `events` events.
  static func run(events target: Int) -> Interpreter {
    var interpreter = Interpreter()
    for line in ["cluster 5 3 1", "set backoff random 20", "set timeout 60"] {
      _ = interpreter.execute(line)
    }
    var attempt = 0
    while interpreter.cluster.trace.entries.count < target {
      attempt += 1
      for proposer in 1...3 { _ = interpreter.execute("propose p\(proposer) v\(attempt)") }
      let left = target - interpreter.cluster.trace.entries.count
      _ = interpreter.execute("run steps=\(max(1, min(100_000, left / 2))) seed=\(attempt)")
    }
    return interpreter
  }

  static func measure(events target: Int, repetitions: Int) throws -> Figures {
    let interpreter = run(events: target)
    let clock = ContinuousClock()
    // Memory first, in a process that has not yet freed (and so cannot reuse) such buffers.
    var bytes: [UInt8] = []
    let exportPeak = peakGrowth { bytes = TraceEncoder.encode(interpreter) }
    var loaded: LoadedTrace?
    let loadPeak = try peakGrowth { loaded = try TraceImport.load(bytes) }
    guard loaded?.interpreter.cluster == interpreter.cluster else {
      throw BenchFailure(description: "the loaded trace's cluster differs from the exported one")
    }
    loaded = nil
    var exportTimes: [Double] = []
    var loadTimes: [Double] = []
    for _ in 0..<repetitions {
      exportTimes.append(clock.measure { bytes = TraceEncoder.encode(interpreter) }.seconds)
      var error: TraceError?
      loadTimes.append(clock.measure {
        do throws(TraceError) { _ = try TraceImport.load(bytes) } catch let caught { error = caught }
      }.seconds)
      if let error { throw error }
    }
    return Figures(
      events: interpreter.cluster.trace.entries.count, bytes: bytes.count,
      exportSeconds: median(exportTimes), loadSeconds: median(loadTimes),
      exportPeakBytes: exportPeak, loadPeakBytes: loadPeak)
  }

  private static func median(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.sorted()[values.count / 2]
  }

  /// How far the process's peak resident memory rose above its resident memory before `body`.
  static func peakGrowth(_ body: () throws -> Void) rethrows -> Int {
    let before = BenchCommand.residentBytes()
    resetPeak()
    try body()
    return max(0, peakResidentBytes() - before)
  }

  /// Writing 5 to clear_refs sets the peak (VmHWM) back to the current resident size (Linux).
  private static func resetPeak() {
    let descriptor = open("/proc/self/clear_refs", O_WRONLY)
    guard descriptor >= 0 else { return }
    _ = write(descriptor, "5", 1)
    close(descriptor)
  }

  private static func peakResidentBytes() -> Int {
    guard let bytes = try? FileSystem.read("/proc/self/status") else { return 0 }
    let text = String(decoding: bytes, as: UTF8.self)
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return 0 }
    return kilobytes * 1024
  }
}

struct BenchFailure: Error, CustomStringConvertible {
  let description: String
}
