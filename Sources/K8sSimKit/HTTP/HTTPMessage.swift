/// One HTTP/1.1 request as the fake kube-apiserver sees it.
package struct HTTPRequest: Sendable, Equatable {
    package var method: String
    /// The path without the query (`/api/v1/nodes/cp-1`), percent-decoded.
    package var path: String
    /// Query parameters in order of appearance, percent-decoded (`fieldSelector` → `spec.nodeName=w1`).
    package var query: [String: [String]]
    /// Header names in lower case.
    package var headers: [String: String]
    package var body: [UInt8]

    package init(
        method: String, path: String, query: [String: [String]] = [:], headers: [String: String] = [:],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a query parameter.
    package func parameter(_ name: String) -> String? { query[name]?.first }
}

/// One HTTP/1.1 response.
package struct HTTPResponse: Sendable, Equatable {
    package var status: Int
    /// Headers in order; `Content-Length` and `Connection` are added by the server.
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]

    package init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with `Content-Type: application/json`.
    package static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }

    /// A plain-text body.
    package static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
    }

    package static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name): \($0.value)" } == rhs.headers.map { "\($0.name): \($0.value)" }
    }
}

/// What answers requests: the fake kube-apiserver, or a test double. Called concurrently from the
/// server's connection threads.
package protocol HTTPHandling: Sendable {
    func handle(_ request: HTTPRequest) -> HTTPResponse
}
