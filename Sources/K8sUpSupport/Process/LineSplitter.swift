/// Turns the chunks a pipe delivers into whole lines: a line cut between two reads is held back until
/// its newline arrives, and `finish()` hands out a last line that has no newline.
package struct LineSplitter {
    /// A line longer than this is handed out in pieces, so a child that never prints a newline cannot
    /// make k8sup hold unbounded memory.
    let maximumLineBytes: Int
    private var pending: [UInt8] = []

    package init(maximumLineBytes: Int = 64 * 1024) {
        self.maximumLineBytes = max(4, maximumLineBytes)
    }

    /// The lines completed by `bytes`, without their `\n`.
    package mutating func append(_ bytes: some Collection<UInt8>) -> [String] {
        var lines: [String] = []
        var rest = bytes[...]
        while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
            pending.append(contentsOf: rest[..<newline])
            lines.append(contentsOf: takePending())
            rest = rest[rest.index(after: newline)...]
        }
        pending.append(contentsOf: rest)
        while pending.count > maximumLineBytes { lines.append(takePiece()) }
        return lines
    }

    /// The last line if the stream did not end with a newline.
    package mutating func finish() -> String? {
        guard !pending.isEmpty else { return nil }
        defer { pending.removeAll() }
        return String(decoding: pending, as: UTF8.self)
    }

    private mutating func takePending() -> [String] {
        var lines: [String] = []
        while pending.count > maximumLineBytes { lines.append(takePiece()) }
        lines.append(String(decoding: pending, as: UTF8.self))
        pending.removeAll(keepingCapacity: true)
        return lines
    }

    /// The first `maximumLineBytes` of an over-long line, cut before a UTF-8 continuation byte.
    private mutating func takePiece() -> String {
        var end = maximumLineBytes
        while end > maximumLineBytes - 3, pending[end] & 0xC0 == 0x80 { end -= 1 }
        let piece = String(decoding: pending[..<end], as: UTF8.self)
        pending.removeFirst(end)
        return piece
    }
}
