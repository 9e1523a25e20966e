import Glibc
import PaxosSession

/// The process's memory, from /proc (Linux).
enum MemoryProbe {
  /// Resident memory now: the second field of /proc/self/statm, in pages.
  static func residentBytes() -> Int {
    guard let bytes = try? FileSystem.read("/proc/self/statm") else { return 0 }
    let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ")
    guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
  }

  /// How far the peak resident memory rose above the resident memory before `body`.
  static func peakGrowth(_ body: () throws -> Void) rethrows -> Int {
    let before = residentBytes()
    resetPeak()
    try body()
    return max(0, peakResidentBytes() - before)
  }

  /// Writing 5 to clear_refs sets the peak (VmHWM) back to the current resident size.
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
