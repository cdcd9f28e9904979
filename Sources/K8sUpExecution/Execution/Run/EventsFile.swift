import Foundation
import K8sUpSupport

/// `--events FILE`: every execution event as one JSON object per line (the progress lines' data, for
/// dashboards and CI), with secret values redacted. The file is created 0600 and appended to.
final class EventsFile: ExecutionObserving {
    private let handle: FileHandle
    private let redactor: SecretRedactor
    // Serialises writes: events arrive from several node tasks.
    private let lock = NSLock()
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date, fractionDigits: 3))
        }
        return encoder
    }()

    /// Opens `path` for appending, creating it (mode 0600) if needed.
    init(path: String, redactor: SecretRedactor) throws(EventsFileError) {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw EventsFileError(path: path) }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw EventsFileError(path: path) }
        handle.seekToEndOfFile()
        self.handle = handle
        self.redactor = redactor
    }

    deinit {
        try? handle.close()
    }

    func record(_ event: ExecutionEvent) {
        var shown = event
        shown.message = event.message.map(redactor.redact)
        guard let data = try? encoder.encode(shown) else { return }
        lock.lock()
        defer { lock.unlock() }
        try? handle.write(contentsOf: data + Data("\n".utf8))
    }
}

/// `--events FILE` cannot be opened for writing.
struct EventsFileError: Error, CustomStringConvertible {
    var path: String

    var description: String {
        "cannot write the events file \(path): check that its directory exists and is writable"
    }
}
