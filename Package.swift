// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]

/// A library layer of k8sup. Each may import only the layers listed as its dependencies (all below
/// it), so a reference that runs upward does not compile.
func layer(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .target(name: name, dependencies: dependencies, swiftSettings: strictSettings)
}

let package = Package(
    name: "k8sup",
    products: [
        .executable(name: "k8sup", targets: ["k8sup"]),
        .executable(name: "k8sim", targets: ["k8sim"]),
    ],
    targets: [
        // Layers of k8sup, bottom up.
        layer("K8sUpSupport", []),
        layer("PythonParity", ["K8sUpSupport"]),
        layer("K8sUpReaders", ["K8sUpSupport", "PythonParity"]),
        layer("K8sUpInventory", ["K8sUpSupport", "PythonParity", "K8sUpReaders"]),
        layer("K8sUpCluster", ["K8sUpSupport", "PythonParity", "K8sUpReaders", "K8sUpInventory"]),
        layer("K8sUpPlanning", ["K8sUpSupport", "PythonParity", "K8sUpReaders", "K8sUpInventory", "K8sUpCluster"]),
        layer(
            "K8sUpExecution",
            ["K8sUpSupport", "PythonParity", "K8sUpReaders", "K8sUpInventory", "K8sUpCluster", "K8sUpPlanning"]),
        layer(
            "K8sUpUseCases",
            [
                "K8sUpSupport", "PythonParity", "K8sUpReaders", "K8sUpInventory", "K8sUpCluster", "K8sUpPlanning",
                "K8sUpExecution",
            ]),
        layer(
            "K8sUpCLI",
            [
                "K8sUpSupport", "PythonParity", "K8sUpReaders", "K8sUpInventory", "K8sUpCluster", "K8sUpPlanning",
                "K8sUpExecution", "K8sUpUseCases",
            ]),
        .executableTarget(name: "k8sup", dependencies: ["K8sUpCLI"], swiftSettings: strictSettings),
        // k8sim: a simulated kubeadm cluster (fake kube-apiserver + node stand-ins) for tests and demos.
        .executableTarget(name: "k8sim", dependencies: ["K8sSimKit"], swiftSettings: strictSettings),
        // It shares no behaviour with k8sup: of k8sup's targets it uses only the YAML/JSON reader, and the two
        // targets whose types that reader's API is made of (`SourceLocation`, `DataValue`, `DataMapping`).
        layer("K8sSimKit", ["K8sUpReaders", "K8sUpSupport", "PythonParity"]),
        .testTarget(
            name: "K8sUpKitTests",
            dependencies: [
                "K8sUpSupport", "PythonParity", "K8sUpReaders", "K8sUpInventory", "K8sUpCluster", "K8sUpPlanning",
                "K8sUpExecution", "K8sUpUseCases", "K8sUpCLI", "k8sup", "K8sSimKit", "k8sim",
            ],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")],
            // Swift Testing's macros emit warnings of their own; errors-on-warnings stays on the product code.
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
