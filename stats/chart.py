"""The dashboard's SVG chart as numbers: bars of visits, a line of page views.

The template draws it; the table under it holds the same figures for people
who cannot see it.
"""

from stats.display import group_digits


def chart(days, width=720, height=240, pad=24, left=56):
    """Geometry of the chart of `days` (selectors.Day rows, one per date)."""
    top = max([d.page_views for d in days] + [d.visits for d in days] + [1])
    scale = nice_ceiling(top)
    inner_w, inner_h = width - left - pad, height - 2 * pad
    step = inner_w / len(days)
    bar_w = max(step * 0.7, 0.5)

    def y(value):
        return pad + inner_h - inner_h * value / scale

    bars, points = [], []
    for i, day in enumerate(days):
        x = left + i * step
        bars.append(
            {
                "x": round(x + (step - bar_w) / 2, 2),
                "y": round(y(day.visits), 2),
                "w": round(bar_w, 2),
                "h": round(pad + inner_h - y(day.visits), 2),
                "day": day,
            }
        )
        points.append(f"{x + step / 2:.2f},{y(day.page_views):.2f}")
    label_at = sorted({0, len(days) // 2, len(days) - 1})
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "line": " ".join(points),
        "grid": [
            {"y": round(y(v), 2), "label": group_digits(v)}
            for v in (0, scale // 2, scale)
        ],
        "x_labels": [
            {"x": round(left + (i + 0.5) * step, 2), "date": days[i].date}
            for i in label_at
        ],
        "left": left,
        "right": width - pad,
        "bottom": pad + inner_h,
    }


def nice_ceiling(value):
    """The next 1, 2 or 5 × 10^n at or above value (a readable axis top)."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= value:
                return factor * magnitude
        magnitude *= 10
