// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "k8sup",
    products: [
        .executable(name: "k8sup", targets: ["k8sup"]),
        .executable(name: "k8sim", targets: ["k8sim"]),
    ],
    targets: [
        .executableTarget(
            name: "k8sup",
            dependencies: ["K8sUpKit"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "K8sUpKit",
            swiftSettings: strictSettings
        ),
        // k8sim: a simulated kubeadm cluster (fake kube-apiserver + node stand-ins) for tests and demos.
        .executableTarget(
            name: "k8sim",
            dependencies: ["K8sSimKit"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "K8sSimKit",
            dependencies: ["K8sUpKit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "K8sUpKitTests",
            dependencies: ["K8sUpKit", "k8sup", "K8sSimKit", "k8sim"],
            exclude: ["Golden"],
            resources: [.copy("Fixtures")],
            // Swift Testing's macros emit warnings of their own; errors-on-warnings stays on the product code.
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
