#include <isukit/io/fingerprints.hpp>

#include <doctest/doctest.h>

#include <random>

using namespace isukit::io;

TEST_SUITE("io::fingerprints") {
  TEST_CASE("io::Fingerprints: every fingerprint added twice is found, wide, narrow and across "
            "the change") {
    std::mt19937_64 random(21);
    std::vector<std::uint64_t> once, twice;
    Fingerprints set(5000);
    for (int i = 0; i < 20000; ++i) {
      const std::uint64_t fingerprint = random();
      set.insert(fingerprint);
      (i % 10 == 0 ? twice : once).push_back(fingerprint);
      if (i % 10 == 0 && i % 20 == 0) {
        set.insert(fingerprint); // at once: in the same state
      }
      if (i == 4000) { // 4,201 held
        CHECK_FALSE(set.narrow());
      }
    }
    CHECK(set.narrow());
    for (std::size_t i = 0; i < twice.size(); ++i) {
      if (i % 2 == 1) {
        set.insert(twice[i]); // later: wide then narrow, or narrow twice
      }
    }
    CHECK(set.size() == 22000);
    REQUIRE(set.settle());
    for (const std::uint64_t fingerprint : twice) {
      REQUIRE(set.maybe_repeated(fingerprint));
    }
    int false_repeats = 0;
    for (const std::uint64_t fingerprint : once) {
      false_repeats += set.maybe_repeated(fingerprint) ? 1 : 0;
    }
    CHECK(false_repeats == 0); // 20,000 at 32 bits: a false one has odds of about 1 in 20
  }

  TEST_CASE("io::Fingerprints: none added twice, none repeated") {
    std::mt19937_64 random(12);
    for (const std::size_t wide_limit : {std::size_t{0}, std::size_t{100000}}) {
      Fingerprints set(wide_limit);
      for (int i = 0; i < 10000; ++i) {
        set.insert(random());
      }
      CHECK_FALSE(set.settle());
      CHECK_FALSE(set.settle()); // settled once, then only answers
    }
  }

  TEST_CASE("io::Fingerprints: what each state tells apart") {
    Fingerprints wide;
    wide.insert(0x1234'5678'9abc'def0);
    wide.insert(0x1234'5678'9abc'def0);
    wide.insert(0x1235'5678'9abc'def0); // another partition
    wide.insert(0x1234'5678'9abd'def0); // the last bit of the wide tag
    wide.insert(0x5555'0000'0000'0001);
    wide.insert(0x5555'0000'0000'ffff); // below the 48 bits kept: maybe repeated
    CHECK(wide.settle());
    CHECK(wide.maybe_repeated(0x1234'5678'9abc'def0));
    CHECK(wide.maybe_repeated(0x1234'5678'9abc'0000)); // the same 48 bits
    CHECK_FALSE(wide.maybe_repeated(0x1235'5678'9abc'def0));
    CHECK_FALSE(wide.maybe_repeated(0x1234'5678'9abd'def0));
    CHECK(wide.maybe_repeated(0x5555'0000'0000'0001));

    Fingerprints narrow(0);
    CHECK(narrow.narrow());
    narrow.insert(0x1234'5678'9abc'def0);
    narrow.insert(0x1234'5679'9abc'def0); // the last bit of the narrow tag
    CHECK_FALSE(narrow.settle());
    Fingerprints narrow_below(0);
    narrow_below.insert(0x1234'5678'9abc'def0);
    narrow_below.insert(0x1234'5678'0000'0000); // below the 32 bits kept
    CHECK(narrow_below.settle());
    CHECK(narrow_below.maybe_repeated(0x1234'5678'ffff'ffff));
    CHECK_FALSE(narrow_below.maybe_repeated(0x1234'5679'0000'0000));

    Fingerprints changing(4);
    changing.insert(0xaaaa'0001'0000'0000);
    changing.insert(0xaaaa'0001'0001'0000); // the same top half once narrow
    changing.insert(0xbbbb'0000'ffff'0000);
    changing.insert(0xbbbb'0000'ffff'0000); // twice while wide: found when narrowing
    CHECK(changing.narrow());
    changing.insert(0xaaaa'0001'ffff'ffff); // narrow: the top 32 bits only
    changing.insert(0xaaaa'0002'0000'0000);
    CHECK(changing.settle());
    CHECK(changing.maybe_repeated(0xaaaa'0001'0001'0000));
    CHECK(changing.maybe_repeated(0xaaaa'0001'0000'0000));
    CHECK(changing.maybe_repeated(0xbbbb'0000'ffff'0000));
    CHECK_FALSE(changing.maybe_repeated(0xbbbb'0000'fffe'0000)); // known by 48 bits
    CHECK_FALSE(changing.maybe_repeated(0xaaaa'0002'0000'0000));
  }
}
