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
    // The one command language shared by `paxlab run`, the REPL and lessons.
    .target(name: "PaxosScript", dependencies: ["PaxosSim"]),
    // The persistent session: its file, replay on opening, recovery of damaged files.
    .target(name: "PaxosSession", dependencies: ["PaxosScript"]),
    // Mermaid, Graphviz and Markdown renderings of a run, all read from the trace.
    .target(name: "PaxosExport", dependencies: ["PaxosScript"]),
    // GNU readline for the REPL's line editing, history and completion.
    .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
    .executableTarget(
      name: "paxlab",
      dependencies: [
        "CReadline",
        "PaxosSession",
        "PaxosScript",
        "PaxosExport",
        "PaxosSim",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Names and ballots the test targets share.
    .target(name: "PaxosTestSupport", dependencies: ["PaxosCore"], path: "Tests/PaxosTestSupport"),
    .testTarget(name: "PaxosCoreTests", dependencies: ["PaxosCore", "PaxosTestSupport"]),
    .testTarget(name: "PaxosSimTests", dependencies: ["PaxosSim", "PaxosTestSupport"]),
    .testTarget(name: "PaxosScriptTests", dependencies: ["PaxosScript"], exclude: ["Golden"]),
    .testTarget(name: "PaxosSessionTests", dependencies: ["PaxosSession"]),
    // Checks the exports with the real tools: Mermaid's parser in node, Graphviz's dot.
    .testTarget(name: "PaxosExportTests", dependencies: ["PaxosExport"]),
    // Runs the built `paxlab` binary as a subprocess; depending on it makes `swift test` build it.
    .testTarget(name: "PaxlabCLITests", dependencies: ["paxlab", "PaxosSim"]),
  ]
)
