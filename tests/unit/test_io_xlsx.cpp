#include <isukit/io/xlsx.hpp>

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace isukit;
using namespace isukit::io;

TEST_SUITE("io::xlsx") {
  TEST_CASE("io::render_xlsx: a zip package, the same bytes every time") {
    Output output;
    Table table;
    table.name = "lines";
    table.title = "Budget";
    table.columns = {
        {"Line", ColumnType::text}, {"2021", ColumnType::money}, {"Due", ColumnType::date}};
    table.rows = {{{"=1+1", "341405.50", "2025-08-31"}, false}, {{"Total", "341405.50", ""}, true}};
    output.tables = {table};
    const std::string book = render_xlsx(output, fixtures::lang("en"));
    CHECK(book.starts_with("PK\x03\x04"));
    CHECK(book == render_xlsx(output, fixtures::lang("en")));
  }
}
