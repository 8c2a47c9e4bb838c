#include <isukit/io/csv_reader.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

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

TEST_CASE("io::CsvReader: lone CR line ends count lines") {
  CsvReader reader("a,b\rc,d\r\re,f", intern_file_name("p.csv"));
  std::vector<std::string_view> fields;
  REQUIRE(reader.next_row(fields));
  REQUIRE(reader.next_row(fields));
  CHECK(reader.row_mark().line == 2);
  REQUIRE(reader.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"e", "f"});
  CHECK(reader.mark(1).line == 4);
  CHECK(reader.mark(1).column == 3);
}

TEST_CASE("io::CsvReader: a field after a quoted field spanning lines is on its own line") {
  CsvReader reader("x,\"one\r\ntwo\",y,z\n", intern_file_name("p.csv"));
  std::vector<std::string_view> fields;
  REQUIRE(reader.next_row(fields));
  CHECK(fields[1] == "one\r\ntwo");
  CHECK(reader.mark(1).line == 1);
  CHECK(reader.mark(2).line == 2);
  CHECK(reader.mark(2).column == 6);
  CHECK(reader.mark(3).column == 8);
}

TEST_CASE("io::CsvReader: RFC 4180 edge cases") {
  std::vector<std::string_view> fields;
  CsvReader empty_fields("a,,\n,\n\"\"\n", intern_file_name("p.csv"));
  REQUIRE(empty_fields.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"a", "", ""});
  REQUIRE(empty_fields.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"", ""});
  REQUIRE(empty_fields.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{""});
  CHECK_FALSE(empty_fields.next_row(fields));
  CsvReader bom("\xEF\xBB\xBF\"a\",b", intern_file_name("p.csv"));
  REQUIRE(bom.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"a", "b"});
  CsvReader junk("\"a\"x,b\n", intern_file_name("p.csv"));
  CHECK_THROWS_WITH(junk.next_row(fields), "p.csv:1:4: unexpected text after a quoted field");
}

TEST_CASE("io::CsvReader: a quote inside an unquoted field is refused where it is") {
  // RFC 4180, 2.5: a quote appears only in a field enclosed in quotes, doubled. Read as
  // written, `ABC"DEF` would be one reading of bytes another reader splits otherwise.
  std::vector<std::string_view> fields;
  const char *fix = "; enclose the field in quotes and double the quote";
  CsvReader short_field("a,b\n1,AB\"C\n", intern_file_name("p.csv"));
  REQUIRE(short_field.next_row(fields));
  CHECK_THROWS_WITH(short_field.next_row(fields), doctest::Contains("p.csv:2:5: a quote (\") "
                                                                    "inside a field that does not "
                                                                    "begin with one"));
  CsvReader long_field("a,b\n1,a reference of 12\" pipe\n", intern_file_name("p.csv"));
  REQUIRE(long_field.next_row(fields)); // past 8 bytes: found eight bytes at a time
  CHECK_THROWS_WITH(long_field.next_row(fields), doctest::Contains("p.csv:2:20: a quote"));
  CsvReader in_text("x\"y", intern_file_name("p.csv"));
  CHECK_THROWS_WITH(in_text.next_row(fields), doctest::Contains(fix));
  CsvReader other_quote("a;12'3\n", intern_file_name("p.csv"), ';', '\'');
  CHECK_THROWS_WITH(other_quote.next_row(fields), doctest::Contains("p.csv:1:5: a quote (')"));
  CsvReader not_quoting("a;12'3\"\n", intern_file_name("p.csv"), ';', '\0');
  REQUIRE(not_quoting.next_row(fields)); // an export that never quotes: a quote is text
  CHECK(fields == std::vector<std::string_view>{"a", "12'3\""});
}

TEST_CASE("io::CsvReader: the cases of the csv-spectrum conformance suite, and UTF-8 only") {
  // The kinds of case github.com/maxogden/csv-spectrum checks, written anew: quoted empty
  // fields, a JSON text in quotes, quotes and line ends (LF and CRLF) inside quotes, UTF-8.
  std::vector<std::string_view> fields;
  CsvReader quoted_empty("a,b,c\n1,\"\",\"\"\n2,3,4", intern_file_name("p.csv"));
  REQUIRE(quoted_empty.next_row(fields));
  REQUIRE(quoted_empty.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"1", "", ""});
  REQUIRE(quoted_empty.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"2", "3", "4"});
  CsvReader json("key,val\n1,\"{\"\"type\"\": \"\"Point\"\", \"\"c\"\": [1.0, 0.5]}\"\n",
                 intern_file_name("p.csv"));
  REQUIRE(json.next_row(fields));
  REQUIRE(json.next_row(fields));
  CHECK(fields[1] == "{\"type\": \"Point\", \"c\": [1.0, 0.5]}");
  CsvReader newlines("a,b\r\n1,\"ha \r\n\"\"ha\"\" \r\nha\"\r\n3,4\r\n", intern_file_name("p.csv"));
  REQUIRE(newlines.next_row(fields));
  REQUIRE(newlines.next_row(fields));
  CHECK(fields[1] == "ha \r\n\"ha\" \r\nha");
  REQUIRE(newlines.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"3", "4"});
  CHECK(newlines.row_mark().line == 5);
  CsvReader utf8("a,b\n1,ʤ\xE2\x80\xAF€\n", intern_file_name("p.csv"));
  REQUIRE(utf8.next_row(fields));
  REQUIRE(utf8.next_row(fields));
  CHECK(fields[1] == "ʤ\xE2\x80\xAF€");
  CsvReader latin1("a,b\n1,Minist\xE8re\n", intern_file_name("p.csv"));
  REQUIRE(latin1.next_row(fields));
  CHECK_THROWS_WITH(latin1.next_row(fields),
                    doctest::Contains("p.csv:2:3: field 2: byte 0xE8 is not UTF-8 text"));
}

TEST_CASE("io::CsvHeader: names, duplicates and widths") {
  std::vector<std::string_view> fields;
  const std::vector<CsvHeader::Column> columns{{"date", true}, {"amount", true}, {"year", false}};
  CsvReader reader(" Date ,AMOUNT\n2025-01-01,1,2\n", intern_file_name("p.csv"));
  REQUIRE(reader.next_row(fields));
  const CsvHeader header(reader, fields, columns, "a test CSV");
  CHECK(header.index(0) == 0);
  CHECK(header.index(1) == 1);
  CHECK(header.index(2) == -1);
  REQUIRE(reader.next_row(fields));
  CHECK_THROWS_WITH(header.check_width(reader, fields),
                    doctest::Contains("p.csv:2:14: expected 2 fields"));
  CsvReader twice("date,amount,Amount\n", intern_file_name("p.csv"));
  REQUIRE(twice.next_row(fields));
  CHECK_THROWS_WITH(CsvHeader(twice, fields, columns, "a test CSV"),
                    "p.csv:1:13: column 'amount' is named twice in the header (also column 2)");
  CsvReader missing("date\n", intern_file_name("p.csv"));
  REQUIRE(missing.next_row(fields));
  CHECK_THROWS_WITH(
      CsvHeader(missing, fields, columns, "a test CSV"),
      "p.csv:1:1: a test CSV needs the header date,amount,[year]; 'amount' is missing");
}

TEST_CASE("io::CsvHeader: the other name and the heads of other languages") {
  std::vector<std::string_view> fields;
  std::vector<CsvHeader::Column> columns{{"amount", true}, {"matched", false, "matched by"}};
  CsvReader french(" Montant ,Reconnu par\n", intern_file_name("p.csv"));
  REQUIRE(french.next_row(fields));
  CHECK_FALSE(CsvHeader::names_every_column(fields, columns));
  CHECK_THROWS_WITH(CsvHeader(french, fields, columns, "a test CSV"),
                    "p.csv:1:1: the first line of a test CSV must be its header "
                    "amount,[matched|matched by]; this line names none of its columns (remove "
                    "any lines above the header)");
  columns[0].heads = {head_key("Montant")};
  columns[1].heads = {head_key("Reconnu par")};
  CHECK(CsvHeader::names_every_column(fields, columns));
  const CsvHeader header(french, fields, columns, "a test CSV");
  CHECK(header.index(0) == 0);
  CHECK(header.index(1) == 1);
  CsvReader typo("montnat,matched by\n", intern_file_name("p.csv"));
  REQUIRE(typo.next_row(fields));
  CHECK_THROWS_WITH(CsvHeader(typo, fields, columns, "a test CSV"),
                    "p.csv:1:1: unknown column 'montnat' in a test CSV (did you mean 'montant'?)");
}

namespace {

/// Every row of a reader: its fields, and the position of each, as one text.
std::string rows_of(CsvReader &reader) {
  std::string out;
  std::vector<std::string_view> fields;
  while (reader.next_row(fields)) {
    out += reader.row_mark().located() + "\n";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      out += reader.mark(i).located() + " [" + std::string(fields[i]) + "]\n";
    }
  }
  return out;
}

/// What `read` makes of a reader of `text` written to a scratch file, read back in blocks.
template <typename Read> auto from_file(const std::string &text, Read read) {
  // Named for this process: another checkout's tests may run at the same time.
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("isukit-csv-blocks-" + std::to_string(::getpid()) + ".csv"))
                               .string();
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  const int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  struct Cleanup { // also when `read` throws, as the tests of errors expect it to
    int fd;
    const std::string &path;
    ~Cleanup() {
      ::close(fd);
      std::filesystem::remove(path);
    }
  } cleanup{fd, path};
  CsvReader reader(fd, intern_file_name("f.csv"));
  return read(reader);
}

std::string rows_from_file(const std::string &text) {
  return from_file(text, [](CsvReader &reader) { return rows_of(reader); });
}

} // namespace

TEST_CASE("io::CsvReader over a file read in blocks reads what it reads from the whole text") {
  // Some 3 MB of rows of every length and form, so that the 1 MiB blocks end inside fields,
  // quoted fields, doubled quotes, CRLF pairs, blank lines and the byte order mark's row.
  std::string text = "\xEF\xBB\xBF"
                     "date,state,amount\r\n";
  std::uint64_t x = 88172645463325252ull;
  const char *forms[] = {"{},FRA,{}\r\n", "{},\"D\"\"E\nU\",{}\n", "{},\"CH\",{}\r", "\n{},,{}\n",
                         "{},\"a,b\"\"\",{}\r\n"};
  while (text.size() < 3'200'000) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    text += fmt::format(fmt::runtime(forms[x % 5]), std::string(x % 37, 'd'), x % 100000);
  }
  const std::string whole = [&] {
    CsvReader reader(text, intern_file_name("f.csv"));
    return rows_of(reader);
  }();
  CHECK(whole.size() > text.size());
  CHECK(rows_from_file(text) == whole);
  CHECK(rows_from_file(text.substr(0, (1 << 20) - 1) + "\r\nx") ==
        [&] { // a CR ends the first block
          const std::string cut = text.substr(0, (1 << 20) - 1) + "\r\nx";
          CsvReader reader(cut, intern_file_name("f.csv"));
          return rows_of(reader);
        }());
  CHECK(rows_from_file("") == "");
  CHECK_THROWS_WITH(rows_from_file("a,b\n\"open"), "f.csv:2:1: unterminated quoted field");
}

TEST_CASE("io::CsvReader::at_end: an empty CSV is one of blank lines, or nothing") {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\r\n\n\r", "\xEF\xBB\xBF\n"}) {
    CsvReader reader(text, intern_file_name("p.csv"));
    CHECK(reader.at_end());
  }
  CsvReader reader("\n\r\na,b\n", intern_file_name("p.csv"));
  CHECK(!reader.at_end());
  std::vector<std::string_view> fields;
  REQUIRE(reader.next_row(fields));
  CHECK(reader.row_mark().line == 3); // the blank lines skipped were counted
  CHECK(reader.at_end());
  // Blank lines over a block's end, one CRLF cut by it: counted once.
  const auto line_after = [](CsvReader &file) {
    std::vector<std::string_view> row;
    return !file.at_end() && file.next_row(row) ? file.row_mark().line : 0;
  };
  CHECK(from_file(std::string((1 << 20) - 1, '\n') + "\r\nx", line_after) == (1 << 20) + 1);
  CHECK(from_file(std::string(3 << 19, '\n'), [](CsvReader &file) { return file.at_end(); }));
}

TEST_CASE("io::CsvReader: a quote inside an unquoted field of a file read in blocks") {
  CHECK_THROWS_WITH(rows_from_file(std::string(3 << 19, '\n') + "a,b\"c\n"),
                    doctest::Contains("f.csv:1572865:4: a quote"));
}

TEST_CASE("io::CsvReader: lines peeked and taken by a reader of plain rows") {
  // A plain row taken whole keeps the positions of its fields, for messages.
  const std::string text = "\xEF\xBB\xBF"
                           "a,b\r\n1,22,333\r\n\n4,5\r6\n7,8";
  CsvReader reader(text, intern_file_name("p.csv"));
  std::vector<std::string_view> fields;
  REQUIRE(reader.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"a", "b"});
  CHECK(reader.peek_line() == "1,22,333");
  CHECK(reader.peek_line() == "1,22,333"); // peeking reads nothing
  reader.take_line();
  CHECK(reader.row_mark().line == 2);
  CHECK(reader.mark(1).column == 3);
  CHECK(reader.mark(2).column == 6);
  CHECK(reader.mark(3).line == 2); // no such field: the row
  CHECK(reader.peek_line() == ""); // a blank line: next_row skips it
  REQUIRE(reader.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"4", "5"}); // a lone CR ends a line
  CHECK(reader.row_mark().line == 4);
  CHECK(reader.peek_line() == "6");
  REQUIRE(reader.next_row(fields));
  CHECK(reader.row_mark().line == 5);
  CHECK(reader.peek_line() == "7,8"); // the last line, without a line end
  reader.take_line();
  CHECK(reader.mark(1).line == 6);
  CHECK(reader.mark(1).column == 3);
  CHECK_FALSE(reader.peek_line());
  CHECK_FALSE(reader.next_row(fields));
}

TEST_CASE("io::CsvReader: positions are worked out on demand, exactly as they were kept") {
  // A quoted field over two lines, then fields on the second line; an error past a quote.
  CsvReader reader("h\nx,\"a\r\nb\"\"c\",y,\"\"\n", intern_file_name("p.csv"));
  std::vector<std::string_view> fields;
  REQUIRE(reader.next_row(fields));
  REQUIRE(reader.next_row(fields));
  CHECK(fields == std::vector<std::string_view>{"x", "a\r\nb\"c", "y", ""});
  CHECK(reader.mark(0).line == 2);
  CHECK(reader.mark(1).column == 3);
  CHECK(reader.mark(2).line == 3);
  CHECK(reader.mark(2).column == 7);
  CHECK(reader.mark(3).column == 9);
  CsvReader bad("h\n1,\"a\nb\"x\n", intern_file_name("p.csv"));
  REQUIRE(bad.next_row(fields));
  CHECK_THROWS_WITH(bad.next_row(fields), "p.csv:3:3: unexpected text after a quoted field");
  CsvReader open("h\n1,\"a\nb\n", intern_file_name("p.csv"));
  REQUIRE(open.next_row(fields));
  CHECK_THROWS_WITH(open.next_row(fields), "p.csv:2:3: unterminated quoted field");
}

TEST_CASE("io::CsvReader: rows across blocks of a file, peeked or read") {
  // Rows of a file larger than a block: every row read whole, by either way, on its line.
  const auto path = std::filesystem::temp_directory_path() / "isukit-unit-csv-blocks.csv";
  std::string text = "n,text\n";
  for (int i = 0; i < 60000; ++i) {
    text += fmt::format("{},{}{}", i, std::string(static_cast<std::size_t>(i % 37), 'x'),
                        i % 3 == 0 ? "\r\n" : "\n");
  }
  std::ofstream(path, std::ios::binary) << text;
  const int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  CsvReader reader(fd, intern_file_name("big.csv"));
  std::vector<std::string_view> fields;
  REQUIRE(reader.next_row(fields));
  for (int i = 0; i < 60000; ++i) {
    const std::string expected =
        fmt::format("{},{}", i, std::string(static_cast<std::size_t>(i % 37), 'x'));
    if (i % 2 == 0) {
      const auto line = reader.peek_line();
      REQUIRE(line);
      REQUIRE(*line == expected);
      reader.take_line();
    } else {
      REQUIRE(reader.next_row(fields));
      REQUIRE(fmt::format("{},{}", fields[0], fields[1]) == expected);
    }
    REQUIRE(reader.row_mark().line == i + 2);
  }
  CHECK_FALSE(reader.peek_line());
  ::close(fd);
}

TEST_CASE("io::CsvReader::hold: held bytes stay where they are while the reader reads on") {
  // About 3 MB of rows: the reader reads three blocks past the ones held.
  std::string text = "n,text\n";
  for (int i = 0; i < 100000; ++i) {
    text += fmt::format("{},{}\n", i, std::string(static_cast<std::size_t>(i % 41), 'y'));
  }
  from_file(text, [](CsvReader &reader) {
    std::vector<std::string_view> fields;
    REQUIRE(reader.next_row(fields));
    const std::string_view first = reader.ahead().substr(0, 5000); // rows 0 to about 200
    const std::string copy(first);
    std::vector<CsvReader::Hold> holds{reader.hold()};
    REQUIRE(holds.back());
    int rows = 0;
    while (reader.next_row(fields)) {
      if (++rows % 20000 == 0) {
        holds.push_back(reader.hold()); // a block held for a while, then let go
        holds.erase(holds.begin() + 1, holds.end() - 1);
      }
    }
    CHECK(rows == 100000);
    CHECK(first == copy);
    CHECK(first.substr(0, 8) == "0,\n1,y\n2");
    return 0;
  });
  CsvReader whole("a,b\n1,2\n", intern_file_name("whole.csv"));
  CHECK_FALSE(whole.hold()); // a text held whole never moves
}
