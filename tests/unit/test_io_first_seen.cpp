#include <isukit/io/first_seen.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace isukit;
using namespace isukit::io;

TEST_SUITE("io::first_seen") {
  TEST_CASE("io::FirstSeen names where an identity was first seen, across the table's growth") {
    const std::string *file = intern_file_name("p.csv");
    FirstSeen seen;
    for (int i = 0; i < 100000; ++i) {
      CHECK_FALSE(seen.insert("REF-" + std::to_string(i), Mark{file, i + 2, 1}));
    }
    for (int i : {0, 1, 777, 99999}) {
      const Mark *first = seen.insert("REF-" + std::to_string(i), Mark{file, 200000 + i, 1});
      REQUIRE(first);
      CHECK(first->line == i + 2);
      CHECK(first->located() == "p.csv:" + std::to_string(i + 2) + ":1");
    }
    CHECK_FALSE(seen.insert("REF-100000", Mark{file, 300000, 1}));
    CHECK_FALSE(seen.insert(std::string("REF-1\0", 6), Mark{file, 300001, 1})); // every byte counts
  }
}
