// Charts for people: the figures of a chart table drawn as inline SVG, for the standalone HTML
// page. No script, no network, greyscale fills and labels on every bar, so that the page reads
// the same on screen, on paper and without colour.
#pragma once

#include <isukit/io/table.hpp>
#include <isukit/util/lang.hpp>

#include <string>

namespace isukit::io {

/// Horizontal bars: one band per row of `chart` (its first cell the band's label), one bar per
/// numeric column after the first (a series; a legend names them when there are several),
/// each bar labelled with its figure as people read it in `lang`. Cells that are empty or not a
/// plain number draw no bar. Shape: `<svg class="chart" role="img">` with a `<title>` (the
/// chart's title), `<rect class="bar">` per bar and `<text>` per label; 720 pixels wide, as
/// tall as its rows need. Pure function of its input: same chart, same bytes.
std::string render_svg_chart(const Table &chart, const util::Lang &lang);

} // namespace isukit::io
