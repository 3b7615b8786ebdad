import Domain

/// A KPI's readings year by year as an SVG bar chart with the target as a line: drawn on the server, readable
/// without script, and described in words for screen readers (the table next to it holds the same figures).
enum KPIChart {
    static let width = 320.0
    static let height = 160.0

    static func render(kpi: KPI, years: ClosedRange<Int>, readings: [KPIReading], t: Translator) -> Node {
        let goal: Double =
            switch kpi.target {
            case .yes: 1
            case .number(let value): value
            }
        let top = max(goal, readings.map(\.value).max() ?? 0, 1) * 1.15
        let slot = (width - 40) / Double(max(1, years.count))
        let plotHeight = height - 30
        let y = { (value: Double) in 10 + plotHeight * (1 - value / top) }
        let summary = t(
            "plans.chart.summary",
            [
                "target": PlanText.target(kpi, t: t),
                "values": readings.map { "\($0.year): \(PlanText.value($0.value, kpi: kpi, t: t))" }
                    .joined(separator: ", "),
            ])
        return el(
            "svg",
            [
                "class": "kpi-chart", "viewBox": "0 0 \(Int(width)) \(Int(height))", "role": "img",
                "aria-label": summary, "xmlns": "http://www.w3.org/2000/svg",
            ]
        ) {
            el("title") { summary }
            el(
                "line",
                [
                    "x1": "30", "y1": "\(Int(10 + plotHeight))", "x2": "\(Int(width))", "y2": "\(Int(10 + plotHeight))",
                    "class": "axis",
                ]
            ) {}
            for (index, year) in years.enumerated() {
                let x = 36 + slot * Double(index)
                if let reading = readings.first(where: { $0.year == year }) {
                    let top = y(reading.value)
                    el(
                        "rect",
                        [
                            "x": format(x), "y": format(top), "width": format(slot * 0.6),
                            "height": format(max(0, 10 + plotHeight - top)),
                            "class": kpi.meets(reading.value) ? "bar bar-met" : "bar bar-missed",
                        ]
                    ) {}
                }
                el("text", ["x": format(x + slot * 0.3), "y": format(height - 4), "text-anchor": "middle"]) {
                    String(year)
                }
            }
            el(
                "line",
                ["x1": "30", "y1": format(y(goal)), "x2": format(width), "y2": format(y(goal)), "class": "target"]
            ) {}
            el("text", ["x": "2", "y": format(y(goal) + 4)]) { PlanText.number(goal, language: t.language) }
        }
    }

    private static func format(_ value: Double) -> String {
        String(Int(value.rounded()))
    }
}
