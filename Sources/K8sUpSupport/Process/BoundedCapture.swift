/// Collects one output stream within an `OutputLimit`: the head is kept as it arrives, the tail in a
/// buffer that drops its oldest bytes, so memory stays bounded however much a command prints.
struct BoundedCapture {
    let limit: OutputLimit
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    /// Bytes that fell out between the head and the tail.
    private var omittedBytes = 0

    init(limit: OutputLimit) {
        self.limit = limit
    }

    var isTruncated: Bool { omittedBytes > 0 || tail.count > limit.tailBytes }

    mutating func append(_ bytes: some Collection<UInt8>) {
        var rest = bytes[...]
        if head.count < limit.headBytes {
            let taken = rest.prefix(limit.headBytes - head.count)
            head.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
        }
        guard !rest.isEmpty else { return }
        tail.append(contentsOf: rest)
        // Trimming only when the tail has doubled keeps appends amortised O(1).
        if tail.count > 2 * limit.tailBytes + 4096 { trimTail() }
    }

    /// The kept text, with `[... N bytes omitted ...]` on a line of its own where bytes were left out.
    /// Invalid UTF-8 (and characters cut at the edges) read as U+FFFD.
    mutating func text() -> String {
        trimTail()
        guard isTruncated else { return String(decoding: head + tail, as: UTF8.self) }
        let keptHead = head.dropLast(Self.incompleteSuffixLength(head))
        let keptTail = tail.drop { Self.isContinuationByte($0) }
        let omitted = omittedBytes + (head.count - keptHead.count) + (tail.count - keptTail.count)
        var text = String(decoding: keptHead, as: UTF8.self)
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        text += "[... \(omitted) bytes omitted ...]\n"
        return text + String(decoding: keptTail, as: UTF8.self)
    }

    private mutating func trimTail() {
        let excess = tail.count - limit.tailBytes
        guard excess > 0 else { return }
        tail.removeFirst(excess)
        omittedBytes += excess
    }

    private static func isContinuationByte(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// How many bytes at the end of `bytes` are an unfinished UTF-8 sequence.
    private static func incompleteSuffixLength(_ bytes: [UInt8]) -> Int {
        var index = bytes.count
        while index > 0, bytes.count - index < 3, isContinuationByte(bytes[index - 1]) { index -= 1 }
        guard index > 0 else { return 0 }
        let lead = bytes[index - 1]
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        let present = bytes.count - index + 1
        return present < needed ? present : 0
    }
}
