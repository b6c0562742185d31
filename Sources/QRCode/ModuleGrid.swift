/// The square of modules being built: which are dark, and which belong to function patterns (finders,
/// separators, timing, alignment, format and version information), where data may not go.
struct ModuleGrid {
    let size: Int
    private(set) var dark: [Bool]
    private(set) var isFunction: [Bool]

    init(size: Int) {
        self.size = size
        dark = Array(repeating: false, count: size * size)
        isFunction = Array(repeating: false, count: size * size)
    }

    subscript(x: Int, y: Int) -> Bool {
        get { dark[y * size + x] }
        set { dark[y * size + x] = newValue }
    }

    mutating func setFunction(x: Int, y: Int, dark value: Bool) {
        dark[y * size + x] = value
        isFunction[y * size + x] = true
    }

    func isFunction(x: Int, y: Int) -> Bool { isFunction[y * size + x] }
}
