#include <isukit/model/ledger.hpp>
#include <isukit/model/payment_checks.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>

#include "fixtures.hpp"

using namespace isukit;
using namespace isukit::model;
using fixtures::states;

namespace {

std::uint64_t all_collide(std::string_view) {
  return 42;
}
std::uint64_t whole_hash(std::string_view identity) {
  return std::hash<std::string_view>{}(identity);
}
std::uint64_t low_bit_only(std::string_view identity) {
  return whole_hash(identity) & 1;
}

/// The scratch directory, named for the process (another checkout's tests may run at the same
/// time) and removed when the tests end.
const std::filesystem::path &scratch_dir() {
  static const struct Scratch {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("isukit-unit-payment-checks-" + std::to_string(::getpid()));
    ~Scratch() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  } scratch;
  return scratch.path;
}

/// A file of `text` named `name` in a scratch directory; its path.
std::string scratch(const std::string &name, const std::string &text) {
  const auto dir = scratch_dir();
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return (dir / name).string();
}

/// What reading the files gives: "ok" with the payments' total, or the error and the others after
/// it.
std::string outcome(const std::vector<std::string> &files, const LedgerChecks &checks = {}) {
  try {
    const auto ledger = Ledger::read(files, states(), util::Date(2149, 12, 31), false, checks);
    std::int64_t total = 0;
    for (StateId state = 0; state < states().size(); ++state) {
      total += ledger.paid_unnamed(state);
    }
    return fmt::format("ok {}", total);
  } catch (const util::Error &error) {
    std::string text = error.located_message();
    for (const auto &also : error.also()) {
      text += "\n" + also;
    }
    const auto dir = (scratch_dir() / "").string();
    for (auto at = text.find(dir); at != std::string::npos; at = text.find(dir)) {
      text.erase(at, dir.size());
    }
    return text;
  }
}

/// Whether `outcome` reports the errors `expected`, one a line, each line beginning with the
/// one at its place (a message's end is left out); the first wrong one is printed.
bool reports(const std::string &outcome, const std::vector<std::string> &expected) {
  std::size_t at = 0;
  for (const std::string &error : expected) {
    if (outcome.compare(at, error.size(), error) != 0) {
      MESSAGE(fmt::format("expected '{}' at {} of:\n{}", error, at, outcome));
      return false;
    }
    at = outcome.find('\n', at);
    at = at == std::string::npos ? outcome.size() : at + 1;
  }
  return at == outcome.size();
}

const std::string header = "date,state,amount,currency,reference\n";
const std::string repeats = ": this payment repeats the one at ";

} // namespace

TEST_SUITE("model::payment_checks") {
  TEST_CASE("model::DuplicateCheck: forced fingerprint collisions accept what differs and name "
            "both places of what repeats") {
    // Every payment has the same fingerprint: each is a suspect, and only the second reading,
    // byte for byte, decides. The result must be the one of the real fingerprints.
    std::string rows = header;
    for (int i = 0; i < 300; ++i) {
      rows += fmt::format("2025-01-{:02},FRA,{}.00,USD,R{}\n", i % 28 + 1, i % 7 + 1, i);
    }
    const std::string distinct = scratch("distinct.csv", rows);
    for (const auto &checks : {LedgerChecks{}, LedgerChecks{all_collide},
                               LedgerChecks{low_bit_only, 0}, LedgerChecks{whole_hash, 0}}) {
      CHECK(outcome({distinct}, checks) == "ok 119700"); // 300 payments of 1 to 7 USD
    }
    const std::string twice =
        scratch("twice.csv", rows + "2025-01-08,FRA,1.00,USD,R7\n2025-01-02,FRA,2.00,USD,R1\n"
                                    "2025-01-02,FRA,2.00,USD,R1\n");
    const std::string expected = "twice.csv:302:1" + repeats + "twice.csv:9:1";
    for (const auto &checks :
         {LedgerChecks{}, LedgerChecks{all_collide}, LedgerChecks{low_bit_only, 0}}) {
      const std::string got = outcome({twice}, checks);
      CHECK(got.find(expected) == 0);
      CHECK(got.find("twice.csv:303:1" + repeats + "twice.csv:3:1") !=
            std::string::npos); // the first, not the last
      CHECK(got.find("twice.csv:304:1" + repeats + "twice.csv:3:1") != std::string::npos);
    }
  }

  TEST_CASE(
      "model::DuplicateCheck: across files and kinds, with the positions the exact check named") {
    const std::string yaml =
        scratch("a.yaml", "kind: payments\ncurrency: USD\npayments:\n"
                          "- {date: 2025-03-01, state: DEU, amount: 5.00, reference: X}\n");
    const std::string csv =
        scratch("b.csv", header + "2025-03-01,DEU,5,USD, X \n2025-03-01,DEU,5,USD,Y\n");
    for (const auto &checks : {LedgerChecks{}, LedgerChecks{all_collide}}) {
      CHECK(outcome({yaml, csv}, checks).find("b.csv:2:1" + repeats + "a.yaml:4:3") == 0);
    }
  }

  TEST_CASE("model::Ledger: CSV rows read ahead on a second thread give what one thread gives, "
            "positions and all") {
    // 10,000 rows: batches of 4,096 read ahead; a row that stops the reading ahead at line
    // `at` (its text `odd`), the rows after it read as before.
    const auto rows_with = [](int at, const std::string &odd) {
      std::string rows = header;
      for (int line = 2; line <= 10001; ++line) {
        rows += line == at ? odd
                           : fmt::format("2025-01-{:02},FRA,{}.00,USD,R{}\n", line % 28 + 1,
                                         line % 7 + 1, line);
      }
      return rows;
    };
    const std::string plain = rows_with(0, "");
    CHECK(outcome({scratch("plain.csv", plain)}) == "ok 4000200");
    // A refund is added by this thread, at its row; the rest read as before.
    CHECK(outcome({scratch("refund.csv", rows_with(7000, "2025-02-01,FRA,-1.00,USD,X\n"))}) ==
          fmt::format("ok {}", 4000200 - 100 - 100));
    // A row that is not plain (quoted) is read by the general reader.
    CHECK(outcome({scratch("quoted.csv", rows_with(5000, "2025-01-01,FRA,1.00,USD,\"Q\"\n"))}) ==
          fmt::format("ok {}", 4000200 - 300 + 100));
    // Errors at the rows where they are, every one of them: the one that stops the reading
    // ahead, and one after it.
    const std::string zero = rows_with(6000, "2025-01-01,FRA,0,USD,Z\n");
    const std::string zeros = outcome({scratch("zero.csv", zero + "2025-01-01,FRA,0.00,USD,W\n")});
    CHECK(zeros.find("zero.csv:6000:16: a payment of 0 pays nothing") == 0);
    CHECK(zeros.find("zero.csv:10002:16: a payment of 0 pays nothing") != std::string::npos);
    // A payment repeating one of an earlier batch.
    CHECK(outcome({scratch("again.csv", plain + "2025-01-11,FRA,4.00,USD,R10\n")})
              .find("again.csv:10002:1" + repeats + "again.csv:10:1") == 0);
    // An error in the CSV's form: the rows after it cannot be told apart, so are not read.
    CHECK(outcome({scratch("form.csv", rows_with(8000, "2025-01-01,FRA,1.00,USD,a\"b\n"))})
              .find("form.csv:8000:") == 0);
  }

  TEST_CASE("model::Ledger: CSV rows read ahead across the reader's blocks, with CRLF ends") {
    // 100,000 rows of 34 to 45 bytes: about 3.9 MB, so rows straddle the 1 MiB blocks the file
    // is read in; a row that stops the reading ahead far past the first block, its line and
    // column exact, and one at the end; the sum of every plain row.
    std::string rows = header;
    std::int64_t total = 0;
    for (int line = 2; line <= 100001; ++line) {
      const int amount = line % 9973 + 1; // in cents: 1 to 5 digits before the point
      rows +=
          fmt::format("2025-01-{:02},FRA,{}.{:02},USD,R{}{}\r\n", line % 28 + 1, amount / 100,
                      amount % 100, std::string(static_cast<std::size_t>(line % 12), 'x'), line);
      total += amount;
    }
    CHECK(outcome({scratch("crlf.csv", rows)}) == fmt::format("ok {}", total));
    const std::string zero = "2025-01-01,FRA,0.00,USD,Z\r\n";
    const std::size_t at = rows.find("\r\n2025", 2000000) + 2; // a row past the second block
    const int line = static_cast<int>(std::count(
                         rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(at), '\n')) +
                     1;
    const std::string errors =
        outcome({scratch("crlf-zero.csv", rows.substr(0, at) + zero + rows.substr(at) + zero)});
    CHECK(errors.find(fmt::format("crlf-zero.csv:{}:16: a payment of 0 pays nothing", line)) == 0);
    CHECK(errors.find("crlf-zero.csv:100003:16: a payment of 0 pays nothing") != std::string::npos);
  }

  TEST_CASE("model::Ledger: a reference of blanks only is empty, read ahead or not, at the "
            "edges of the batches too") {
    // Line 2 is read by the general reader (the currency is not known yet), the rows after it
    // ahead in batches of 4,096 (lines 3-4098, 4099-8194, 8195-10001): a reference of blanks
    // at both ends of each; the last one quoted (a row the general reader reads). In each order
    // the plain reader reads apart (with a year, without one, the year before the reference),
    // with LF and with CRLF line ends. The references kept must be those the rows say.
    const std::vector<int> blank_lines{2, 3, 4, 4097, 4098, 4099, 4100, 8194, 8195, 10001};
    const auto is_blank = [&](int line) {
      return std::find(blank_lines.begin(), blank_lines.end(), line) != blank_lines.end();
    };
    for (const std::string order : {"reference", "reference,year", "year,reference"}) {
      for (const std::string end : {"\n", "\r\n"}) {
        for (const std::string blanks : {"   ", " \t "}) {
          CAPTURE(order);
          CAPTURE(end.size());
          std::string rows = "date,state,amount,currency," + order + end;
          std::vector<std::string> expected;
          for (int line = 2; line <= 10001; ++line) {
            const std::string reference = !is_blank(line) ? fmt::format("R{}", line)
                                          : line == 10001 ? "\"" + blanks + "\""
                                                          : blanks;
            const std::string fields = order == "reference"        ? reference
                                       : order == "reference,year" ? reference + ",2025"
                                                                   : "2025," + reference;
            rows += fmt::format("2025-01-{:02},FRA,{}.{:02},USD,{}{}", line % 28 + 1, line / 100,
                                line % 100, fields, end);
            expected.push_back(is_blank(line) ? "" : fmt::format("R{}", line));
          }
          const auto ledger =
              Ledger::read({scratch("blank.csv", rows)}, states(), util::Date(2149, 12, 31), true);
          std::vector<std::string> references;
          for (const Payment &payment : ledger.payments()) {
            references.push_back(payment.reference);
          }
          CHECK(references == expected);
        }
      }
    }
  }

  TEST_CASE("model::Ledger: bad rows and repeats are reported together, in the order read") {
    const std::string row1 = "2025-03-01,FRA,1.00,USD,R1\n";
    const std::string unknown = "2025-03-01,XXX,1.00,USD,R2\n";
    const std::string one = scratch("one.csv", header + row1 + row1 + unknown);
    const std::string bad = scratch("bad.csv", header + unknown);
    const std::string yaml = scratch("p.yaml", "kind: payments\ncurrency: USD\npayments:\n"
                                               "- {date: 2025-03-01, state: XXX, amount: 1}\n"
                                               "- {date: 2025-03-01, state: FRA, amount: 1.00, "
                                               "reference: R1}\n"
                                               "- {date: 2025-03-01, state: DEU, amount: 0}\n");
    const std::string unknown_at = ": unknown state code 'XXX'";
    for (const auto &checks : {LedgerChecks{}, LedgerChecks{all_collide}}) {
      CHECK(reports(outcome({one}, checks),
                    std::vector<std::string>{"one.csv:3:1" + repeats + "one.csv:2:1",
                                             "one.csv:4:12" + unknown_at}));
      // Across inputs, in the order given.
      CHECK(reports(outcome({one, bad}, checks),
                    std::vector<std::string>{"one.csv:3:1" + repeats + "one.csv:2:1",
                                             "one.csv:4:12" + unknown_at,
                                             "bad.csv:2:12" + unknown_at}));
      CHECK(reports(outcome({bad, one}, checks),
                    std::vector<std::string>{"bad.csv:2:12" + unknown_at,
                                             "one.csv:3:1" + repeats + "one.csv:2:1",
                                             "one.csv:4:12" + unknown_at}));
      // YAML payments as rows: every bad one, and the repeats where they were read.
      CHECK(reports(outcome({yaml, one}, checks),
                    std::vector<std::string>{
                        "p.yaml:4:29" + unknown_at, "p.yaml:6:42: a payment of 0",
                        "one.csv:2:1" + repeats + "p.yaml:5:3",
                        "one.csv:3:1" + repeats + "p.yaml:5:3", "one.csv:4:12" + unknown_at}));
    }
    // An error that ends the reading (a CSV's unknown column) comes after those before it.
    const std::string unreadable = scratch("column.csv", "date,state,amount,currency,ref\n");
    CHECK(reports(outcome({yaml, unreadable}),
                  std::vector<std::string>{"p.yaml:4:29" + unknown_at,
                                           "p.yaml:6:42: a payment of 0", "column.csv:1:"}));
    // Rows read ahead on the second thread: a bad row (line 5000) before a repeat (line 9000, of
    // line 10) and one after it (9500), each at its place.
    std::string rows = header;
    for (int line = 2; line <= 10001; ++line) {
      const int as = line == 9000 ? 10 : line;
      rows += line == 5000 || line == 9500
                  ? unknown
                  : fmt::format("2025-01-{:02},FRA,{}.00,USD,R{}\n", as % 28 + 1, as % 7 + 1, as);
    }
    CHECK(reports(outcome({scratch("ahead.csv", rows)}),
                  std::vector<std::string>{"ahead.csv:5000:12" + unknown_at,
                                           "ahead.csv:9000:1" + repeats + "ahead.csv:10:1",
                                           "ahead.csv:9500:12" + unknown_at}));
  }

  TEST_CASE("model::RefundCheck: net receipts by month, and by day where the month needs it") {
    const auto refund_error = [](const std::string &rows) {
      return outcome({scratch("r.csv", header + rows)});
    };
    // Covered by the months before: no second reading is needed.
    CHECK(refund_error("2025-01-05,FRA,100,USD,A\n2025-02-01,FRA,-100,USD,B\n") == "ok 0");
    // Within one month, the days decide: the receipt of the 3rd covers the refund of the 20th...
    CHECK(refund_error("2025-03-20,FRA,-60,USD,B\n2025-03-03,FRA,100,USD,A\n") == "ok 4000");
    // ...a receipt of the same day comes before the refund...
    CHECK(refund_error("2025-03-20,FRA,-60,USD,B\n2025-03-20,FRA,60,USD,A\n") == "ok 0");
    // ...and a later one does not count.
    CHECK(refund_error("2025-03-20,FRA,-60,USD,B\n2025-03-21,FRA,100,USD,A\n") ==
          "r.csv:2:16: this refund of 60.00 takes FRA's net receipts below zero on 2025-03-20 "
          "(0.00 had been "
          "received): a refund is a negative payment of at most what the state has paid");
    // The smaller refund of a day first; what had been received is counted to the cent.
    CHECK(refund_error(
              "2025-02-01,DEU,10,USD,A\n2025-03-02,DEU,5.50,USD,B\n2025-03-02,DEU,-16,USD,C\n"
              "2025-03-02,DEU,-0.50,USD,D\n2025-03-03,DEU,99,USD,E\n")
              .find("r.csv:4:16: this refund of 16.00 takes DEU's net receipts below zero on "
                    "2025-03-02 (15.00 had") == 0);
    // The first state in error by code order of the table, then by date.
    CHECK(refund_error("2025-05-01,FRA,-1,USD,F\n2024-05-01,DEU,-1,USD,D\n").find("r.csv:3:16:") ==
          0);
  }
}
