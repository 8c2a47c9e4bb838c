#include <isukit/util/atomic_batch.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace isukit::util;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path &path) {
  std::ifstream in(path);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

std::size_t entries(const fs::path &dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}
} // namespace

TEST_SUITE("util::atomic_batch") {
  TEST_CASE("util::write_batch") {
    const fs::path parent = fs::temp_directory_path() / "isukit-batch-test";
    fs::remove_all(parent);
    const fs::path dir = parent / "letters";

    SUBCASE("a new folder, its parents made, holds the letters and the manifest") {
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}, {"B.md", "b\n"}});
      CHECK(slurp(dir / "A.md") == "a\n");
      CHECK(slurp(dir / std::string(batch_manifest))
                .ends_with("invoices 2025\tA.md\ninvoices 2025\tB.md\n"));
      CHECK(entries(dir) == 3);
      CHECK(entries(parent) == 1);
    }
    SUBCASE("the next batch removes the letters that no longer apply and keeps the user's files") {
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}, {"B.md", "b\n"}});
      std::ofstream(dir / "notes.txt") << "mine\n";
      const auto links = fs::hard_link_count(dir / "notes.txt");
      write_batch(dir, "invoices 2025", {{"B.md", "b2\n"}});
      CHECK_FALSE(fs::exists(dir / "A.md"));
      CHECK(slurp(dir / "B.md") == "b2\n");
      CHECK(slurp(dir / "notes.txt") == "mine\n");
      CHECK(fs::hard_link_count(dir / "notes.txt") == links);
      CHECK(entries(parent) == 1);
    }
    SUBCASE("a run of part of the batch replaces the letters it writes and keeps the others") {
      // tester 8, F13: `assess statement --state FRA` removed GEO's statement of the run before.
      write_batch(dir, "statements ccw", {{"GEO.md", "g\n"}, {"AUT.md", "a\n"}});
      write_batch(dir, "statements ccw", {{"FRA.md", "f\n"}, {"AUT.md", "a2\n"}}, BatchRun::part);
      CHECK(slurp(dir / "GEO.md") == "g\n");
      CHECK(slurp(dir / "AUT.md") == "a2\n");
      CHECK(slurp(dir / "FRA.md") == "f\n");
      CHECK(slurp(dir / std::string(batch_manifest))
                .ends_with(
                    "statements ccw\tAUT.md\nstatements ccw\tFRA.md\nstatements ccw\tGEO.md\n"));
      write_batch(dir, "statements ccw", {{"AUT.md", "a3\n"}});
      CHECK_FALSE(fs::exists(dir / "GEO.md")); // a whole run still replaces the whole batch
      CHECK_FALSE(fs::exists(dir / "FRA.md"));
      CHECK(entries(dir) == 2);
    }
    SUBCASE("the note counts the removed letters that were on disk, not those the user deleted") {
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}, {"B.md", "b\n"}, {"C.md", "c\n"}});
      fs::remove(dir / "A.md");
      std::ostringstream err;
      auto *const saved = std::cerr.rdbuf(err.rdbuf());
      write_batch(dir, "invoices 2025", {{"C.md", "c2\n"}});
      std::cerr.rdbuf(saved);
      CHECK(err.str().find("removed 1 letter of the previous run") != std::string::npos);
      CHECK_FALSE(fs::exists(dir / "B.md"));
      CHECK(entries(dir) == 2);
    }
    SUBCASE("a folder an isukit before batches wrote (names only) is replaced by the next batch") {
      fs::create_directories(dir);
      std::ofstream(dir / "A.md") << "old a\n";
      std::ofstream(dir / "B.md") << "old b\n";
      std::ofstream(dir / std::string(batch_manifest)) << "# old\nA.md\nB.md\n";
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}});
      CHECK(slurp(dir / "A.md") == "a\n");
      CHECK(slurp(dir / "B.md") == "old b\n");
      CHECK(slurp(dir / std::string(batch_manifest)).ends_with("\nB.md\ninvoices 2025\tA.md\n"));
      write_batch(dir, "invoices 2025", {{"A.md", "a2\n"}, {"B.md", "b2\n"}});
      CHECK(slurp(dir / "B.md") == "b2\n");
      CHECK(entries(dir) == 3);
      CHECK(entries(parent) == 1);
    }
    SUBCASE("another batch's letters stay, and a letter of its name is exit 73") {
      write_batch(dir, "invoices 2025", {{"A-2025.md", "a\n"}, {"B-2025.md", "b\n"}});
      write_batch(dir, "reminders", {{"A-reminder.md", "r\n"}});
      write_batch(dir, "invoices 2026", {{"A-2026.md", "a6\n"}});
      CHECK(slurp(dir / "A-2025.md") == "a\n");
      CHECK(slurp(dir / "B-2025.md") == "b\n");
      CHECK(slurp(dir / "A-reminder.md") == "r\n");
      write_batch(dir, "reminders", {{"B-reminder.md", "r\n"}});
      CHECK_FALSE(fs::exists(dir / "A-reminder.md"));
      CHECK(slurp(dir / "A-2026.md") == "a6\n");
      CHECK_THROWS_AS(write_batch(dir, "other invoices 2025", {{"A-2025.md", "x\n"}}), Error);
      CHECK(slurp(dir / "A-2025.md") == "a\n");
      CHECK(entries(dir) == 5);
      CHECK(entries(parent) == 1);
    }
    SUBCASE("a folder inside is exit 73 and nothing changes") {
      fs::create_directories(dir / "drafts");
      CHECK_THROWS_AS(write_batch(dir, "invoices 2025", {{"A.md", "a\n"}}), Error);
      CHECK(entries(dir) == 1);
      CHECK(entries(parent) == 1);
    }
    SUBCASE("a name that is not a plain file name, or given twice, is exit 73") {
      CHECK_THROWS_AS(write_batch(dir, "invoices 2025", {{"../A.md", "a\n"}}), Error);
      CHECK_THROWS_AS(write_batch(dir, "invoices 2025", {{"A.md", "a\n"}, {"A.md", "b\n"}}), Error);
      CHECK_THROWS_AS(write_batch(dir, "invoices 2025", {{"A\tB.md", "a\n"}}), Error);
      CHECK_FALSE(fs::exists(parent));
    }
    fs::remove_all(parent);
  }
}
