#include <isukit/io/chart.hpp>

#include <doctest/doctest.h>

#include <string>

#include "fixtures.hpp"

using namespace isukit;
using namespace isukit::io;

namespace {

std::size_t count(const std::string &text, const std::string &what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

Table sample() {
  Table chart;
  chart.name = "balances";
  chart.title = "Balances <USD>";
  chart.columns = {{"State", ColumnType::text},
                   {"Current year", ColumnType::money},
                   {"Closed years", ColumnType::money}};
  chart.rows = {{{"Canada", "0.00", "35916.91"}},
                {{"Spain", "26507.94", "-120.50"}},
                {{"Chile", "in kind", ""}}};
  return chart;
}

} // namespace

TEST_SUITE("io::chart") {
  TEST_CASE("io::render_svg_chart: a bar per figure, labelled as people read it, a legend for two "
            "series") {
    const std::string svg = render_svg_chart(sample(), fixtures::lang("en"));
    CHECK(svg.starts_with("<svg class=\"chart\" role=\"img\""));
    CHECK(svg.find("<title>Balances &lt;USD&gt;</title>") != std::string::npos);
    CHECK(count(svg, "<rect class=\"bar\"") == 4); // "in kind" and "" draw nothing
    CHECK(count(svg, "<rect class=\"key\"") == 2);
    CHECK(svg.find(">35,916.91</text>") != std::string::npos);
    CHECK(svg.find("text-anchor=\"end\">-120.50</text>") != std::string::npos); // left of zero
    CHECK(svg.find(">Chile</text>") != std::string::npos);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg == render_svg_chart(sample(), fixtures::lang("en")));
  }

  TEST_CASE("io::render_svg_chart: figures in the language's style, long labels shortened") {
    Table chart = sample();
    chart.columns.pop_back();
    chart.rows[0].cells[0] = std::string(60, 'x');
    const std::string svg = render_svg_chart(chart, fixtures::lang("fr"));
    CHECK(count(svg, "<rect class=\"key\"") == 0); // one series: no legend
    CHECK(svg.find(std::string(37, 'x') + "\u2026</text>") != std::string::npos);
    CHECK(svg.find(std::string(38, 'x')) == std::string::npos);
    CHECK(svg.find(",94</text>") != std::string::npos); // 26 507,94 with the French decimal mark
  }

  TEST_CASE("io::render_svg_chart: drawn left to right in an Arabic page too (labels in their "
            "column, not over the bars)") {
    const std::string svg = render_svg_chart(sample(), fixtures::lang("ar"));
    const std::string head = svg.substr(0, svg.find('>'));
    CHECK(head.find(" direction=\"ltr\"") != std::string::npos);
    CHECK(head.find(" style=\"direction: ltr\"") != std::string::npos);
  }
}
