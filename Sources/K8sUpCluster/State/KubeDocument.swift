/// What `kubectl get … -o json` printed: a List of objects (kubectl's `List`, or a `NodeList`, `PodList`,
/// … as the API returns them), or a single object (`kubectl get node cp-1 -o json`).
package struct KubeDocument: Decodable, Sendable, Equatable {
    var objects: [KubeObject]
    /// True when the document is a List, whose objects are at `items[i]`; false for one object at the top.
    var isList: Bool

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: KubeObject.TypeKeys.self)
        let kind = try container.decodeIfPresent(String.self, forKey: .kind) ?? ""
        isList = kind.hasSuffix("List") || (kind.isEmpty && container.contains(.items))
        guard isList else {
            objects = [try KubeObject(from: decoder)]
            return
        }
        // `NodeList` and friends imply their items' kind and version; kubectl's `List` (apiVersion v1)
        // names both on every item.
        let isTypedList = kind.count > "List".count
        let impliedKind = isTypedList ? String(kind.dropLast("List".count)) : nil
        let impliedAPIVersion = isTypedList ? try container.decodeIfPresent(String.self, forKey: .apiVersion) : nil
        objects = []
        guard container.contains(.items), try !container.decodeNil(forKey: .items) else { return }
        // A large List at the top of the document (always, for kubectl's output): two threads.
        if let tree = decoder as? KubeTreeDecoder, tree.codingPath.isEmpty,
            let nodes = tree.node["items"]?.sequenceItems, nodes.count >= KubeObjectBatch.parallelMinimum
        {
            let batch = KubeObjectBatch(items: nodes, impliedKind: impliedKind, impliedAPIVersion: impliedAPIVersion)
            objects = try batch.decode()
            return
        }
        var items = try container.nestedUnkeyedContainer(forKey: .items)
        while !items.isAtEnd {
            let item = try items.superDecoder()
            objects.append(try KubeObject(from: item, impliedKind: impliedKind, impliedAPIVersion: impliedAPIVersion))
        }
    }

    /// Where object `index` is in the document: `items[index]`, or the top for a single object.
    func path(ofObjectAt index: Int) -> KubeJSONPath {
        isList ? KubeJSONPath().appending("items").appending(index: index) : KubeJSONPath()
    }
}
