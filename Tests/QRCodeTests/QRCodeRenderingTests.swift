import QRCode
import Testing

/// The rectangles a PDF draws and the SVG cover exactly the dark modules, offset by the quiet zone.
struct QRCodeRenderingTests {
    @Test func rectanglesCoverExactlyTheDarkModules() throws {
        let code = try QRCode(encoding: "https://lapor.example.go.id/verify/470", level: .q)
        var covered = Set<[Int]>()
        for rectangle in code.rectangles(moduleSize: 2, quietZone: 4) {
            #expect(rectangle.height == 2)
            for offset in 0..<Int(rectangle.width / 2) {
                covered.insert([Int(rectangle.x / 2) - 4 + offset, Int(rectangle.y / 2) - 4])
            }
        }
        var dark = Set<[Int]>()
        for y in 0..<code.size { for x in 0..<code.size where code[x, y] { dark.insert([x, y]) } }
        #expect(covered == dark)
        #expect(code.sideLength(moduleSize: 2, quietZone: 4) == Double(code.size + 8) * 2)
    }

    @Test func svgIsASquareWithTheQuietZone() throws {
        let svg = try QRCode(encoding: "01234567", level: .m).svg(moduleSize: 3, quietZone: 4)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"87\" height=\"87\" viewBox=\"0 0 29 29\""))
        #expect(svg.contains("<path d=\"M4 4h7v1h-7z"))     // the top row of the top-left finder
    }
}
