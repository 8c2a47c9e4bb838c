#include <isukit/util/atomic_batch.hpp>
#include <isukit/util/error.hpp>
#include <isukit/util/hash.hpp>

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

/// The manifest's line for a letter `batch` wrote with `content`.
std::string listed(const std::string &batch, const std::string &name, const std::string &content) {
  return batch + '\t' + name + '\t' + hash128(content).hex() + '\n';
}

/// What write_batch throws, or "" (the test fails elsewhere when that matters).
std::string refusal(const fs::path &dir, const std::string &batch,
                    const std::vector<BatchFile> &files, BatchRun run = BatchRun::whole) {
  try {
    write_batch(dir, batch, files, run);
  } catch (const Error &error) {
    CHECK(error.code() == ExitCode::cannot_create);
    return error.located_message();
  }
  return "";
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
                .ends_with(listed("invoices 2025", "A.md", "a\n") +
                           listed("invoices 2025", "B.md", "b\n")));
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
                .ends_with(listed("statements ccw", "AUT.md", "a2\n") +
                           listed("statements ccw", "FRA.md", "f\n") +
                           listed("statements ccw", "GEO.md", "g\n")));
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
    SUBCASE("a note counts the letters written again with other content, not the same") {
      // tester 9, F6: an invoice issued again with another total replaced the one that went out.
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}, {"B.md", "b\n"}, {"C.md", "c\n"}});
      std::ostringstream err;
      auto *const saved = std::cerr.rdbuf(err.rdbuf());
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}, {"B.md", "b2\n"}, {"C.md", "c2\n"}});
      std::cerr.rdbuf(saved);
      CHECK(err.str().find("replaced 2 letters of the previous run of this batch (invoices 2025) "
                           "with other content") != std::string::npos);
      CHECK(err.str().find("removed") == std::string::npos);
    }
    SUBCASE("a folder an isukit before batches wrote (names only) is replaced by the next batch") {
      fs::create_directories(dir);
      std::ofstream(dir / "A.md") << "old a\n";
      std::ofstream(dir / "B.md") << "old b\n";
      std::ofstream(dir / std::string(batch_manifest)) << "# old\nA.md\nB.md\n";
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}});
      CHECK(slurp(dir / "A.md") == "a\n");
      CHECK(slurp(dir / "B.md") == "old b\n");
      CHECK(slurp(dir / std::string(batch_manifest))
                .ends_with("\nB.md\n" + listed("invoices 2025", "A.md", "a\n")));
      write_batch(dir, "invoices 2025", {{"A.md", "a2\n"}, {"B.md", "b2\n"}});
      CHECK(slurp(dir / "B.md") == "b2\n");
      CHECK(entries(dir) == 3);
      CHECK(entries(parent) == 1);
    }
    SUBCASE("a letter changed since its batch wrote it stops the batch's next run (73), whole or "
            "part, which changes nothing; moved away, the batch runs") {
      // tester 8, F13: a whole run replaced a letter the officer had edited by hand.
      write_batch(dir, "reminders", {{"A.md", "a\n"}, {"B.md", "b\n"}});
      std::ofstream(dir / "B.md", std::ios::app) << "With a word from the Coordinator.\n";
      const std::string manifest = slurp(dir / std::string(batch_manifest));
      for (const auto &files : {std::vector<BatchFile>{{"A.md", "a2\n"}, {"B.md", "b2\n"}},
                                std::vector<BatchFile>{{"A.md", "a2\n"}}}) { // B.md removed
        const std::string message = refusal(dir, "reminders", files);
        CHECK(message.find("B.md") != std::string::npos);
        CHECK(message.find("changed since its batch (reminders) wrote it") != std::string::npos);
      }
      CHECK(refusal(dir, "reminders", {{"B.md", "b2\n"}}, BatchRun::part) != "");
      CHECK(slurp(dir / std::string(batch_manifest)) == manifest); // nothing changed
      CHECK(slurp(dir / "A.md") == "a\n");
      CHECK(refusal(dir, "reminders", {{"A.md", "a2\n"}}, BatchRun::part) == ""); // B.md kept
      CHECK(slurp(dir / "B.md") == "b\nWith a word from the Coordinator.\n");
      fs::rename(dir / "B.md", parent / "B-edited.md");
      write_batch(dir, "reminders", {{"A.md", "a3\n"}, {"B.md", "b3\n"}});
      CHECK(slurp(dir / "B.md") == "b3\n");
      CHECK(entries(dir) == 3);
    }
    SUBCASE("a manifest without hashes (an earlier isukit's) is read, its letters replaced") {
      fs::create_directories(dir);
      std::ofstream(dir / "A.md") << "edited a\n";
      std::ofstream(dir / "R.md") << "r\n";
      std::ofstream(dir / std::string(batch_manifest))
          << "# old\ninvoices 2025\tA.md\nreminders\tR.md\n";
      write_batch(dir, "invoices 2025", {{"A.md", "a\n"}});
      CHECK(slurp(dir / "A.md") == "a\n"); // no hash: an edit cannot be told
      CHECK(slurp(dir / std::string(batch_manifest))
                .ends_with(listed("invoices 2025", "A.md", "a\n") + "reminders\tR.md\n"));
      CHECK(refusal(dir, "other", {{"R.md", "x\n"}}).find("another batch (reminders)") !=
            std::string::npos);
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
