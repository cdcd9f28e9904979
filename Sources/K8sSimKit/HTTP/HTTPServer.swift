import Foundation
import Glibc

/// A small HTTP/1.1 server on a loopback TCP port for the fake kube-apiserver: one thread accepts,
/// one thread per connection reads requests (keep-alive, pipelined or not), asks the handler and
/// writes the answer. kubectl opens a handful of connections, so threads are the simple right tool.
public final class HTTPServer: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case cannotListen(port: UInt16, reason: String)

        public var description: String {
            switch self {
            case .cannotListen(let port, let reason): "cannot listen on 127.0.0.1:\(port): \(reason)"
            }
        }
    }

    /// The port it listens on (the one the kernel chose when asked for port 0).
    public let port: UInt16
    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    private let handler: any HTTPHandling
    private let listener: Int32
    // Guards `connections` and `stopped`; connection threads add and remove themselves.
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopped = false
    private var started = false
    private let acceptorDone = DispatchSemaphore(value: 0)

    public init(handler: any HTTPHandling, port: UInt16 = 0) throws(Failure) {
        self.handler = handler
        let fd: Int32
        do { fd = try SocketIO.streamSocket() } catch { throw .cannotListen(port: port, reason: error.description) }
        var reuse: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = SocketIO.loopbackAddress(port: port)
        let bound = SocketIO.withSocketAddress(&address) { bind(fd, $0, $1) }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .cannotListen(port: port, reason: reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Starts accepting connections on a thread of its own; returns at once.
    public func start() {
        lock.lock()
        let first = !started && !stopped
        started = true
        lock.unlock()
        guard first else { return }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "k8sim-http-accept"
        thread.start()
    }

    /// Stops accepting, closes every open connection and waits for the acceptor to finish. Requests
    /// being handled finish, but their answers go nowhere.
    public func stop() {
        lock.lock()
        if stopped {
            lock.unlock()
            return
        }
        stopped = true
        let open = connections
        let accepting = started
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
        if accepting { acceptorDone.wait() }
        close(listener)
    }

    deinit { stop() }

    private func acceptLoop() {
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
            let accepting = !stopped
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
