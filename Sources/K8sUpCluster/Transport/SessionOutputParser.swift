import K8sUpSupport

/// Reads the output of a `SessionScript` as it arrives, line by line on each stream, and says which
/// command line it belongs to: when each line began, its own output, and its exit status. Output outside
/// any frame (ssh's own messages, a `sudo` refusal before the script ran) belongs to no line.
///
/// A marker line counts only when it is exactly the one expected next (this session's marker, the next
/// line's number); anything else, a line that merely starts like a marker included, is output.
package struct SessionOutputParser: Sendable {
    /// What one line of output meant.
    package enum Event: Sendable, Equatable {
        /// Line `index` (from 0) started: its begin marker arrived on stdout.
        case began(Int)
        /// A line of output of line `index`, or of the session itself when nil.
        case output(Int?, OutputChunk)
        /// Line `index` ended with `status`.
        case ended(Int, Int32)
    }

    /// Where one output stream is.
    private struct Stream: Sendable {
        var source: OutputChunk.Source
        /// The frame open on this stream, from 0.
        var open: Int?
        /// The frame that begins next.
        var next = 0
        /// The last output line of the open frame, held back: the newline before an end marker is the
        /// script's, so an empty last line is dropped there.
        var pending: String?
    }

    let marker: String
    let count: Int
    private var stdout = Stream(source: .stdout)
    private var stderr = Stream(source: .stderr)

    package init(marker: String, count: Int) {
        self.marker = marker
        self.count = count
    }

    package init(_ script: SessionScript) {
        self.init(marker: script.marker, count: script.lines.count)
    }

    /// What `chunk` means; its line is output unless it is the marker expected next on its stream.
    package mutating func consume(_ chunk: OutputChunk) -> [Event] {
        switch chunk.source {
        case .stdout: return Self.consume(chunk.line, in: &stdout, marker: marker, count: count)
        case .stderr: return Self.consume(chunk.line, in: &stderr, marker: marker, count: count)
        }
    }

    /// At the end of the output: the held-back lines of frames that never ended (a dropped connection,
    /// a timeout) are output after all, unless empty.
    package mutating func finish() -> [Event] {
        var events: [Event] = []
        for stream in [stdout, stderr] {
            // An empty last line may be the newline the script writes before an end marker that never came.
            if let open = stream.open, let pending = stream.pending, !pending.isEmpty {
                events.append(.output(open, OutputChunk(stream.source, pending)))
            }
        }
        stdout.pending = nil
        stderr.pending = nil
        return events
    }

    private static func consume(_ line: String, in stream: inout Stream, marker: String, count: Int) -> [Event] {
        guard let open = stream.open else {
            if stream.next < count, line == "\(marker) begin \(stream.next + 1)" {
                stream.open = stream.next
                stream.next += 1
                return stream.source == .stdout ? [.began(stream.open ?? 0)] : []
            }
            return [.output(nil, OutputChunk(stream.source, line))]
        }
        var events: [Event] = []
        let ending: Int32?? = endStatus(line, frame: open, marker: marker, source: stream.source)
        if let status = ending {
            if let pending = stream.pending, !pending.isEmpty {
                events.append(.output(open, OutputChunk(stream.source, pending)))
            }
            stream.pending = nil
            stream.open = nil
            if stream.source == .stdout, let status { events.append(.ended(open, status)) }
            return events
        }
        if let pending = stream.pending { events.append(.output(open, OutputChunk(stream.source, pending))) }
        stream.pending = line
        return events
    }

    /// For the end marker of `frame`: its status on stdout (`.some(status)`), `.some(nil)` on stderr;
    /// nil for any other line.
    private static func endStatus(_ line: String, frame: Int, marker: String, source: OutputChunk.Source)
        -> Int32??
    {
        let prefix = "\(marker) end \(frame + 1)"
        guard line.hasPrefix(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        switch source {
        case .stderr:
            return rest.isEmpty ? .some(nil) : nil
        case .stdout:
            guard rest.first == " ", let status = Int32(rest.dropFirst()), (0...255).contains(status) else {
                return nil
            }
            return .some(status)
        }
    }
}
