#include <isukit/io/render.hpp>

#include <doctest/doctest.h>

using namespace isukit;
using namespace isukit::io;

namespace {
std::vector<Table> sample() {
  Table table;
  table.title = "Budget";
  table.columns = {{"Line", ColumnType::text}, {"2021", ColumnType::money}};
  table.rows = {{{"Salaries & wages", "341405"}, false}, {{"Total", "469686"}, true}};
  return {table};
}
} // namespace

TEST_SUITE("io::render") {
  TEST_CASE("io::render_text_table aligns and groups") {
    CHECK(render_text_table(sample(), util::Lang::en) == "Budget\n\n"
                                                          "Line                 2021\n"
                                                          "-------------------------\n"
                                                          "Salaries & wages  341,405\n"
                                                          "-------------------------\n"
                                                          "Total             469,686\n");
  }
  TEST_CASE("io::render_markdown") {
    CHECK(render_markdown(sample(), util::Lang::fr) == "**Budget**\n\n| Line | 2021 |\n| --- | ---: |\n"
                                                       "| Salaries & wages | 341 405 |\n"
                                                       "| **Total** | **469 686** |\n");
  }
  TEST_CASE("io::render_separated") {
    auto tables = sample();
    tables[0].rows[0].cells[0] = "Salaries, \"gross\"";
    CHECK(render_separated(tables, ',') ==
          "Line,2021\r\n\"Salaries, \"\"gross\"\"\",341405\r\nTotal,469686\r\n");
  }
  TEST_CASE("io::render_html escapes") {
    const std::string html = render_html(sample(), util::Lang::en);
    CHECK(html.find("<td>Salaries &amp; wages</td><td class=\"num\">341,405</td>") != std::string::npos);
    CHECK(html.find("<tr class=\"total\">") != std::string::npos);
  }
  TEST_CASE("io::render_latex escapes every special character") {
    CHECK(escape_latex("& % $ # _ { } ~ ^ \\") ==
          "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
    const std::string latex = render_latex(sample(), util::Lang::en);
    CHECK(latex == "% Budget\n\\begin{tabular}{lr}\n\\toprule\nLine & 2021 \\\\\n\\midrule\n"
                   "Salaries \\& wages & 341,405 \\\\\n\\midrule\n"
                   "\\textbf{Total} & \\textbf{469,686} \\\\\n\\bottomrule\n\\end{tabular}\n");
  }
}
