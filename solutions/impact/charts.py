"""Server-rendered SVG bar charts of the impact dashboard's tables (no script, with data tables)."""

from dataclasses import dataclass

from solutions.impact.selectors import Table

CHART_WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 90
BAR_HEIGHT = 18
ROW_GAP = 10


@dataclass
class Bar:
    x: float
    y: float
    width: float
    css: str
    label: str
    value: object


@dataclass
class ChartRow:
    label: str
    label_y: float
    bars: list[Bar]
    values: list[tuple[float, float, object]]  # (x, y, value) of the printed figures


def bar_chart(table: Table) -> dict:
    """Horizontal bars of a table, as SVG geometry for the chart template.

    A stacked table draws one bar per row, its columns end to end, the total printed after it;
    another draws one bar per column within each row, each with its figure.
    """
    cells = table.cells()
    plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    if table.stacked:
        largest = max([abs(total) for _label, _values, total in cells] + [0])
    else:
        largest = max([abs(v) for _label, values, _t in cells for v in values if v] + [0])
    scale = plot / float(largest) if largest else 0.0
    per_row = 1 if table.stacked else len(table.series)
    row_height = per_row * BAR_HEIGHT + ROW_GAP
    rows = []
    for index, (label, values, total) in enumerate(cells):
        top = index * row_height + ROW_GAP / 2
        x = float(LABEL_WIDTH)
        bars, figures = [], []
        for series_index, ((_key, series_label), value) in enumerate(
            zip(table.series, values, strict=True)
        ):
            y = top if table.stacked else top + series_index * BAR_HEIGHT
            if not table.stacked:
                x = float(LABEL_WIDTH)
            width = abs(float(value or 0)) * scale
            if width > 0:
                css = f"chart-bar chart-series-{series_index % 8}"
                if value < 0:
                    css += " chart-negative"
                bars.append(
                    Bar(round(x, 2), y, round(max(width, 1.0), 2), css, series_label, value)
                )
                x += width
            if not table.stacked and value is not None:
                figures.append((round(x + 6, 2), y + BAR_HEIGHT - 4, value))
        if table.stacked:
            figures.append((round(x + 6, 2), top + BAR_HEIGHT - 4, total))
        rows.append(
            ChartRow(
                label=label,
                label_y=top + (per_row * BAR_HEIGHT) / 2 + 5,
                bars=bars,
                values=figures,
            )
        )
    return {
        "width": CHART_WIDTH,
        "height": max(len(rows), 1) * row_height + ROW_GAP,
        "label_width": LABEL_WIDTH - 8,
        "bar_height": BAR_HEIGHT,
        "rows": rows,
        "legend": [(f"chart-series-{i % 8}", label) for i, (_key, label) in enumerate(table.series)]
        if len(table.series) > 1
        else [],
    }
