#include <isukit/io/select.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

using namespace isukit;
using namespace isukit::io;

namespace {
Table table_with_total(std::string name) {
  Table table;
  table.name = std::move(name);
  table.columns = {{"Line", ColumnType::text}, {"Amount", ColumnType::money}};
  table.rows = {{{"a", "1"}, false}, {{"Total", "1"}, true}};
  return table;
}
} // namespace

TEST_SUITE("io::select") {
  TEST_CASE("io::named_tables: one table's totals are 'totals'") {
    Output output;
    output.tables = {table_with_total("lines")};
    CHECK(table_names(output) == "lines, totals");
    const auto named = named_tables(output);
    CHECK(named[0].rows.size() == 1);
    CHECK_FALSE(named[0].rows[0].is_total);
    CHECK(named[1].rows[0].cells[0] == "Total");
  }
  TEST_CASE("io::named_tables: several tables' totals carry their table's name") {
    Output output;
    output.append(Output{{}, {table_with_total("lines")}});
    output.append(Output{{}, {table_with_total("lines")}});
    CHECK(table_names(output) == "lines, lines-totals, lines-2, lines-2-totals");
  }
  TEST_CASE("io::select_tables: people's formats keep every table whole unless one is named") {
    Output output;
    output.tables = {table_with_total("lines")};
    CHECK_FALSE(select_tables(output, Format::html, "")); // the output as it is
    CHECK_FALSE(select_tables(output, Format::yaml, ""));
    CHECK(select_tables(output, Format::html, "totals")->tables[0].rows.size() == 1);
    CHECK(select_tables(output, Format::csv, "")->tables[0].rows.size() == 1);
  }
  TEST_CASE("io::select_tables: an unknown name lists the names") {
    Output output;
    output.tables = {table_with_total("lines")};
    try {
      select_tables(output, Format::csv, "states");
      FAIL("no error");
    } catch (const util::Error &e) {
      CHECK(e.code() == util::ExitCode::usage);
      CHECK(e.message().find("lines, totals") != std::string::npos);
    }
  }
}
