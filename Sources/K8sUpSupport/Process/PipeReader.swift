import Foundation
import Glibc

/// Drains one of a child's output pipes on a dedicated thread with blocking `poll`/`read`, so neither
/// pipe can fill up while k8sup waits, and no thread of the Swift concurrency pool is ever blocked.
///
/// Not `FileHandle.readabilityHandler`: on Linux its end-of-file callback is sometimes never delivered
/// (swift-corelibs-foundation #3275).
struct PipeReader: Sendable {
    /// The read end of the child's pipe; the reader closes it when done.
    let pipe: FileHandle
    let source: OutputChunk.Source
    let limit: OutputLimit
    /// When this fires, the reader stops waiting for end of file: the run is giving up on a pipe some
    /// escaped process keeps open.
    let abandonSignal: AbandonSignal
    /// Receives each whole line, if anyone wants live output.
    let deliver: (@Sendable (OutputChunk) -> Void)?

    /// Starts the thread; `done` gets what was captured once the pipe is closed or abandoned.
    func start(done: @escaping @Sendable (BoundedCapture) -> Void) {
        let thread = Thread { done(self.drain()) }
        thread.name = "k8sup-\(source)-reader"
        thread.start()
    }

    private func drain() -> BoundedCapture {
        var capture = BoundedCapture(limit: limit)
        var lines = deliver == nil ? nil : LineSplitter()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var watched = [
            pollfd(fd: pipe.fileDescriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: abandonSignal.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if poll(&watched, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if watched[1].revents != 0 { break }
            guard watched[0].revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(pipe.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            guard count > 0 else { break }
            let chunk = buffer[..<count]
            capture.append(chunk)
            for line in lines?.append(chunk) ?? [] { deliver?(OutputChunk(source, line)) }
        }
        if let last = lines?.finish() { deliver?(OutputChunk(source, last)) }
        try? pipe.close()
        return capture
    }
}
