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

/// Feeds the inputs of one kind to a reader, one at a time, timing each: a check returns nil when the
/// reader accepted the input or refused it properly, else what is wrong. Failures name the input (its
/// label says how it was made, so it can be made again) and show its start.
struct FuzzRun {
    let kind: String
    private(set) var inputs = 0
    private var slowest: (duration: Duration, label: String) = (.zero, "")
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant

    init(kind: String) {
        self.kind = kind
        started = clock.now
    }

    /// Reads one input with `check`, expecting a proper answer within the time limit.
    mutating func run(
        _ label: String, _ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation,
        check: ([UInt8]) -> String?
    ) {
        saveLastInput(label, bytes)
        var problem: String?
        let elapsed = clock.measure { problem = check(bytes) }
        inputs += 1
        if FuzzSettings.verbose {
            FileHandle.standardError.write(Data("fuzz \(kind) \(label): \(bytes.count) bytes, \(elapsed)\n".utf8))
        }
        if elapsed > slowest.duration { slowest = (elapsed, label) }
        if let problem {
            Issue.record(
                "\(kind) input \(label) (\(Self.preview(bytes))): \(problem)", sourceLocation: sourceLocation)
        }
        let limit = FuzzSettings.timeLimit(forBytes: bytes.count)
        #expect(
            elapsed < limit, "\(kind) input \(label) (\(bytes.count) bytes) took \(elapsed), limit \(limit)",
            sourceLocation: sourceLocation)
    }

    /// Reads one text input (UTF-8) with `check`.
    mutating func run(
        _ label: String, text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
        check: ([UInt8]) -> String?
    ) {
        run(label, Array(text.utf8), sourceLocation: sourceLocation, check: check)
    }

    /// Appends this run's totals to the stats file, if the long-run script asked for one.
    func finish() {
        guard let path = FuzzSettings.statsFile else { return }
        let seconds = (clock.now - started).seconds
        let line =
            "\(kind) \(inputs) \(String(format: "%.2f", seconds)) \(String(format: "%.3f", slowest.duration.seconds)) "
            + "\(slowest.label)\n"
        // One write with O_APPEND, so lines from suites running in parallel do not interleave.
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = Array(line.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    private func saveLastInput(_ label: String, _ bytes: [UInt8]) {
        guard let directory = FuzzSettings.lastInputDirectory else { return }
        _ = FileManager.default.createFile(atPath: "\(directory)/\(kind).input", contents: Data(bytes))
        _ = FileManager.default.createFile(atPath: "\(directory)/\(kind).label", contents: Data((label + "\n").utf8))
    }

    /// The first bytes of an input, escaped, for a failure message.
    static func preview(_ bytes: [UInt8]) -> String {
        let head = String(decoding: bytes.prefix(160), as: UTF8.self).debugDescription
        return bytes.count > 160 ? "\(bytes.count) bytes, starting \(head)" : head
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

/// Checks shared by the suites: an error's place must name the file the reader was given and a line.
enum FuzzExpect {
    /// nil when `location` names `file` and a line of `bytes` (when given), else why not.
    static func place(_ location: K8sUpSupport.SourceLocation, file: String, in bytes: [UInt8]? = nil, error: Any)
        -> String?
    {
        guard location.file == file else { return "the error names file '\(location.file)', not '\(file)': \(error)" }
        guard location.line >= 1 else { return "the error has no line: \(error)" }
        // libyaml puts the end of a file that lacks a final line break at the start of the next line.
        if let bytes, location.line > lineCount(bytes) + (location.column <= 1 ? 1 : 0) {
            return "the error names line \(location.line), but the input has \(lineCount(bytes)) lines: \(error)"
        }
        return nil
    }

    /// Lines as the most generous reader counts them: every LF, CR, NEL, LS and PS starts one, and so do
    /// VT, FF and the FS/GS/RS separators, which Python's `splitlines` (Ansible's INI reader) breaks on.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C...0x1E: count += 1
            case 0x85 where index > 0 && bytes[index - 1] == 0xC2: count += 1
            case 0xA8...0xA9 where index > 1 && bytes[index - 2] == 0xE2 && bytes[index - 1] == 0x80: count += 1
            default: break
            }
        }
        return count
    }
}

extension FuzzRun {
    /// Mutates `seeds` `FuzzSettings.iterations` times (the kind's own random stream) and checks each
    /// mutated input.
    static func mutations(
        kind: String, of seeds: [FuzzCorpus.Seed], tokens: [String] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation, check: ([UInt8]) -> String?
    ) {
        var mutator = FuzzMutator(random: FuzzSettings.random(for: kind), tokens: tokens)
        var run = FuzzRun(kind: kind)
        for iteration in 0..<FuzzSettings.iterations {
            let seed = mutator.pick(seeds)
            let (bytes, label) = mutator.mutate(seed.bytes)
            run.run("#\(iteration) \(seed.name) \(label)", bytes, sourceLocation: sourceLocation, check: check)
        }
        run.finish()
    }
}

extension FuzzRun {
    /// Checks each built shape, then the odd byte sequences every reader must survive.
    static func shapes(
        kind: String, _ shapes: [(String, String)], sourceLocation: Testing.SourceLocation = #_sourceLocation,
        check: ([UInt8]) -> String?
    ) {
        var run = FuzzRun(kind: kind)
        for (label, text) in shapes {
            run.run(label, text: text, sourceLocation: sourceLocation, check: check)
        }
        for (label, bytes) in FuzzShapes.oddBytes {
            run.run(label, bytes, sourceLocation: sourceLocation, check: check)
        }
        run.finish()
    }
}
