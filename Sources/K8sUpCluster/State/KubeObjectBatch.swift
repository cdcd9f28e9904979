import Dispatch
import K8sUpReaders

/// The items of a large kubectl List decoded in two halves at once, on two cores: decoding is most of the
/// time left after the one-pass reader. Same objects in the same order, and the same error as decoding
/// them one after the other: the first in document order.
struct KubeObjectBatch: Sendable {
    /// Below this many items, one thread is faster than handing work to a second.
    static let parallelMinimum = 256

    /// The items of the List at the top of the document, at `items[i]`.
    let items: [YAMLNode]
    let impliedKind: String?
    let impliedAPIVersion: String?

    func decode() throws -> [KubeObject] {
        let middle = items.count / 2
        let halves = [0..<middle, middle..<items.count]
        let results = ResultSlots(count: halves.count)
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            results.store(Result { try decode(halves[half]) }, at: half)
        }
        return try results.all().flatMap { try $0.get() }
    }

    private func decode(_ range: Range<Int>) throws -> [KubeObject] {
        var objects: [KubeObject] = []
        objects.reserveCapacity(range.count)
        let path: [any CodingKey] = [KubeObject.TypeKeys.items]
        for position in range {
            let item = KubeTreeDecoder(node: items[position], parentPath: path, key: KubeIndexKey(intValue: position))
            objects.append(try KubeObject(from: item, impliedKind: impliedKind, impliedAPIVersion: impliedAPIVersion))
        }
        return objects
    }

    /// One result per half, each written once by its own thread before `concurrentPerform` returns, and
    /// read after: distinct slots of fixed memory, so the threads never touch the same bytes.
    private final class ResultSlots: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Result<[KubeObject], any Error>?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        func store(_ result: Result<[KubeObject], any Error>, at index: Int) {
            slots[index] = result
        }

        func all() -> [Result<[KubeObject], any Error>] {
            slots.map { $0 ?? .success([]) }
        }
    }
}
