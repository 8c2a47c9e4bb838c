#include <isukit/io/chart.hpp>
#include <isukit/io/render.hpp>
#include <isukit/util/decimal.hpp>
#include <isukit/util/locale.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace isukit::io {

namespace {

constexpr double chart_width = 720;
constexpr double value_room = 110; // right of the longest bar: its figure
constexpr double bar_height = 16;
constexpr double band_gap = 8;
constexpr double legend_height = 24;
constexpr double axis_height = 22;
constexpr double char_width = 7; // of a 12 px sans-serif glyph, on average
constexpr std::size_t max_label_chars = 38;

/// Fills that differ in greyscale and on paper: black, white with a black outline, mid grey.
constexpr std::array<const char *, 3> fills{"#262626", "#ffffff", "#a6a6a6"};

/// A cell's figure for drawing only: the bar's length, never a figure shown or summed (those
/// are the cell's exact text). Nothing for an empty cell or a word such as "in kind".
std::optional<double> length_of(const std::string &cell) {
  if (!util::is_plain_decimal(cell)) {
    return std::nullopt;
  }
  return std::strtod(cell.c_str(), nullptr);
}

/// The text cut to `chars` characters (UTF-8 aware), with an ellipsis when cut: a band label
/// stays inside the picture; the whole label is in the table beneath.
std::string shortened(const std::string &text, std::size_t chars) {
  if (util::display_width(text) <= chars) {
    return text;
  }
  std::size_t kept = 0, end = 0;
  while (end < text.size() && kept < chars - 1) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      ++end;
    }
    ++kept;
  }
  return text.substr(0, end) + "\u2026";
}

/// Where figures go on the x axis: zero at `zero`, `scale` pixels per unit, ticks every `step`.
struct Axis {
  double low = 0, high = 1, step = 1, zero = 0, scale = 1;
};

Axis axis_for(const Table &chart, double left) {
  Axis axis;
  for (const auto &row : chart.rows) {
    for (std::size_t c = 1; c < row.cells.size(); ++c) {
      if (const auto value = length_of(row.cells[c])) {
        axis.low = std::min(axis.low, *value);
        axis.high = std::max(axis.high, *value);
      }
    }
  }
  const double raw = (axis.high - axis.low) / 4;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  axis.step = magnitude * (raw <= magnitude       ? 1
                           : raw <= 2 * magnitude ? 2
                           : raw <= 5 * magnitude ? 5
                                                  : 10);
  axis.low = std::floor(axis.low / axis.step) * axis.step;
  axis.high = std::ceil(axis.high / axis.step) * axis.step;
  axis.scale = (chart_width - left - value_room) / (axis.high - axis.low);
  axis.zero = left - axis.low * axis.scale;
  return axis;
}

/// A tick's figure as people read it in the series' type: `250,000`, `0.5`.
std::string tick_text(double value, const Axis &axis, ColumnType type, const util::Lang &lang) {
  const int places = axis.step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(axis.step)));
  return people_cell(fmt::format("{:.{}f}", value, places), type, lang);
}

std::string grid(const Table &chart, const Axis &axis, double top, double bottom,
                 const util::Lang &lang) {
  std::string out;
  const auto steps = static_cast<int>(std::lround((axis.high - axis.low) / axis.step));
  for (int i = 0; i <= steps; ++i) {
    const double value = axis.low + i * axis.step;
    const double x = axis.zero + value * axis.scale;
    out += fmt::format("<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" "
                       "y2=\"{2:.1f}\" stroke=\"{3}\"/>\n",
                       x, top, bottom, std::abs(value) < axis.step / 2 ? "#000" : "#ccc");
    out +=
        fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x,
                    bottom + 15, escape_html(tick_text(value, axis, chart.columns[1].type, lang)));
  }
  return out;
}

std::string legend(const Table &chart, double left) {
  std::string out;
  double x = left;
  for (std::size_t s = 1; s < chart.columns.size(); ++s) {
    out +=
        fmt::format("<rect class=\"key\" x=\"{:.1f}\" y=\"4\" width=\"12\" height=\"12\" "
                    "fill=\"{}\" stroke=\"#000\"/>"
                    "<text x=\"{:.1f}\" y=\"14\">{}</text>\n",
                    x, fills[(s - 1) % fills.size()], x + 16, escape_html(chart.columns[s].header));
    x += 16 + char_width * static_cast<double>(util::display_width(chart.columns[s].header)) + 20;
  }
  return out;
}

/// One band: its label, then a bar and its figure per series.
std::string band(const Table &chart, const Row &row, const Axis &axis, double y, double left,
                 const util::Lang &lang) {
  std::string out =
      fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", left - 6,
                  y + bar_height * static_cast<double>(chart.columns.size() - 1) / 2 + 4,
                  escape_html(shortened(row.cells.empty() ? "" : row.cells[0], max_label_chars)));
  for (std::size_t s = 1; s < chart.columns.size(); ++s, y += bar_height) {
    const std::string &cell = s < row.cells.size() ? row.cells[s] : std::string();
    const auto value = length_of(cell);
    if (!value) {
      continue;
    }
    const double end = axis.zero + *value * axis.scale;
    out += fmt::format("<rect class=\"bar\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" "
                       "height=\"{:.1f}\" fill=\"{}\" "
                       "stroke=\"#000\"/>\n",
                       std::min(axis.zero, end), y + 1, std::abs(end - axis.zero), bar_height - 2,
                       fills[(s - 1) % fills.size()]);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\">{}</text>\n",
                       *value < 0 ? end - 4 : end + 4, y + bar_height - 4,
                       *value < 0 ? "end" : "start",
                       escape_html(people_cell(cell, chart.columns[s].type, lang)));
  }
  return out;
}

} // namespace

std::string render_svg_chart(const Table &chart, const util::Lang &lang) {
  std::size_t label_chars = 4;
  for (const auto &row : chart.rows) {
    label_chars = std::max(label_chars, util::display_width(row.cells.empty() ? "" : row.cells[0]));
  }
  const double left = char_width * static_cast<double>(std::min(label_chars, max_label_chars)) + 12;
  const double series =
      static_cast<double>(chart.columns.size() > 1 ? chart.columns.size() - 1 : 1);
  const double top = chart.columns.size() > 2 ? legend_height : 4;
  const double bottom =
      top + static_cast<double>(chart.rows.size()) * (series * bar_height + band_gap);
  const Axis axis = axis_for(chart, left);
  // The drawing is left to right in every language (labels, then bars growing right): inherited
  // from an Arabic page's dir="rtl", the text anchors would flip and put labels over the bars.
  std::string out = fmt::format(
      "<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" "
      "height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" direction=\"ltr\" "
      "style=\"direction: ltr\" font-family=\"sans-serif\" font-size=\"12\">\n<title>{2}</title>\n",
      chart_width, bottom + axis_height, escape_html(chart.title));
  out += chart.columns.size() > 2 ? legend(chart, left) : "";
  out += grid(chart, axis, top, bottom, lang);
  double y = top + band_gap / 2;
  for (const auto &row : chart.rows) {
    out += band(chart, row, axis, y, left, lang);
    y += series * bar_height + band_gap;
  }
  return out + "</svg>\n";
}

} // namespace isukit::io
