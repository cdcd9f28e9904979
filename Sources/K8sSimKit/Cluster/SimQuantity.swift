import Foundation

/// A Kubernetes resource quantity as k8sim reads it from its own objects: `250m`, `2`, `1.5`, `128Mi`,
/// `1G`, `1e3`. Enough of the format for requests and allocatable.
enum SimQuantity {
    private static let factors: [String: Double] = [
        "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "Ki": 1024, "Mi": 1_048_576,
        "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
    ]

    /// The value in base units (cores, bytes); nil when the text is not a quantity.
    static func parse(_ text: String) -> Double? {
        guard let end = text.firstIndex(where: { !"0123456789.".contains($0) }) else { return Double(text) }
        guard let number = Double(text[..<end]) else { return nil }
        let suffix = String(text[end...])
        if let factor = factors[suffix] { return number * factor }
        if suffix.first == "e", let exponent = Int(suffix.dropFirst()) { return number * pow(10, Double(exponent)) }
        return nil
    }
}

/// CPU (millicores) and memory (bytes) a pod requests or a node has free.
struct SimResources: Sendable, Equatable {
    var cpuMillis = 0
    var memoryBytes = 0

    /// From a `requests`/`allocatable` map; what is absent or does not parse counts as nothing.
    init(_ map: [String: String]) {
        cpuMillis = map["cpu"].flatMap(SimQuantity.parse).map { Int(($0 * 1000).rounded(.up)) } ?? 0
        memoryBytes = map["memory"].flatMap(SimQuantity.parse).map { Int($0.rounded(.up)) } ?? 0
    }

    init(cpuMillis: Int, memoryBytes: Int) {
        self.cpuMillis = cpuMillis
        self.memoryBytes = memoryBytes
    }

    func fits(in room: SimResources) -> Bool {
        cpuMillis <= room.cpuMillis && memoryBytes <= room.memoryBytes
    }
}
