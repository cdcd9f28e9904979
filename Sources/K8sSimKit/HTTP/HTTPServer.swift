import Foundation
import Glibc

/// A small HTTP/1.1 server on a loopback TCP port for the fake kube-apiserver: one thread accepts,
/// one thread per connection reads requests (keep-alive, pipelined or not), asks the handler and
/// writes the answer. kubectl opens a handful of connections, so threads are the simple right tool.
///
/// `refuseConnections(for:)` closes the port for a while, as a restarting kube-apiserver's port is:
/// open connections are cut and new ones refused until it listens again on the same port.
package final class HTTPServer: @unchecked Sendable {
    package enum Failure: Error, CustomStringConvertible {
        case cannotListen(port: UInt16, reason: String)

        package var description: String {
            switch self {
            case .cannotListen(let port, let reason): "cannot listen on 127.0.0.1:\(port): \(reason)"
            }
        }
    }

    /// The port it listens on (the one the kernel chose when asked for port 0).
    package let port: UInt16
    /// `http://127.0.0.1:PORT`.
    package var url: String { "http://127.0.0.1:\(port)" }

    private let handler: any HTTPHandling
    // Guards everything below; connection threads add and remove themselves.
    private let lock = NSLock()
    /// The listening socket; -1 while connections are refused (or after `stop`).
    private var listener: Int32
    private var connections: Set<Int32> = []
    private var stopped = false
    private var started = false
    /// When the port listens again after `refuseConnections(for:)`.
    private var refusingUntil: Date?
    /// Signalled by each acceptor thread when it ends.
    private let acceptorDone = DispatchSemaphore(value: 0)
    private var acceptorRunning = false

    package init(handler: any HTTPHandling, port: UInt16 = 0) throws(Failure) {
        self.handler = handler
        let fd = try Self.listen(port: port)
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// A listening socket on 127.0.0.1:`port`.
    private static func listen(port: UInt16) throws(Failure) -> Int32 {
        let fd: Int32
        do { fd = try SocketIO.streamSocket() } catch { throw .cannotListen(port: port, reason: error.description) }
        var reuse: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = SocketIO.loopbackAddress(port: port)
        let bound = SocketIO.withSocketAddress(&address) { bind(fd, $0, $1) }
        guard bound == 0, Glibc.listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .cannotListen(port: port, reason: reason)
        }
        return fd
    }

    /// Starts accepting connections on a thread of its own; returns at once.
    package func start() {
        lock.lock()
        let first = !started && !stopped
        started = true
        let fd = listener
        if first { acceptorRunning = true }
        lock.unlock()
        guard first else { return }
        startAcceptor(fd)
    }

    /// Stops accepting, closes every open connection and waits for the acceptor to finish. Requests
    /// being handled finish, but their answers go nowhere.
    package func stop() {
        lock.lock()
        if stopped {
            lock.unlock()
            return
        }
        stopped = true
        let open = connections
        let fd = listener
        listener = -1
        let accepting = acceptorRunning
        acceptorRunning = false
        lock.unlock()
        if fd >= 0 { shutdown(fd, Int32(SHUT_RDWR)) }
        for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
        if accepting { acceptorDone.wait() }
        if fd >= 0 { close(fd) }
    }

    deinit { stop() }

    /// Cuts every open connection and refuses new ones for `seconds`, then listens again on the same
    /// port. A call while it already refuses makes the refusal last at least until `seconds` from now.
    package func refuseConnections(for seconds: Double) {
        let until = Date().addingTimeInterval(seconds)
        lock.lock()
        guard !stopped, started else {
            lock.unlock()
            return
        }
        refusingUntil = max(refusingUntil ?? until, until)
        let fd = listener
        listener = -1
        let open = connections
        let accepting = acceptorRunning
        acceptorRunning = false
        lock.unlock()
        guard fd >= 0 else { return }
        shutdown(fd, Int32(SHUT_RDWR))
        for connection in open { shutdown(connection, Int32(SHUT_RDWR)) }
        if accepting { acceptorDone.wait() }
        close(fd)
        scheduleReopen(after: seconds)
    }

    private func scheduleReopen(after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) { [weak self] in self?.reopen() }
    }

    /// Listens again when the refusal is over (later, when it was made longer meanwhile).
    private func reopen() {
        lock.lock()
        guard !stopped, listener < 0, let until = refusingUntil else {
            lock.unlock()
            return
        }
        let left = until.timeIntervalSinceNow
        if left > 0 {
            lock.unlock()
            scheduleReopen(after: left)
            return
        }
        guard let fd = try? Self.listen(port: port) else {
            lock.unlock()
            scheduleReopen(after: 0.05)
            return
        }
        listener = fd
        refusingUntil = nil
        acceptorRunning = true
        lock.unlock()
        startAcceptor(fd)
    }

    private func startAcceptor(_ fd: Int32) {
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "k8sim-http-accept"
        thread.start()
    }

    private func acceptLoop(_ listener: Int32) {
        defer { acceptorDone.signal() }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            // Stand-ins started by the simulator must not inherit client connections.
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            lock.lock()
            let accepting = !stopped && self.listener == listener
            if accepting { connections.insert(fd) }
            lock.unlock()
            guard accepting else {
                close(fd)
                return
            }
            var noDelay: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(fd) }
            thread.name = "k8sim-http-conn"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.lock()
            connections.remove(fd)
            lock.unlock()
            close(fd)
        }
        var parser = HTTPRequestParser()
        while true {
            do {
                while let request = try parser.nextRequest() {
                    let keepAlive = request.headers["connection"]?.lowercased() != "close"
                    let response = handler.handle(request)
                    let head = request.method == "HEAD"
                    try SocketIO.writeAll(
                        fd, HTTPResponseEncoder.encode(response, keepAlive: keepAlive, omitBody: head))
                    if !keepAlive { return }
                }
            } catch let failure as HTTPRequestParser.Failure {
                let answer = HTTPResponse.text(failure.reason + "\n", status: failure.status)
                try? SocketIO.writeAll(fd, HTTPResponseEncoder.encode(answer, keepAlive: false, omitBody: false))
                return
            } catch {
                return
            }
            guard let bytes = try? SocketIO.read(fd), !bytes.isEmpty else { return }
            parser.feed(bytes)
        }
    }
}
