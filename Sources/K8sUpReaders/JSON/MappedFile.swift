import Glibc

/// A file's bytes mapped into memory read-only, for reading a large JSON file in one pass without copying
/// it: the pages are the kernel's page cache, read as the reader reaches them. Unmapped when released.
package final class MappedFile {
    /// Why the file could not be mapped, in the system's words (`Permission denied`).
    package struct Failure: Error, Equatable {
        package let reason: String
    }

    /// The file's bytes; valid while this object lives.
    package let bytes: UnsafeBufferPointer<UInt8>

    package init(path: String) throws(Failure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.failure() }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw Self.failure()
        }
        // Read front to back: the kernel reads ahead further and drops pages behind sooner.
        _ = madvise(address, size, MADV_SEQUENTIAL)
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Lets the kernel take back the pages before `offset` (rounded down to a page): a reader that has
    /// passed them keeps the memory it uses bounded. They stay readable: touched again, they are read
    /// from the file again (the mapping is private and never written).
    package func releasePages(before offset: Int) {
        guard let address = bytes.baseAddress else { return }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = min(offset, bytes.count) / pageSize * pageSize
        guard length > 0 else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: address), length, MADV_DONTNEED)
    }

    deinit {
        if let address = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: address), bytes.count) }
    }

    private static func failure() -> Failure {
        Failure(reason: String(cString: strerror(errno)))
    }
}
