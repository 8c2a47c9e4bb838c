#include <isukit/io/csv_reader.hpp>

#include <doctest/doctest.h>

using namespace isukit;
using namespace isukit::io;

TEST_SUITE("io::csv_reader") {
  TEST_CASE("io::CsvReader RFC 4180") {
    const std::string text = "date,state,amount\r\n2025-01-05,FRA,\"1,000.00\"\n\n"
                             "2025-02-01,DEU,\"say \"\"hi\"\"\"\n\"multi\nline\",x,y";
    CsvReader reader(text, intern_file_name("p.csv"));
    std::vector<std::string_view> fields;
    REQUIRE(reader.next_row(fields));
    CHECK(fields == std::vector<std::string_view>{"date", "state", "amount"});
    REQUIRE(reader.next_row(fields));
    CHECK(fields[2] == "1,000.00");
    CHECK(reader.mark(2).line == 2);
    CHECK(reader.mark(2).column == 16);
    REQUIRE(reader.next_row(fields));
    CHECK(fields[2] == "say \"hi\"");
    CHECK(reader.row_mark().line == 4);
    REQUIRE(reader.next_row(fields));
    CHECK(fields[0] == "multi\nline");
    CHECK_FALSE(reader.next_row(fields));
  }

  TEST_CASE("io::CsvReader unterminated quote") {
    CsvReader reader("a,\"b\n", intern_file_name("p.csv"));
    std::vector<std::string_view> fields;
    CHECK_THROWS_WITH(reader.next_row(fields), "p.csv:1:3: unterminated quoted field");
  }
}

TEST_CASE("io::CsvReader several escaped fields in one row") {
  // The scratch buffer grows while the row is read; every field must still read right.
  const std::string long_field(200, 'x');
  const std::string text = "\"a\"\"1\",\"" + long_field + "\"\"\",\"b\"\"2\"\n";
  CsvReader reader(text, intern_file_name("p.csv"));
  std::vector<std::string_view> fields;
  REQUIRE(reader.next_row(fields));
  REQUIRE(fields.size() == 3);
  CHECK(fields[0] == "a\"1");
  CHECK(fields[1] == long_field + "\"");
  CHECK(fields[2] == "b\"2");
}

TEST_CASE("io::CsvReader with another quote, no quote, and lines skipped") {
  const std::string text = "Account;CH93\n\nDate;Memo\n2025-01-05;'a;b'\n";
  CsvReader reader(text, intern_file_name("p.csv"), ';', '\'');
  std::vector<std::string_view> fields;
  CHECK(reader.skip_line());
  CHECK(reader.skip_line());
  REQUIRE(reader.next_row(fields));
  CHECK(reader.row_mark().line == 3);
  REQUIRE(reader.next_row(fields));
  CHECK(fields[1] == "a;b");
  CsvReader unquoted("\"a;b\n", intern_file_name("p.csv"), ';', '\0');
  REQUIRE(unquoted.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"\"a", "b"});
}
