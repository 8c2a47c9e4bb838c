#include <isukit/util/error.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <vector>

using namespace isukit;

namespace {

util::Error at_line(int line) {
  return util::Error(util::ExitCode::data, util::Position{"p.csv", line, 1}, "bad");
}

/// The lines the diagnostics throw, first one first; "" when there is none.
std::vector<std::string> thrown(const util::Diagnostics &diagnostics) {
  try {
    diagnostics.throw_if_any();
  } catch (const util::Error &error) {
    std::vector<std::string> lines{error.located_message()};
    lines.insert(lines.end(), error.also().begin(), error.also().end());
    return lines;
  }
  return {};
}

} // namespace

TEST_SUITE("util::error") {
  TEST_CASE("util::Diagnostics: the first 20 in the order added, then the count of the others") {
    util::Diagnostics diagnostics;
    CHECK(!diagnostics.any());
    CHECK(thrown(diagnostics).empty());
    for (int line = 1; line <= 25; ++line) {
      diagnostics.add(at_line(line));
    }
    CHECK(diagnostics.any());
    const auto lines = thrown(diagnostics);
    REQUIRE(lines.size() == 21);
    CHECK(lines.front() == "p.csv:1:1: bad");
    CHECK(lines[19] == "p.csv:20:1: bad");
    CHECK(lines.back() == "... and 5 more errors");
  }

  TEST_CASE("util::Diagnostics: errors added at an order take their place, within the limit") {
    util::Diagnostics diagnostics;
    for (int line = 2; line <= 42; line += 2) { // 21 at even orders: the last is only counted
      diagnostics.add(at_line(line), static_cast<std::uint64_t>(line));
    }
    diagnostics.add(at_line(3), 3);   // displaces line 40
    diagnostics.add(at_line(41), 4);  // equal orders in the order added: after line 4
    diagnostics.add(at_line(99), 40); // after every one kept: only counted
    diagnostics.add(at_line(1), 0);   // displaces line 38
    const auto lines = thrown(diagnostics);
    REQUIRE(lines.size() == 21);
    CHECK(lines[0] == "p.csv:1:1: bad");
    CHECK(lines[1] == "p.csv:2:1: bad");
    CHECK(lines[2] == "p.csv:3:1: bad");
    CHECK(lines[3] == "p.csv:4:1: bad");
    CHECK(lines[4] == "p.csv:41:1: bad");
    CHECK(lines[5] == "p.csv:6:1: bad");
    CHECK(lines[19] == "p.csv:34:1: bad");
    CHECK(lines[20] == "... and 5 more errors");
  }

  TEST_CASE("util::Diagnostics: an error added without an order comes after those before it") {
    util::Diagnostics diagnostics;
    diagnostics.add(at_line(5), 7);
    diagnostics.add(at_line(6));
    diagnostics.add(at_line(4), 6);
    CHECK(thrown(diagnostics) ==
          std::vector<std::string>{"p.csv:4:1: bad", "p.csv:5:1: bad", "p.csv:6:1: bad"});
  }
}
