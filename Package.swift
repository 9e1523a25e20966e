// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "paxlab",
  products: [
    .executable(name: "paxlab", targets: ["paxlab"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // Pure protocol: no I/O, no clock, no randomness.
    .target(name: "PaxosCore"),
    // Simulated cluster, network, faults, scheduler, invariants, trace.
    .target(name: "PaxosSim", dependencies: ["PaxosCore"]),
    // The model checker: explores every schedule of the simulator's enabled events.
    .target(name: "PaxosCheck", dependencies: ["PaxosSim"]),
    // The one command language shared by `paxlab run`, the REPL and lessons.
    .target(name: "PaxosScript", dependencies: ["PaxosCheck", "PaxosSim"]),
    // The persistent session: its file, replay on opening, recovery of damaged files.
    .target(name: "PaxosSession", dependencies: ["PaxosCheck", "PaxosScript"]),
    // Exports of a run (JSON trace, Mermaid, Graphviz, Markdown), all read from the trace, and
    // loading a JSON trace back.
    .target(name: "PaxosExport", dependencies: ["PaxosScript", "PaxosSession"]),
    // GNU readline for the REPL's line editing, history and completion.
    .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
    .executableTarget(
      name: "paxlab",
      dependencies: [
        "CReadline",
        "PaxosCheck",
        "PaxosExport",
        "PaxosSession",
        "PaxosScript",
        "PaxosSim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Names and ballots the test targets share.
    .target(
      name: "PaxosTestSupport", dependencies: ["PaxosCore", "PaxosScript"],
      path: "Tests/PaxosTestSupport"),
    .testTarget(name: "PaxosCoreTests", dependencies: ["PaxosCore", "PaxosTestSupport"]),
    .testTarget(name: "PaxosSimTests", dependencies: ["PaxosSim", "PaxosTestSupport"]),
    .testTarget(
      name: "PaxosCheckTests", dependencies: ["PaxosCheck", "PaxosScript", "PaxosTestSupport"]),
    .testTarget(
      name: "PaxosScriptTests", dependencies: ["PaxosCheck", "PaxosScript", "PaxosTestSupport"],
      exclude: ["Golden"]),
    .testTarget(name: "PaxosSessionTests", dependencies: ["PaxosSession"]),
    // Round trips, hostile traces, and the exports checked with the real tools.
    .testTarget(
      name: "PaxosExportTests",
      dependencies: ["PaxosExport", "PaxosScript", "PaxosSession", "PaxosTestSupport"],
      exclude: ["Fixtures"]),
    // Runs the built `paxlab` binary as a subprocess; depending on it makes `swift test` build it.
    .testTarget(name: "PaxlabCLITests", dependencies: ["paxlab", "PaxosSim", "PaxosTestSupport"]),
  ]
)
