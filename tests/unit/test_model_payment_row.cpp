#include <isukit/model/ledger.hpp>
#include <isukit/model/payment_row.hpp>
#include <isukit/util/text.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "fixtures.hpp"

using namespace isukit;
using namespace isukit::model;
using fixtures::states;

namespace {

const std::vector<PaymentColumn> usual = {PaymentColumn::date,      PaymentColumn::state,
                                          PaymentColumn::amount,    PaymentColumn::currency,
                                          PaymentColumn::reference, PaymentColumn::year};

const util::Currency usd = *util::Currency::parse("USD");

std::optional<PlainPayment> plain(std::string_view line,
                                  const std::vector<PaymentColumn> &columns = usual) {
  return PaymentRowReader(columns, states()).read(line, usd, "USD");
}

/// Rows the plain reader leaves to the general reader (in the usual order, with a year).
const std::vector<std::string> not_plain = {
    "\"2025-03-14\",FRA,1,USD,R,",     // a quote
    "2025-03-14,FRA,1,USD,\"R\",",     // a quoted reference
    "2025-03-14,FRA,1,USD,R\"x,",      // a quote inside
    "2025-03-14,FRA,1,USD,R\r,",       // a CR (a lone CR ends a line)
    "2025-03-14,FRA,1,USD,R\xC3\xA9,", // past ASCII: checked as UTF-8 by the general
                                       // reader
    "2025-03-14,FRA,1,USD,R",          // a field too few
    "2025-03-14,FRA,1,USD,R,2025,",    // a field too many
    "",                                // a blank line
    "2025-02-29,FRA,1,USD,R,",         // no such day
    "2100-02-29,FRA,1,USD,R,",         // 2100 is not a leap year
    "1949-12-31,FRA,1,USD,R,",         // outside the working years
    "2150-01-01,FRA,1,USD,R,",
    "2025-3-14,FRA,1,USD,R,",
    "2025-03-14 ,FRA,1,USD,R,",
    "2025-03-14,fra,1,USD,R,", // codes are upper case
    "2025-03-14,XXX,1,USD,R,", // no such state
    "2025-03-14,FR,1,USD,R,",
    "2025-03-14,FRAN,1,USD,R,",
    "2025-03-14,FRA,1.001,USD,R,", // more decimals than USD has
    "2025-03-14,FRA,1.,USD,R,",
    "2025-03-14,FRA,.5,USD,R,",
    "2025-03-14,FRA,+1,USD,R,",
    "2025-03-14,FRA,1 000,USD,R,",
    "2025-03-14,FRA,,USD,R,",
    "2025-03-14,FRA,99999999999999999999,USD,R,", // out of range
    "2025-03-14,FRA,1,EUR,R,",                    // not the currency of the rows before
    "2025-03-14,FRA,1,USDX,R,",
    "2025-03-14,FRA,1,usd,R,",
    "2025-03-14,FRA,1,USD,R,25", // a year is four digits
    "2025-03-14,FRA,1,USD,R,2150",
    "2025-03-14,FRA,1,USD,R,20x5",
    "2025-03-14,FRA,1,USD,R,2025 ",
    "2025-13-01,FRA,1,USD,R,", // month 13
    "2025-00-10,FRA,1,USD,R,", // month 0
    "2025-01-00,FRA,1,USD,R,", // day 0
    "2025-01-32,FRA,1,USD,R,",
    "2025-04-31,FRA,1,USD,R,",
    "2023-02-29,FRA,1,USD,R,",
    "1900-02-29,FRA,1,USD,R,",
    "0000-01-01,FRA,1,USD,R,",
    "9999-12-31,FRA,1,USD,R,",
    "2025-03-1x,FRA,1,USD,R,",
    "2025/03/14,FRA,1,USD,R,",
    "2025-03-14,FRA,-,USD,R,",
    "2025-03-14,FRA,-.5,USD,R,",
    "2025-03-14,FRA,--1,USD,R,",
    "2025-03-14,FRA,1.5.,USD,R,",
    "2025-03-14,FRA,1e6,USD,R,",
    "2025-03-14,FRA,99999999999999999.99,USD,R,", // 19 digits: the general reader's
    "2025-03-14,FRA,1,USD,R\x01,",                // a control character
    "2025-03-14,FRA,1,USD,R,1949",
    "2025-03-14,FRA,1,USD,R, 2025",
    ",FRA,1,USD,R,", // empty fields
    "2025-03-14,,1,USD,R,",
    "2025-03-14,FRA,1,,R,",
    "2025-03-14,FRA,1,USD,R,2025\n",
};

/// Whether two readings give the same payment (or both none).
bool same(const std::optional<PlainPayment> &a, const std::optional<PlainPayment> &b) {
  if (!a || !b) {
    return a.has_value() == b.has_value();
  }
  return a->date == b->date && a->state == b->state && a->amount == b->amount &&
         a->reference == b->reference && a->year == b->year;
}

/// The scratch file, named for the process (another checkout's tests may run at the same
/// time) and removed when the tests end.
const std::filesystem::path &scratch_file() {
  static const struct Scratch {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("isukit-unit-payment-row-" + std::to_string(::getpid()) + ".csv");
    ~Scratch() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  } scratch;
  return scratch.path;
}

/// What reading `csv` gives: each state's payments by year (0: naming none), or the error.
std::string ledger_of(const std::string &csv) {
  const auto &path = scratch_file();
  std::ofstream(path, std::ios::binary) << csv;
  try {
    const auto ledger = Ledger::read({path.string()}, states(), util::Date(2149, 12, 31));
    std::string sums;
    for (StateId state = 0; state < states().size(); ++state) {
      for (int year = Ledger::first_year; year <= Ledger::last_year; ++year) {
        if (const auto paid = ledger.paid_for_year(state, year)) {
          sums += fmt::format("{} {} {}\n", states()[state].code, year, paid);
        }
      }
      if (const auto paid = ledger.paid_unnamed(state)) {
        sums += fmt::format("{} - {}\n", states()[state].code, paid);
      }
    }
    return sums;
  } catch (const util::Error &error) {
    return error.what();
  }
}

} // namespace

TEST_SUITE("model::payment_row") {
  TEST_CASE("model::PaymentRowReader reads a plain row straight from its bytes") {
    const auto payment = plain("2025-03-14,FRA,10000.5,USD, BANK-0042 ,2025");
    REQUIRE(payment);
    CHECK(payment->date == util::Date(2025, 3, 14));
    CHECK(payment->state == fixtures::state("FRA"));
    CHECK(payment->amount == 1000050);
    CHECK(payment->reference == "BANK-0042");
    CHECK(payment->year == 2025);
    CHECK_FALSE(plain("2025-03-14,FRA,-7,USD,R,")->year);
    CHECK(plain("2024-02-29,FRA,0.07,USD,,2025")->amount == 7);
    const std::vector<PaymentColumn> other = {PaymentColumn::note,     PaymentColumn::reference,
                                              PaymentColumn::currency, PaymentColumn::amount,
                                              PaymentColumn::date,     PaymentColumn::state};
    const auto reordered = plain("a note,R1,USD,12,2000-02-29,DEU", other);
    REQUIRE(reordered);
    CHECK(reordered->state == fixtures::state("DEU"));
    CHECK(reordered->amount == 1200);
    CHECK(reordered->reference == "R1");
    // The edges a plain row may still hold.
    CHECK(plain("2000-02-29,FRA,1,USD,R,")->date == util::Date(2000, 2, 29)); // 2000 is leap
    CHECK(plain("1950-01-01,FRA,1,USD,R,1950")->date == util::Date(1950, 1, 1));
    CHECK(plain("2149-12-31,FRA,1,USD,R,2149")->year == 2149);
    CHECK(plain("2025-12-31,FRA,1,USD,R,")->date == util::Date(2025, 12, 31));
    CHECK(plain("2025-04-30,FRA,1,USD,R,")->date == util::Date(2025, 4, 30));
    CHECK(plain("2025-03-14,FRA,-0.05,USD,R,")->amount == -5);
    CHECK(plain("2025-03-14,FRA,-12.5,USD,R,")->amount == -1250);
    CHECK(plain("2025-03-14,FRA,0000000000000001,USD,R,")->amount == 100);
    CHECK(plain("2025-03-14,FRA,9999999999999999.99,USD,R,")->amount == 999999999999999999);
    CHECK(plain("2025-03-14,FRA,-9999999999999999.99,USD,R,")->amount == -999999999999999999);
    CHECK(plain("2025-03-14,FRA,1,USD,,")->reference.empty());
    CHECK(plain("2025-03-14,FRA,1,USD,\tR 1\t,")->reference == "R 1");
    CHECK(plain("2025-03-14,FRA,1,USD,  ,")->reference.empty());
    const auto jpy = *util::Currency::parse("JPY");
    CHECK(
        PaymentRowReader(usual, states()).read("2025-03-14,FRA,1500,JPY,R,", jpy, "JPY")->amount ==
        1500);
    CHECK_FALSE(PaymentRowReader(usual, states()).read("2025-03-14,FRA,1.5,JPY,R,", jpy, "JPY"));
    const auto kwd = *util::Currency::parse("KWD");
    CHECK(PaymentRowReader(usual, states()).read("2025-03-14,FRA,1.5,KWD,R,", kwd, "KWD")->amount ==
          1500);
  }

  TEST_CASE("model::PaymentRowReader leaves every other row to the general reader") {
    for (const std::string &line : not_plain) {
      CAPTURE(line);
      CHECK_FALSE(plain(line));
    }
    CHECK_FALSE(PaymentRowReader(usual, states())
                    .read("2025-03-14,FRA,1,USD,R,", usd, "")); // no currency yet
  }

  TEST_CASE("model::PaymentRowReader: a row read plain gives what the general reader gives, errors "
            "included") {
    // The first row of a file is always read by the general reader (the currency is not known
    // yet), a later one plain when it can be: the same row in both places must give the same
    // sums, or the same error at the same column. In each order the plain reader reads apart:
    // the usual one with a year, without one, and any other (here a note after them).
    const auto compare = [](const std::string &header, const std::string &row,
                            const std::string &warm) {
      std::string first = ledger_of(header + row + "\n" + warm);
      const std::string later = ledger_of(header + warm + row + "\n");
      if (const auto at = first.find(".csv:2:"); at != std::string::npos) {
        first.replace(at, 7, ".csv:3:");
      }
      CHECK(first == later);
    };
    for (const char *row : {
             "2025-03-14,FRA,10000.50,USD,BANK-0042,2025",
             "2025-03-14,FRA,-0,USD,R,",
             "2025-03-14,FRA,0,USD,R,",
             "2025-03-14,FRA,007.5,USD,  R  ,2026",
             "2025-03-14,FRA,5,USD,R,2027",
             "2024-02-29,DEU,3,USD,R,1950",
             "2025-03-14,FRA,1.001,USD,R,",
             "2025-02-29,FRA,1,USD,R,",
             "2025-03-14,XXX,1,USD,R,",
             "2025-03-14,FRA,1,USD,R,25",
             "2025-03-14,FRA,1,USD,R,2025,x",
             "2025-03-14,FRA,1,USD,R",
             "2025-03-14,FRA,92233720368547758.07,USD,R,",
             "2025-03-14,FRA,9223372036854775808,USD,R,",
             "1949-12-31,FRA,1,USD,R,",
             "2025-03-14,FRA,1,USD,\"R,1\",",
             "2025-03-14,FRA,1,USD,R\xC3,",
             "2025-03-14,FRA,1,USD,R\xC3\xA9,",
             "2025-03-14,FRA,1,USD,R\x01,",
             "2025-03-14,FRA,1,USD,\tR\t,",
             "2025-03-14,FRA,1,USD,   ,",
             "2025-03-14,FRA,1,USD,\t \t,",
             "2025-03-14,FRA,1,USD,\"  \",",
             "\"2025-03-14\",FRA,1,USD,R,",
             "2025-03-14,\"FRA\",\"1.50\",USD,R,",
             "2025-03-14,FRA,1,\"USD\",R,\"2025\"",
             "2025-03-14,FRA,-0.05,USD,R,",
             "2025-03-14,FRA,-12.5,USD,R,",
             "2025-03-14,FRA,,USD,R,",
             "2025-03-14,FRA,1,USD,,",
             ",FRA,1,USD,R,",
             "2025-03-14,,1,USD,R,",
             "2025-03-14,FRA,1,,R,",
             "2000-02-29,FRA,1,USD,R,2000",
             "2100-02-29,FRA,1,USD,R,",
             "2023-02-29,FRA,1,USD,R,",
             "2025-13-01,FRA,1,USD,R,",
             "2025-00-10,FRA,1,USD,R,",
             "2025-01-00,FRA,1,USD,R,",
             "2025-04-31,FRA,1,USD,R,",
             "1950-01-01,FRA,1,USD,R,1950",
             "2149-12-31,FRA,1,USD,R,2149",
             "2150-01-01,FRA,1,USD,R,",
             "2025-03-14,FRA,1,USD,R,1949",
             "2025-03-14,FRA,9999999999999999.99,USD,R,",
             "2025-03-14,FRA,99999999999999999.99,USD,R,",
             "2025-03-14,FRA,-92233720368547758.08,USD,R,",
             "2025-03-14,FRA,1.5.,USD,R,",
         }) {
      const std::string line = row;
      CAPTURE(line);
      compare("date,state,amount,currency,reference,year\n", line, "2001-01-01,AFG,1,USD,W,\n");
      compare("date,state,amount,currency,reference\n", line.substr(0, line.rfind(',')),
              "2001-01-01,AFG,1,USD,W\n");
      compare("date,state,amount,currency,reference,year,note\n", line + ",n",
              "2001-01-01,AFG,1,USD,W,,n\n");
    }
  }

  TEST_CASE("model::PaymentRowReader: a byte that is not a digit anywhere in a date, a byte "
            "that is not text anywhere in a reference") {
    // The date is checked as two numbers, a reference eight bytes at a time: every position.
    const std::string date = "2025-03-14";
    for (std::size_t at = 0; at < date.size(); ++at) {
      for (const char other : {'/', ':', '-', '0', 'a', ' ', '\x80'}) {
        std::string changed = date;
        changed[at] = other;
        CAPTURE(changed);
        const auto payment = plain(changed + ",FRA,1,USD,R,");
        const auto parsed = util::Date::parse(changed);
        CHECK(payment.has_value() == (parsed && util::is_working_year(parsed->year())));
      }
    }
    const std::string reference = "ABCDEFGHIJKLMNOPQRS";
    for (std::size_t at = 0; at <= reference.size(); ++at) {
      for (const char other :
           {'"', ',', '\x7F', '\x80', '\xFF', '\x01', '\x1F', '\t', ' ', '\r', '~'}) {
        std::string changed = reference;
        changed.insert(at, 1, other);
        CAPTURE(at);
        CAPTURE(static_cast<int>(static_cast<unsigned char>(other)));
        const std::string line = "2025-03-14,FRA,1,USD," + changed + ","; // the row's views
        const auto payment = plain(line);
        const bool text = other == '\t' || other == ' ' || other == '~';
        REQUIRE(payment.has_value() == text);
        if (text) {
          CHECK(payment->reference == util::trim_blanks(changed));
        }
      }
    }
  }

  TEST_CASE("model::PaymentRowReader: CRLF line ends and a byte order mark read as LF ends do") {
    const std::string rows = "date,state,amount,currency,reference,year\n"
                             "2025-03-14,FRA,10.50,USD,A,2025\n"
                             "2025-03-15,FRA,-0.50,USD,B,\n"
                             "2024-02-29,DEU,7,USD,C,2024\n";
    const std::string sums = ledger_of(rows);
    CHECK(sums == "DEU 2024 700\nFRA 2025 1050\nFRA - -50\n");
    std::string crlf;
    for (const char c : rows) {
      crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    CHECK(ledger_of(crlf) == sums);
    CHECK(ledger_of("\xEF\xBB\xBF" + rows) == sums);
    CHECK(ledger_of("\xEF\xBB\xBF" + crlf.substr(0, crlf.size() - 2)) == sums); // no last end
    // A CR alone ends a line for the general reader: the same sums.
    std::string cr = rows;
    std::replace(cr.begin(), cr.end(), '\n', '\r');
    CHECK(ledger_of(cr) == sums);
  }

  TEST_CASE("model::PaymentRowReader: the usual order, read straight, gives what reading column "
            "by column gives") {
    // date,state,amount,currency,reference[,year] has its own straight-line reader; a note
    // column after them makes the reader go column by column: the same rows, the same results.
    std::vector<PaymentColumn> without_year = usual;
    without_year.pop_back();
    std::vector<PaymentColumn> with_note = usual;
    with_note.push_back(PaymentColumn::note);
    std::vector<PaymentColumn> without_year_with_note = without_year;
    without_year_with_note.push_back(PaymentColumn::note);
    std::vector<std::string> lines = not_plain;
    for (const char *line : {"2025-03-14,FRA,10000.5,USD, BANK-0042 ,2025",
                             "2025-03-14,FRA,-7,USD,R,", "2024-02-29,FRA,0.07,USD,,2025",
                             "2025-03-14,FRA,1,USD,\tR 1\t,", "2025-03-14,FRA,1,USD,R#1 (a/b),",
                             "2025-03-14,DEU,123456789.12,USD,A reference that runs long,2024"}) {
      lines.emplace_back(line);
    }
    std::size_t read = 0;
    for (const std::string &line : lines) {
      CAPTURE(line);
      const auto straight = plain(line);
      CHECK(same(straight, plain(line + ",a note", with_note)));
      read += straight ? 1 : 0;
      const std::string no_year = line.substr(0, line.rfind(','));
      CHECK(same(plain(no_year, without_year), plain(no_year + ",a note", without_year_with_note)));
    }
    CHECK(read == 6); // the test compares readings, not only refusals
  }

  TEST_CASE("model::PaymentRowReader::read_lines reads each row as read does, whatever follows") {
    // The usual row has its own paths when eight or sixteen bytes are at hand past a field:
    // each row followed by a long one, with either line end, reads as that row alone.
    const std::string next = "2025-03-14,FRA,1.00,USD,A REFERENCE THAT RUNS LONG,2025\n";
    std::vector<std::string> lines = not_plain;
    for (const char *line :
         {"2025-03-14,FRA,10000.5,USD, BANK-0042 ,2025", "2025-03-14,FRA,19008.23,USD,R-1,2013",
          "2025-03-14,FRA,1234567.89,USD,R,2024", "2025-03-14,FRA,12345678.90,USD,R,2024",
          "2025-03-14,FRA,0.07,USD,,2025", "2025-03-14,FRA,1.23,USD,R,",
          "2025-03-14,FRA,1.2,USD,R,", "2025-03-14,FRA,1.234,USD,R,", "2025-03-14,FRA,1.23 ,USD,R,",
          "2025-03-14,FRA,1.23,USD,R,1949", "2025-03-14,FRA,1.23,USD,R,2150",
          "2025-03-14,FRA,1.23,USD,R,20251", "2025-03-14,FRA,1.23,USD,R,2o25",
          "2025-03-14,FRA,\xC3\xA9,USD,R,2025", "2025-03-14,F\xC3\x89,1.23,USD,R,2025",
          "2025-03-14;FRA,1.23,USD,R,2025", "2025-03-14,FRA;1.23,USD,R,2025",
          "2025-03-14,FRA,1.23,USDX,R,2025", "2025-03-14,FRA,1.23,USD;R,2025"}) {
      lines.emplace_back(line);
    }
    const PaymentRowReader reader(usual, states());
    std::size_t read = 0;
    for (const std::string &line : lines) {
      if (line.find('\n') != std::string::npos) {
        continue; // a row, then a blank line: not one row
      }
      for (const char *line_end : {"\n", "\r\n"}) {
        CAPTURE(line);
        const std::string bytes = line + line_end + next;
        PlainPayment payments[2];
        std::size_t ends[2] = {};
        const auto count = reader.read_lines(bytes, usd, "USD", payments, ends, 2);
        const auto alone = plain(line);
        REQUIRE(count == (alone ? 2 : 0));
        if (alone) {
          CHECK(same(payments[0], alone));
          CHECK(ends[0] == line.size() + std::string_view(line_end).size());
          CHECK(ends[1] == bytes.size());
          CHECK(payments[1].amount == 100);
          ++read;
        }
      }
    }
    CHECK(read == 2 * 7); // the test compares readings, not only refusals
  }

  TEST_CASE("model::PaymentRowReader: amounts of every length read as parse_money reads them") {
    // Digits are read eight at a time: every count of integer and fraction digits, at every
    // place the eight bytes can end.
    const auto jpy = *util::Currency::parse("JPY");
    const auto kwd = *util::Currency::parse("KWD");
    for (const util::Currency &currency : {usd, jpy, kwd}) {
      const std::string code(currency.code());
      const PaymentRowReader reader(usual, states());
      for (int integer = 1; integer <= 19; ++integer) {
        for (int fraction = 0; fraction <= currency.minor_digits() + 1; ++fraction) {
          for (const char *sign : {"", "-"}) {
            std::string amount = sign;
            for (int i = 0; i < integer; ++i) {
              amount += static_cast<char>('1' + (i * 7 + fraction) % 9);
            }
            if (fraction > 0) {
              amount += '.';
              for (int i = 0; i < fraction; ++i) {
                amount += static_cast<char>('0' + (i * 3 + integer) % 10);
              }
            }
            CAPTURE(amount);
            const std::string line = "2025-03-14,FRA," + amount + "," + code + ",R,";
            const auto payment = reader.read(line, currency, code);
            PlainPayment read_ahead; // its reference a view into `lines`
            std::size_t end = 0;
            const std::string lines = line + "\n" + line + "\n";
            const auto count = reader.read_lines(lines, currency, code, &read_ahead, &end, 1);
            CHECK(same(count == 1 ? std::optional(read_ahead) : std::nullopt, payment));
            const auto parsed = util::parse_money(amount, currency);
            // The plain reader takes up to 18 digits once scaled; parse_money more.
            if (integer + currency.minor_digits() <= 18 && parsed.money) {
              REQUIRE(payment);
              CHECK(payment->amount == parsed.money->minor_units());
            } else {
              CHECK_FALSE(payment);
            }
          }
        }
      }
    }
  }

  TEST_CASE("model::PaymentRowReader: every day of the working years, and the days around them, "
            "as Date::parse and is_working_year read them") {
    // The month's length from a table, 29 February asked of util::is_calendar_date: every
    // year, month 0 to 13 and day 0 to 32, and the years just outside.
    const PaymentRowReader reader(usual, states());
    int differ = 0;
    int read = 0;
    for (int year = util::first_year - 1; year <= util::last_year + 1; ++year) {
      for (int month = 0; month <= 13; ++month) {
        for (int day = 0; day <= 32; ++day) {
          const std::string date = fmt::format("{:04}-{:02}-{:02}", year, month, day);
          const auto payment = reader.read(date + ",FRA,1,USD,R,", usd, "USD");
          const auto parsed = util::Date::parse(date);
          const bool expected = parsed && util::is_working_year(parsed->year());
          differ += payment.has_value() != expected || (payment && payment->date != *parsed);
          read += payment.has_value();
        }
      }
    }
    CHECK(differ == 0);
    CHECK(read == 73049); // the days from 1950-01-01 to 2149-12-31
  }
}
