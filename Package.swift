// swift-tools-version: 6.2
import PackageDescription

/// k8sup's library layers, bottom up. Each depends on every layer before it and on none after it, so a
/// reference that runs upward does not compile.
let layers = [
    "K8sUpSupport",  // processes, versions, clock, paths, text
    "PythonParity",  // Python's value model, literals, repr, JSON and shlex, for output Ansible would give
    "K8sUpReaders",  // YAML and JSON
    "K8sUpInventory",  // inventories, host patterns, ranges, variables
    "K8sUpCluster",  // cluster state, the kubectl reader, ssh transport, retries
    "K8sUpPlanning",  // planner, checks, batching, playbooks
    "K8sUpExecution",  // executor, journal, lock, pre-flight
    "K8sUpUseCases",  // plan, apply, status and unlock on typed requests
    "K8sUpCLI",  // argument parsing, help, rendering, exit codes
]

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]
// Swift Testing's macros emit warnings of their own; errors-on-warnings stays on the product code.
let testSettings: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

func targets(_ names: [String]) -> [Target.Dependency] { names.map { .byName(name: $0) } }

/// The layers below `layer`.
func below(_ layer: String) -> [String] { Array(layers.prefix { $0 != layer }) }

func layer(_ name: String) -> Target {
    .target(name: name, dependencies: targets(below(name)), swiftSettings: strictSettings)
}

/// The tests of one layer: they may import that layer and the layers below it, and the shared helpers.
func layerTests(_ layer: String) -> Target {
    .testTarget(
        name: layer + "Tests", dependencies: targets(below(layer) + [layer, "K8sUpTestSupport"]),
        swiftSettings: testSettings)
}

let package = Package(
    name: "k8sup",
    products: [
        .executable(name: "k8sup", targets: ["k8sup"]),
        .executable(name: "k8sim", targets: ["k8sim"]),
    ],
    targets: layers.map(layer) + [
        .executableTarget(name: "k8sup", dependencies: ["K8sUpCLI"], swiftSettings: strictSettings),
        // k8sim: a simulated kubeadm cluster (fake kube-apiserver + node stand-ins) for tests and demos.
        // It shares no behaviour with k8sup: of k8sup's targets it uses only the YAML/JSON reader, and the two
        // targets whose types that reader's API is made of (`SourceLocation`, `DataValue`, `DataMapping`).
        .target(
            name: "K8sSimKit", dependencies: ["K8sUpSupport", "PythonParity", "K8sUpReaders"],
            swiftSettings: strictSettings),
        .executableTarget(name: "k8sim", dependencies: ["K8sSimKit"], swiftSettings: strictSettings),

        // Helpers every test target shares: paths, fixtures, golden files, fake runners and clocks, the
        // built binaries' runner, and the fixtures of plans, executors, locks and simulated nodes.
        .target(
            name: "K8sUpTestSupport", dependencies: targets(layers + ["K8sSimKit"]), path: "Tests/K8sUpTestSupport",
            exclude: ["Fixtures", "Golden"], swiftSettings: testSettings),
        // Tests per layer: each sees its layer and those below it, as the layer itself does.
        layerTests("K8sUpSupport"),
        layerTests("PythonParity"),
        layerTests("K8sUpReaders"),
        layerTests("K8sUpInventory"),
        layerTests("K8sUpCluster"),
        layerTests("K8sUpPlanning"),
        layerTests("K8sUpExecution"),
        layerTests("K8sUpUseCases"),
        layerTests("K8sUpCLI"),
        .testTarget(
            name: "K8sSimKitTests",
            // The built k8sim (its node stand-ins run as programs), and k8sup's layers up to execution: some
            // tests check that what k8sim prints is what k8sup's readers read (its inventory reader, kubectl
            // looks, systemctl and pre-flight output).
            dependencies: targets(["K8sSimKit", "k8sim"] + below("K8sUpUseCases") + ["K8sUpTestSupport"]),
            swiftSettings: testSettings),
        // The built k8sup and k8sim with real kubectl against k8sim, end to end.
        .testTarget(
            name: "EndToEndTests", dependencies: targets(layers + ["K8sSimKit", "k8sup", "k8sim", "K8sUpTestSupport"]),
            swiftSettings: testSettings),
        // Mutated and generated inputs for every reader of k8sup and k8sim.
        .testTarget(
            name: "FuzzTests", dependencies: targets(layers + ["K8sSimKit", "K8sUpTestSupport"]),
            swiftSettings: testSettings),
    ],
    swiftLanguageModes: [.v6]
)
