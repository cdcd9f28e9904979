/// CPython 3.11's hash functions for numbers and tuples, and the iteration order of a `set` built from
/// them, so that a set literal in an INI value (`{3, 1, 10}`) becomes the same list Ansible makes of it.
///
/// Only numbers (and tuples of numbers) hash the same in every Python process; `str`, `bytes`, `None` and
/// `...` hash differently on each run, so for sets containing them no order is "the" order.
enum PythonHash {
    /// 2^61 − 1, the modulus of CPython's numeric hashes (`_PyHASH_MODULUS`).
    static let modulus: UInt64 = (1 << 61) - 1
    private static let bits: Int = 61

    /// `long_hash`: the value modulo 2^61 − 1 with the sign kept, and −1 mapped to −2.
    static func integer(_ value: PythonInteger) -> Int64 {
        var remainder: UInt64 = 0
        for limb in value.limbs.reversed() {
            let product = remainder.multipliedFullWidth(by: PythonInteger.limbBase)
            let (_, scaled) = modulus.dividingFullWidth((product.high, product.low))
            remainder = (scaled + UInt64(limb)) % modulus
        }
        let hash = value.isNegative ? -Int64(remainder) : Int64(remainder)
        return hash == -1 ? -2 : hash
    }

    /// `_Py_HashDouble`: equal to the hash of the equal integer for integral values.
    static func double(_ value: Double) -> Int64 {
        if value.isInfinite { return value > 0 ? 314_159 : -314_159 }
        if value == 0 || value.isNaN { return 0 }
        // frexp: value = mantissa × 2^exponent with mantissa in [0.5, 1).
        var mantissa = value.magnitude.significand / 2
        var exponent = Int(value.exponent) + 1
        var hash: UInt64 = 0
        while mantissa != 0 {
            hash = ((hash &<< 28) & modulus) | (hash &>> UInt64(bits - 28))
            mantissa *= 268_435_456.0
            exponent -= 28
            let integerPart = UInt64(mantissa)
            mantissa -= Double(integerPart)
            hash += integerPart
            if hash >= modulus { hash -= modulus }
        }
        exponent = exponent >= 0 ? exponent % bits : bits - 1 - ((-1 - exponent) % bits)
        hash = ((hash &<< UInt64(exponent)) & modulus) | (hash &>> UInt64(bits - exponent))
        if value < 0 { hash = 0 &- hash }
        return finished(hash)
    }

    /// `complex_hash`: the real part's hash plus 1000003 times the imaginary part's.
    static func complex(real: Double, imaginary: Double) -> Int64 {
        let combined = UInt64(bitPattern: double(real)) &+ 1_000_003 &* UInt64(bitPattern: double(imaginary))
        return finished(combined)
    }

    /// `tuplehash`: CPython's xxHash-based combination of the element hashes.
    static func tuple(_ hashes: [Int64]) -> Int64 {
        let prime1: UInt64 = 11_400_714_785_074_694_791
        let prime2: UInt64 = 14_029_467_366_897_019_727
        let prime5: UInt64 = 2_870_177_450_012_600_261
        var accumulator = prime5
        for hash in hashes {
            accumulator &+= UInt64(bitPattern: hash) &* prime2
            accumulator = (accumulator &<< 31) | (accumulator &>> 33)
            accumulator &*= prime1
        }
        accumulator &+= UInt64(hashes.count) ^ (prime5 ^ 3_527_539)
        if accumulator == UInt64.max { return 1_546_275_796 }
        return Int64(bitPattern: accumulator)
    }

    /// CPython never returns −1 as a hash (it signals an error); it uses −2 instead.
    private static func finished(_ hash: UInt64) -> Int64 {
        hash == UInt64.max ? -2 : Int64(bitPattern: hash)
    }

    /// The order in which CPython iterates a set after adding distinct elements with these hashes, one by
    /// one (`set(iterable)`): the slots of its open-addressing table, with the same probing, growth
    /// threshold and resizing as `Objects/setobject.c`. Returns indices into `hashes`.
    static func setIterationOrder(_ hashes: [Int64]) -> [Int] {
        var table = [Int](repeating: -1, count: 8)
        var used = 0
        for element in hashes.indices {
            insert(element, hash: hashes[element], into: &table)
            used += 1
            let mask = table.count - 1
            if used * 5 >= mask * 3 {
                let minimumUsed = used > 50_000 ? used * 2 : used * 4
                var size = 8
                while size <= minimumUsed { size <<= 1 }
                let old = table
                table = [Int](repeating: -1, count: size)
                for slot in old where slot >= 0 { insert(slot, hash: hashes[slot], into: &table) }
            }
        }
        return table.filter { $0 >= 0 }
    }

    /// `set_add_entry`/`set_insert_clean` probing: up to nine linear probes, then perturbed jumps.
    private static func insert(_ element: Int, hash: Int64, into table: inout [Int]) {
        let mask = UInt64(table.count - 1)
        var perturb = UInt64(bitPattern: hash)
        var index = UInt64(bitPattern: hash) & mask
        while true {
            let probes: UInt64 = index + 9 <= mask ? 9 : 0
            for offset in 0...probes where table[Int(index + offset)] < 0 {
                table[Int(index + offset)] = element
                return
            }
            perturb >>= 5
            index = (index &* 5 &+ 1 &+ perturb) & mask
        }
    }
}
