#include <isukit/io/latex_characters.hpp>
#include <isukit/io/render.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

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
  TEST_CASE("io::Output::later_tables: built only for a format that writes tables, once") {
    int built = 0;
    auto deferred = [&] {
      Node document = Node::mapping();
      document.add("kind", Node::string("sample"));
      Output output(std::move(document), std::vector<Table>{});
      output.later_tables = [&built](Output &out) {
        ++built;
        out.tables = sample();
      };
      return output;
    };
    Output yaml = deferred();
    yaml.build_tables_for(Format::yaml);
    yaml.build_tables_for(Format::json);
    CHECK(render(yaml, Format::yaml, fixtures::lang("en")) == "---\nkind: sample\n");
    CHECK(built == 0);
    CHECK(yaml.tables.empty());
    // render builds them on a copy when the caller did not (cli::emit does, in place).
    const std::string text = render(yaml, Format::table, fixtures::lang("en"));
    CHECK(text == render_text_table(sample(), fixtures::lang("en")));
    CHECK(built == 1);
    Output table = deferred();
    table.build_tables_for(Format::csv);
    table.build_tables_for(Format::csv);
    CHECK(built == 2);
    CHECK(table.tables.size() == 1);
    CHECK_FALSE(table.later_tables);
    // Appending builds both sides' tables first, so that names are made unique over all.
    Output both = deferred();
    both.append(deferred());
    CHECK(built == 4);
    REQUIRE(both.tables.size() == 2);
    CHECK(both.tables[1].name == both.tables[0].name + "-2");
  }

  TEST_CASE("io::render_text_table aligns and groups") {
    CHECK(render_text_table(sample(), fixtures::lang("en")) == "Budget\n\n"
                                                               "Line                 2021\n"
                                                               "-------------------------\n"
                                                               "Salaries & wages  341,405\n"
                                                               "-------------------------\n"
                                                               "Total             469,686\n");
  }
  TEST_CASE("io::render_text_table aligns Chinese by display width (two columns per character)") {
    Table table;
    table.columns = {{"国家", ColumnType::text}, {"未缴", ColumnType::money}};
    table.rows = {{{"法国", "1000"}, false}, {{"France", "2"}, false}};
    CHECK(render_text_table({table}, fixtures::lang("zh")) == "国家     未缴\n"
                                                              "-------------\n"
                                                              "法国    1,000\n"
                                                              "France      2\n");
  }
  TEST_CASE("io::render_html marks a right-to-left language") {
    CHECK(
        render_html(sample(), fixtures::lang("ar"), true).find("<html lang=\"ar\" dir=\"rtl\">") !=
        std::string::npos);
    const std::string fragment = render_html(sample(), fixtures::lang("ar"));
    CHECK(fragment.starts_with("<div dir=\"rtl\" lang=\"ar\">\n<table>")); // notes inside too
    CHECK(fragment.ends_with("</div>\n"));
    CHECK(render_html(sample(), fixtures::lang("fr")).starts_with("<table>"));
  }
  TEST_CASE("io::render_markdown") {
    CHECK(render_markdown(sample(), fixtures::lang("fr")) ==
          "**Budget**\n\n| Line | 2021 |\n| --- | ---: |\n"
          "| Salaries \\& wages | 341\u202f405 |\n"
          "| **Total** | **469\u202f686** |\n");
  }
  TEST_CASE("io::render_markdown escapes user text as letters do, and io::render_text_table keeps "
            "a field with a line break on its row") {
    auto tables = sample();
    tables[0].rows[0].cells[0] = "<script>x</script> | *a*\nb";
    tables[0].notes.push_back("# [link](http://example.org)");
    const std::string markdown = render_markdown(tables, fixtures::lang("en"));
    CHECK(markdown.find("| \\<script\\>x\\</script\\> \\| \\*a\\* b |") != std::string::npos);
    CHECK(markdown.find("\n\\# \\[link\\](http://example.org)\n") != std::string::npos);
    const std::string text = render_text_table(tables, fixtures::lang("en"));
    CHECK(text.find("<script>x</script> | *a* b  ") != std::string::npos);
    CHECK(text.find("\nb") == std::string::npos);
  }
  TEST_CASE("io::render_separated") {
    auto tables = sample();
    tables[0].rows[0].cells[0] = "Salaries, \"gross\"";
    CHECK(render_separated(tables[0], ',') ==
          "Line,2021\r\n\"Salaries, \"\"gross\"\"\",341405\r\nTotal,469686\r\n");
    tables[0].rows[0].cells[0] = "Salaries\r\nand\twages\nnet";
    CHECK(render_separated(tables[0], '\t') ==
          "Line\t2021\nSalaries and wages net\t341405\nTotal\t469686\n");
  }
  TEST_CASE("io::render_separated neutralises formulas in text, never numbers") {
    Table table;
    table.columns = {{"Applicant", ColumnType::text}, {"Cost", ColumnType::money}};
    table.rows = {{{"=1+1", "-12.50"}, false}, {{"+33 1 23", "-1e3"}, false},
                  {{"@SUM(A1)", "12"}, false}, {{"-", ""}, false},
                  {{"\tx", "0"}, false},       {{"\rx", "1"}, false},
                  {{"Ann", "2"}, false}};
    CHECK(render_separated(table, ',') ==
          "Applicant,Cost\r\n'=1+1,-12.50\r\n'+33 1 23,'-1e3\r\n'@SUM(A1),12\r\n"
          "'-,\r\n'\tx,0\r\n\"'\rx\",1\r\nAnn,2\r\n");
    CHECK(render_separated(table, '\t').find("'=1+1\t-12.50\n") != std::string::npos);
    CHECK(render_separated(table, '\t').find("\n' x\t0\n") != std::string::npos);
  }
  TEST_CASE("io::without_formula_guard takes off exactly what render_separated put on") {
    // tester 8, F1: a reference that began with ' and then - (a bank's '-5) was read back as -5.
    for (const std::string text :
         {"'-5", "''=x", "'", "''", "'abc", "=1+1", "-", "abc", "", "'\t", "@'"}) {
      Table table;
      table.columns = {{"Reference", ColumnType::text}};
      table.rows = {{{text}, false}};
      const std::string csv = render_separated(table, '\t');
      const std::string cell = csv.substr(csv.find('\n') + 1, csv.size() - csv.find('\n') - 2);
      CHECK(without_formula_guard(cell) == (text == "'\t" ? "' " : text));
    }
    CHECK(without_formula_guard("'abc") == "'abc"); // typed by hand: not isukit's guard
  }
  TEST_CASE("io::render writes one table to csv, the output's main table, totals apart") {
    Output output;
    output.tables = sample();
    output.tables[0].name = "lines";
    Table other;
    other.name = "summary";
    other.columns = {{"Item", ColumnType::text}};
    other.rows = {{{"one"}, false}};
    output.tables.insert(output.tables.begin(), other);
    output.main_table = "lines";
    CHECK(render(output, Format::csv, fixtures::lang("en")) ==
          "Line,2021\r\nSalaries & wages,341405\r\n");
    CHECK(render(output, Format::csv, fixtures::lang("en"), {"totals"}) ==
          "Line,2021\r\nTotal,469686\r\n");
    CHECK(render(output, Format::tsv, fixtures::lang("en"), {"summary"}) == "Item\none\n");
    CHECK(render(output, Format::markdown, fixtures::lang("en"), {"summary"}) ==
          "| Item |\n| --- |\n| one |\n");
    CHECK_THROWS_AS(render(output, Format::csv, fixtures::lang("en"), {"states"}), util::Error);
    CHECK_THROWS_AS(render(output, Format::yaml, fixtures::lang("en"), {"lines"}), util::Error);
  }
  TEST_CASE("io::check_render_options: what the format cannot do is a usage error (64)") {
    const util::Lang en = fixtures::lang("en");
    auto code = [&](Format format, RenderOptions options, const util::Lang &lang) {
      try {
        check_render_options(format, options, lang);
        return 0;
      } catch (const util::Error &e) {
        return static_cast<int>(e.code());
      }
    };
    CHECK(code(Format::html, {"", true}, en) == 0);
    CHECK(code(Format::latex, {"totals", true}, en) == 0);
    CHECK(code(Format::csv, {"totals", false}, en) == 0); // the name waits for the output
    CHECK(code(Format::yaml, {"", true}, en) == 64);
    CHECK(code(Format::markdown, {"", true}, en) == 64);
    CHECK(code(Format::json, {"lines", false}, en) == 64);
    CHECK(code(Format::xlsx, {"lines", false}, en) == 64);
    CHECK(code(Format::latex, {}, fixtures::lang("ru")) == 64);
    CHECK(code(Format::html, {}, fixtures::lang("ru")) == 0);
    // render checks the same before it writes a byte.
    CHECK_THROWS_AS(render(Output{}, Format::json, en, {"lines", false}), util::Error);
  }
  TEST_CASE("io::render_html escapes") {
    const std::string html = render_html(sample(), fixtures::lang("en"));
    CHECK(html.find("<td>Salaries &amp; wages</td><td class=\"num\">341,405</td>") !=
          std::string::npos);
    CHECK(html.find("<tr class=\"total\">") != std::string::npos);
  }
  TEST_CASE("io::render_latex escapes every special character") {
    CHECK(escape_latex("& % $ # _ { } ~ ^ \\") ==
          "\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}");
    CHECK(escape_latex("a < b > c | d") == "a \\textless{} b \\textgreater{} c \\textbar{} d");
    const std::string latex = render_latex(sample(), fixtures::lang("en"));
    CHECK(latex ==
          "\\begin{longtable}[l]{lr}\n"
          "\\caption{Budget} \\\\\n\\toprule\nLine & 2021 \\\\\n\\midrule\n\\endfirsthead\n"
          "\\caption[]{Budget} \\\\\n\\toprule\nLine & 2021 \\\\\n\\midrule\n\\endhead\n"
          "\\bottomrule\n\\endfoot\n\\bottomrule\n\\endlastfoot\n"
          "Salaries \\& wages & 341,405 \\\\\n\\midrule\n"
          "\\textbf{Total} & \\textbf{469,686} \\\\\n\\end{longtable}\n");
  }
  TEST_CASE("io::render_latex: notes under the last rule, and a whole document") {
    auto tables = sample();
    tables[0].notes = {"In kind: 100%"};
    const std::string latex = render_latex(tables, fixtures::lang("fr"), true);
    CHECK(latex.starts_with("\\documentclass"));
    CHECK(latex.find("\\usepackage{longtable,booktabs}") != std::string::npos);
    CHECK(latex.find("\\bottomrule\n\\multicolumn{2}{@{}l@{}}{\\rlap{\\parbox[t]{\\linewidth}{"
                     "\\footnotesize In kind: 100\\%}}} \\\\\n"
                     "\\endlastfoot") != std::string::npos);
    CHECK(latex.ends_with("\\end{longtable}\n\\end{document}\n"));
  }
  TEST_CASE("io::render_latex: a standalone document holds only what pdflatex sets") {
    CHECK(io::pdflatex_sets(U'A'));
    CHECK(io::pdflatex_sets(U'\u00e9'));       // é
    CHECK(io::pdflatex_sets(U'\u0105'));       // ą, T1 only
    CHECK(io::pdflatex_sets(U'\u00ab'));       // «, T1 only
    CHECK(io::pdflatex_sets(U'\u20ac'));       // €
    CHECK(io::pdflatex_sets(U'\ufb06'));       // the last range's end
    CHECK_FALSE(io::pdflatex_sets(U'\u0126')); // Ħ: between two ranges
    CHECK_FALSE(io::pdflatex_sets(U'\u1ec5')); // ễ (Vietnamese)
    CHECK_FALSE(io::pdflatex_sets(U'\u0418')); // И
    CHECK_FALSE(io::pdflatex_sets(U'\u0301')); // a combining accent
    CHECK_FALSE(io::pdflatex_sets(U'\U0001F600'));
    auto tables = sample();
    tables[0].rows[0].cells[0] = "Nguy\u1ec5n Th\u1ecb H\u01b0\u01a1ng";
    CHECK_NOTHROW(render_latex(tables, fixtures::lang("en"))); // a fragment, maybe for xelatex
    try {
      render_latex(tables, fixtures::lang("en"), true);
      FAIL("a standalone document with U+1EC5 was written");
    } catch (const util::Error &e) {
      CHECK(e.code() == util::ExitCode::data);
      CHECK(std::string(e.what()).find(
                "pdflatex cannot set '\u1ec5' (U+1EC5) in 'Nguy\u1ec5n Th") != std::string::npos);
    }
    tables[0].rows[0].cells[0] = "\u0104\u017euolas \u00ab plan \u00bb";
    const std::string latex = render_latex(tables, fixtures::lang("en"), true);
    CHECK(latex.find("\\usepackage[T1]{fontenc}\n\\usepackage{lmodern}\n") != std::string::npos);
  }
  TEST_CASE("io::render_html: a fragment, or a page with its stylesheet") {
    CHECK(render_html(sample(), fixtures::lang("en")).starts_with("<table>"));
    const std::string page = render_html(sample(), fixtures::lang("fr"), true);
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    CHECK(page.find("<title>Budget</title>") != std::string::npos);
    CHECK(page.find(".num { text-align: end;") != std::string::npos);
    CHECK(page.find("@media print") != std::string::npos);
    CHECK(page.ends_with("</table>\n</body>\n</html>\n"));
  }
}

TEST_CASE("io::format_of_extension: the format a name says, for every format a file is given") {
  using isukit::io::Format;
  using isukit::io::format_of_extension;
  CHECK(format_of_extension(".csv") == Format::csv);
  CHECK(format_of_extension(".htm") == Format::html);
  CHECK(format_of_extension(".markdown") == Format::markdown);
  CHECK(format_of_extension(".yml") == Format::yaml);
  CHECK(format_of_extension(".xlsx") == Format::xlsx);
  CHECK_FALSE(format_of_extension(".txt"));
  CHECK_FALSE(format_of_extension(".CSV")); // as given: the caller lower-cases
}
