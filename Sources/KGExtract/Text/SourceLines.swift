/// Line starts of a file, for turning byte offsets into 1-based line numbers by binary search.
struct SourceLines {
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        for i in ByteSearch.offsets(of: 0x0A, in: bytes) { starts.append(i + 1) }
    }

    /// The 1-based line holding byte `offset`.
    func line(of offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }
}
