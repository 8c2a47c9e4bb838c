#include <isukit/io/fingerprints.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

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

  TEST_CASE("io::Fingerprints::insert_all is insert each, in order: through the small list, "
            "its spreading and the narrowing, in batches of any size") {
    std::mt19937_64 random(2112);
    std::vector<std::uint64_t> fingerprints;
    for (int i = 0; i < 150000; ++i) {
      // every seventh an earlier one again; a few in one partition (the same top 16 bits)
      const std::uint64_t fresh =
          i % 13 == 0 ? (random() >> 16) | (std::uint64_t{7} << 48) : random();
      fingerprints.push_back(i % 7 == 6 ? fingerprints[random() % fingerprints.size()] : fresh);
    }
    Fingerprints each(100000), all(100000); // spread at 65,536, narrow at 100,000
    for (const std::uint64_t fingerprint : fingerprints) {
      each.insert(fingerprint);
    }
    for (std::size_t at = 0, batch = 0; at < fingerprints.size(); at += batch) {
      batch = std::min<std::size_t>(random() % 5000, fingerprints.size() - at);
      all.insert_all(fingerprints.data() + at, batch);
    }
    CHECK(all.size() == each.size());
    CHECK(all.narrow());
    REQUIRE(each.settle());
    REQUIRE(all.settle());
    int repeated = 0;
    for (std::uint64_t probe = 0; probe < 200000; ++probe) {
      const std::uint64_t fingerprint =
          probe < fingerprints.size() ? fingerprints[probe] : random();
      REQUIRE(all.maybe_repeated(fingerprint) == each.maybe_repeated(fingerprint));
      repeated += all.maybe_repeated(fingerprint);
    }
    CHECK(repeated > 30000); // the repeats and their first, not all or none
    CHECK(repeated < 60000);
  }

  TEST_CASE("io::Fingerprints: repeats found in the small list, and across its spreading") {
    std::mt19937_64 random(7);
    Fingerprints small;
    const std::uint64_t first = random();
    small.insert(first);
    for (int i = 0; i < 1000; ++i) {
      small.insert(random());
    }
    small.insert(first);
    REQUIRE(small.settle());
    CHECK(small.maybe_repeated(first));

    Fingerprints spreading; // default wide limit: spread at small_limit, still wide
    std::vector<std::uint64_t> before;
    for (std::size_t i = 0; i < Fingerprints::small_limit - 1; ++i) {
      before.push_back(random());
      spreading.insert(before.back());
    }
    spreading.insert(before[10]); // the last one held in the small list
    spreading.insert(before[20]); // the first one spread
    CHECK_FALSE(spreading.narrow());
    const std::uint64_t after = random();
    spreading.insert(after);
    spreading.insert(after);
    REQUIRE(spreading.settle());
    CHECK(spreading.maybe_repeated(before[10]));
    CHECK(spreading.maybe_repeated(before[20]));
    CHECK(spreading.maybe_repeated(after));
    int false_repeats = 0;
    for (std::size_t i = 30; i < before.size(); ++i) {
      false_repeats += spreading.maybe_repeated(before[i]) ? 1 : 0;
    }
    CHECK(false_repeats == 0); // 65,539 at 48 bits
  }

  TEST_CASE("io::Fingerprints: none added twice, none repeated") {
    std::mt19937_64 random(12);
    for (const std::size_t wide_limit : {std::size_t{0}, std::size_t{100000}}) {
      Fingerprints set(wide_limit);
      // Narrow: 10,000 at 32 bits (a false repeat about once in 86 runs); wide: past the
      // small list.
      const int count = wide_limit == 0 ? 10000 : 70000;
      for (int i = 0; i < count; ++i) {
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

  TEST_CASE("io::Fingerprints::sort_tags sorts as std::sort does, by insertion and beyond") {
    std::mt19937_64 random(33);
    auto same_as_std_sort = [](std::vector<std::uint32_t> tags) {
      std::vector<std::uint32_t> expected = tags;
      std::sort(expected.begin(), expected.end());
      Fingerprints::sort_tags(tags.data(), tags.data() + tags.size());
      return tags == expected;
    };
    CHECK(same_as_std_sort({}));
    CHECK(same_as_std_sort({7}));
    CHECK(same_as_std_sort({0, 0xffffffff, 0, 0xffffffff}));
    for (const std::size_t size : {2, 15, 31, 32, 33, 100}) {
      std::vector<std::uint32_t> tags(size);
      for (auto &tag : tags) {
        tag = static_cast<std::uint32_t>(random());
      }
      CHECK(same_as_std_sort(tags));
      std::sort(tags.rbegin(), tags.rend()); // descending: every tag moves to the front
      CHECK(same_as_std_sort(tags));
      for (auto &tag : tags) {
        tag = static_cast<std::uint32_t>(random() % 3); // many equal
      }
      CHECK(same_as_std_sort(tags));
    }
    std::vector<std::uint16_t> narrow{3, 1, 2, 1, 0xffff, 0};
    Fingerprints::sort_tags(narrow.data(), narrow.data() + narrow.size());
    CHECK(narrow == std::vector<std::uint16_t>{0, 1, 1, 2, 3, 0xffff});
  }

  TEST_CASE("io::Fingerprints: a partition of many blocks, wide then narrowed") {
    // One partition (the same top 16 bits) holding far more than one block's tags.
    for (const std::size_t wide_limit : {std::size_t{1} << 21, std::size_t{70000}}) {
      std::mt19937_64 random(5);
      Fingerprints set(wide_limit);
      std::vector<std::uint64_t> added;
      for (int i = 0; i < 72000; ++i) {
        added.push_back(0xabcd'0000'0000'0000 | (random() >> 16));
        set.insert(added.back());
      }
      set.insert(added[0]);
      set.insert(added[71999]);
      CHECK(set.narrow() == (wide_limit == 70000));
      REQUIRE(set.settle());
      CHECK(set.maybe_repeated(added[0]));
      CHECK(set.maybe_repeated(added[71999]));
      if (!set.narrow()) { // narrowed, 72,000 tags of 16 bits in one partition repeat often
        int repeats = 0;
        for (const std::uint64_t fingerprint : added) {
          repeats += set.maybe_repeated(fingerprint) ? 1 : 0;
        }
        CHECK(repeats < 10); // 4, and about one pair in two runs of 32 bits
      }
    }
  }

  TEST_CASE("io::Fingerprints::repeated_tags: each tag held twice or more, once, ascending, "
            "by table and by sort") {
    std::mt19937_64 random(44);
    auto expected_repeats = [](std::vector<std::uint32_t> tags) {
      std::sort(tags.begin(), tags.end());
      std::vector<std::uint32_t> repeats;
      for (std::size_t i = 1; i < tags.size(); ++i) {
        if (tags[i] == tags[i - 1] && (repeats.empty() || repeats.back() != tags[i])) {
          repeats.push_back(tags[i]);
        }
      }
      return repeats;
    };
    auto repeats_of = [](std::vector<std::uint32_t> tags) {
      std::vector<std::uint32_t> repeats{42}; // appended to, never cleared
      Fingerprints::repeated_tags(tags.data(), tags.data() + tags.size(), repeats);
      repeats.erase(repeats.begin());
      return repeats;
    };
    CHECK(repeats_of({}).empty());
    CHECK(repeats_of({5}).empty());
    CHECK(repeats_of({9, 9, 9, 1, 1}) == std::vector<std::uint32_t>{1, 9});
    // The same slot (low 6 bits) for every tag: a full probe chain.
    std::vector<std::uint32_t> one_slot;
    for (std::uint32_t i = 0; i < 32; ++i) {
      one_slot.push_back((31 - i % 16) << 6 | 7);
    }
    CHECK(repeats_of(one_slot) == expected_repeats(one_slot));
    for (const std::size_t size : {2, 15, 31, 32, 33, 200}) {
      for (const std::uint32_t range : {0xffffffffu, 40u, 3u}) {
        std::vector<std::uint32_t> tags(size);
        for (auto &tag : tags) {
          tag = static_cast<std::uint32_t>(random() % (std::uint64_t{range} + 1));
        }
        CHECK(repeats_of(tags) == expected_repeats(tags));
      }
    }
  }
}
