#include <isukit/util/pipeline.hpp>

#include <doctest/doctest.h>

#include <numeric>
#include <stdexcept>
#include <vector>

using isukit::util::run_both;
using isukit::util::run_pipeline;

namespace {

using Batch = std::vector<int>;

/// A producer of 0, 1, ... `count` - 1 in batches of `size`; throws after `throw_after` items
/// when that is below `count`.
struct Counter {
  int count;
  int size;
  int throw_after = -1;
  int next = 0;
  bool operator()(Batch &batch) {
    batch.clear();
    while (next < count && static_cast<int>(batch.size()) < size) {
      if (next == throw_after) {
        throw std::runtime_error("cannot read");
      }
      batch.push_back(next++);
    }
    return next < count;
  }
};

} // namespace

TEST_SUITE("util::pipeline") {
  TEST_CASE("util::run_pipeline: every item consumed once, in the order produced") {
    for (const int count : {0, 1, 7, 8, 9, 1000}) {
      std::vector<int> seen;
      run_pipeline<Batch>(Counter{count, 8}, [&](Batch &batch) {
        seen.insert(seen.end(), batch.begin(), batch.end());
      });
      REQUIRE(static_cast<int>(seen.size()) == count);
      for (int i = 0; i < count; ++i) {
        CHECK(seen[static_cast<std::size_t>(i)] == i);
      }
    }
  }

  TEST_CASE("util::run_pipeline: the producer's exception comes after what it produced before") {
    std::vector<int> seen;
    CHECK_THROWS_WITH(run_pipeline<Batch>(Counter{100, 8, 42},
                                          [&](Batch &batch) {
                                            seen.insert(seen.end(), batch.begin(), batch.end());
                                          }),
                      "cannot read");
    REQUIRE(seen.size() == 42);
    CHECK(seen.back() == 41);
  }

  TEST_CASE("util::run_pipeline: the consumer's exception stops the producer") {
    int consumed = 0;
    Counter counter{1000000, 8};
    CHECK_THROWS_WITH(run_pipeline<Batch>(std::ref(counter),
                                          [&](Batch &) {
                                            if (++consumed == 3) {
                                              throw std::runtime_error("bad row");
                                            }
                                          }),
                      "bad row");
    CHECK(consumed == 3);
    CHECK(counter.next <= 5 * 8); // at most the batches in hand and one being filled
  }

  TEST_CASE("util::run_both runs both tasks, and rethrows the first exception once both end") {
    std::vector<int> beside(1000), here(1000);
    run_both([&] { std::iota(beside.begin(), beside.end(), 1); },
             [&] { std::iota(here.begin(), here.end(), 2); });
    CHECK(beside.back() == 1000);
    CHECK(here.back() == 1001);
    bool here_ran = false;
    CHECK_THROWS_WITH(
        run_both([] { throw std::runtime_error("beside"); }, [&] { here_ran = true; }), "beside");
    CHECK(here_ran);
    bool beside_ran = false;
    CHECK_THROWS_WITH(
        run_both([&] { beside_ran = true; }, [] { throw std::runtime_error("here"); }), "here");
    CHECK(beside_ran); // joined before the exception leaves
    CHECK_THROWS_WITH(run_both([] { throw std::runtime_error("beside"); },
                               [] { throw std::runtime_error("here"); }),
                      "here");
  }
}
