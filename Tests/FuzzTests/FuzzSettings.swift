import Foundation
import K8sUpTestSupport
import Testing

@testable import K8sSimKit
@testable import K8sUpCLI
@testable import K8sUpCluster
@testable import K8sUpExecution
@testable import K8sUpInventory
@testable import K8sUpPlanning
@testable import K8sUpReaders
@testable import K8sUpSupport
@testable import K8sUpUseCases
@testable import PythonParity

/// How much a fuzz run does, from the environment, so that `swift test` runs a small fast subset and
/// `bench/fuzz.sh` runs the same code for longer:
///
/// - `K8SUP_FUZZ_ITERATIONS`: mutated inputs per input kind (default 150);
/// - `K8SUP_FUZZ_SEED`: the seed of every generator (default `0x5EED`; decimal or `0x` hex);
/// - `K8SUP_FUZZ_STATS`: a file each suite appends `kind inputs seconds slowest-seconds` lines to;
/// - `K8SUP_FUZZ_LAST_INPUT`: a directory where each input is written before it is read, so that the
///   input that crashed the process is on disk afterwards (`<kind>.input`, with `<kind>.label`);
/// - `K8SUP_FUZZ_VERBOSE=1`: each input's label, size and time on stderr.
enum FuzzSettings {
    private static let environment = ProcessInfo.processInfo.environment

    static let iterations: Int = environment["K8SUP_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 150

    static let seed: UInt64 = {
        guard let text = environment["K8SUP_FUZZ_SEED"] else { return 0x5EED }
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? 0x5EED }
        return UInt64(text) ?? 0x5EED
    }()

    /// Whether this is a long run (more than the default iterations): huge inputs get bigger then.
    static var isLongRun: Bool { iterations > 150 }

    /// The size of "huge" scalars and lines: megabytes in a long run, tens of kilobytes in the fast subset
    /// (an unoptimised test build reads YAML at about 1 MB a second).
    static var hugeSize: Int { isLongRun ? 2 << 20 : 16 << 10 }

    /// The reader-level shapes (`FuzzShapes`) a suite of one input kind also runs: all of them in a long
    /// run, the first two of each set in the fast subset (the YAML suite always runs every one).
    static func sample<Shape>(_ shapes: [Shape]) -> [Shape] { isLongRun ? shapes : Array(shapes.prefix(2)) }

    /// The longest any single input may take: two minutes plus 50 µs per byte. It catches a reader that
    /// hangs or goes quadratic or exponential on some input, never a slow machine: the slowest input of
    /// the default run takes under a second in an unoptimised build, and a two-core machine loaded with
    /// other builds and tests makes that at most some twenty times slower.
    static func timeLimit(forBytes count: Int) -> Duration {
        .seconds(120) + .microseconds(count * 50)
    }

    /// A generator for one kind of input, different per kind so that kinds do not mirror each other.
    static func random(for kind: String) -> SimRandom {
        var salt: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the kind's name
        for byte in kind.utf8 { salt = (salt ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return SimRandom(seed: seed ^ salt)
    }

    static let verbose = environment["K8SUP_FUZZ_VERBOSE"] == "1"

    /// The length of generated chains of groups (past every limit; longer in a long run).
    static var chainLength: Int { isLongRun ? 100_000 : 3_000 }

    static let lastInputDirectory = environment["K8SUP_FUZZ_LAST_INPUT"]
    static let statsFile = environment["K8SUP_FUZZ_STATS"]
}
