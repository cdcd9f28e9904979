/// How much of one output stream a `CommandResult` keeps: the first `headBytes` and the last
/// `tailBytes`, with a marker saying how much was left out in between. Live output (the line sink) is
/// never cut; only what is kept in memory is.
package struct OutputLimit: Sendable, Hashable {
    var headBytes: Int
    var tailBytes: Int

    package init(headBytes: Int, tailBytes: Int) {
        self.headBytes = max(0, headBytes)
        self.tailBytes = max(0, tailBytes)
    }

    /// 1 MiB per stream: the first and the last 512 KiB. Enough for any error message and for most
    /// kubectl output; a command whose whole output must be parsed (`kubectl get pods -A -o json` on a
    /// big cluster) should ask for more and check `stdoutTruncated`.
    static let `default` = OutputLimit(headBytes: 512 * 1024, tailBytes: 512 * 1024)

    /// Keeps at most `bytes`, all from the start (for documents that are useless when cut anyway).
    package static func head(_ bytes: Int) -> OutputLimit {
        OutputLimit(headBytes: bytes, tailBytes: 0)
    }
}
