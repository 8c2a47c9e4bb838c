#include <isukit/io/fingerprints.hpp>

#include <doctest/doctest.h>

#include <random>

using namespace isukit::io;

TEST_SUITE("io::fingerprints") {
  TEST_CASE("io::Fingerprints: every fingerprint added is seen again, wide, narrow and across the "
            "change") {
    std::mt19937_64 random(21);
    std::vector<std::uint64_t> added;
    Fingerprints set(5000);
    int maybe_new = 0;
    for (int i = 0; i < 20000; ++i) {
      const std::uint64_t fingerprint = random();
      maybe_new += set.insert(fingerprint) ? 1 : 0;
      added.push_back(fingerprint);
      if (i == 4998) {
        CHECK_FALSE(set.narrow());
      }
    }
    CHECK(set.narrow());
    CHECK(set.size() == 20000);
    CHECK(maybe_new == 0); // 20,000 random fingerprints: a false "maybe" has odds below 1 in 20,000
    for (const std::uint64_t fingerprint : added) {
      REQUIRE(set.insert(fingerprint));
    }
  }

  TEST_CASE("io::Fingerprints: what each state tells apart") {
    Fingerprints wide;
    CHECK_FALSE(wide.insert(0x1234'5678'9abc'def0));
    CHECK(wide.insert(0x1234'5678'9abc'def0));
    CHECK_FALSE(wide.insert(0x1235'5678'9abc'def0)); // another partition
    CHECK_FALSE(wide.insert(0x1234'5678'9abd'def0)); // the last bit of the wide tag
    CHECK(wide.insert(0x1234'5678'9abc'0000));       // below the 48 bits kept: maybe seen
    Fingerprints narrow(0);
    CHECK(narrow.narrow());
    CHECK_FALSE(narrow.insert(0x1234'5678'9abc'def0));
    CHECK_FALSE(narrow.insert(0x1234'5679'9abc'def0)); // the last bit of the narrow tag
    CHECK(narrow.insert(0x1234'5678'0000'0000));       // below the 32 bits kept
    Fingerprints changing(3);
    CHECK_FALSE(changing.insert(0xaaaa'0001'0000'0000));
    CHECK_FALSE(changing.insert(0xaaaa'0001'0001'0000)); // the same top half once narrow
    CHECK_FALSE(changing.insert(0xaaaa'0000'ffff'0000));
    CHECK(changing.narrow());
    CHECK(changing.insert(0xaaaa'0001'0001'0000));
    CHECK(changing.insert(0xaaaa'0000'ffff'0000));
    CHECK(changing.insert(0xaaaa'0001'ffff'ffff)); // narrow: the top 32 bits only
    CHECK_FALSE(changing.insert(0xaaaa'0002'0000'0000));
  }
}
