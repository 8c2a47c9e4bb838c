#include <isukit/io/cache_store.hpp>
#include <isukit/util/error.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace isukit;
using namespace isukit::io;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string &name) {
  const fs::path dir = fs::temp_directory_path() / name;
  fs::remove_all(dir);
  return dir;
}

unsigned mode_of(const fs::path &path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

/// Sets a file's last use, `seconds` after the epoch (eviction goes by it).
void set_used(const fs::path &path, long seconds) {
  fs::last_write_time(path, fs::file_time_type::clock::from_sys(
                                std::chrono::sys_seconds(std::chrono::seconds(seconds))));
}

} // namespace

TEST_SUITE("io::cache_store") {
  TEST_CASE("io::CacheStore::open makes a private directory, entries 0600, and takes back one open "
            "to others") {
    const fs::path dir = scratch("isukit-store-test");
    setenv("ISUKIT_CACHE", (dir / "nested").c_str(), 1);
    auto store = CacheStore::open();
    REQUIRE(store);
    CHECK(mode_of(dir / "nested") == 0700);
    store->put(hash128("a"), "bytes of a");
    CHECK(store->get(hash128("a"))->view() == "bytes of a");
    CHECK_FALSE(store->get(hash128("b")));
    for (const auto &entry : fs::directory_iterator(dir / "nested")) {
      CHECK(mode_of(entry.path()) == 0600);
    }
    fs::permissions(dir / "nested", fs::perms(0755));
    CHECK(CacheStore::open());
    CHECK(mode_of(dir / "nested") == 0700);
    setenv("ISUKIT_CACHE", "off", 1);
    CHECK_FALSE(CacheStore::open());
    unsetenv("ISUKIT_CACHE");
    fs::remove_all(dir);
  }

  TEST_CASE("io::CacheStore::open reads the limit from ISUKIT_CACHE_SIZE") {
    const fs::path dir = scratch("isukit-store-test-size");
    setenv("ISUKIT_CACHE", dir.c_str(), 1);
    CHECK(CacheStore::open()->limit() == default_cache_limit);
    setenv("ISUKIT_CACHE_SIZE", "1500", 1);
    CHECK(CacheStore::open()->limit() == 1500);
    setenv("ISUKIT_CACHE_SIZE", "3K", 1);
    CHECK(CacheStore::open()->limit() == 3072);
    setenv("ISUKIT_CACHE_SIZE", "64M", 1);
    CHECK(CacheStore::open()->limit() == 64u << 20);
    for (const char *bad : {"12X", "M", "-1", "1.5M", "99999999999G"}) {
      setenv("ISUKIT_CACHE_SIZE", bad, 1);
      CHECK_THROWS_AS(CacheStore::open(), util::Error);
    }
    unsetenv("ISUKIT_CACHE_SIZE");
    unsetenv("ISUKIT_CACHE");
    fs::remove_all(dir);
  }

  TEST_CASE("io::CacheStore::put evicts the least recently used entries beyond the limit, and "
            "nothing else") {
    const fs::path dir = scratch("isukit-store-test-evict");
    fs::create_directories(dir);
    std::ofstream(dir / "notes.txt") << std::string(500, 'n'); // not an entry: never removed
    const CacheStore store(dir, 250);
    const std::string hundred(100, 'x');
    store.put(hash128("a"), hundred);
    store.put(hash128("b"), hundred);
    set_used(store.entry_path(hash128("b")), 1000); // b used long ago...
    set_used(store.entry_path(hash128("a")), 2000); // ...a more recently
    store.put(hash128("c"), hundred);
    CHECK(store.get(hash128("a")));
    CHECK_FALSE(store.get(hash128("b")));
    CHECK(store.get(hash128("c")));
    CHECK(fs::exists(dir / "notes.txt"));
    store.put(hash128("d"), std::string(251, 'x')); // larger than the limit: not stored
    CHECK_FALSE(store.get(hash128("d")));
    CHECK(store.get(hash128("c")));
    fs::remove_all(dir);
  }

  TEST_CASE("io::CacheStore::get makes an entry the most recently used") {
    const fs::path dir = scratch("isukit-store-test-touch");
    fs::create_directories(dir);
    const CacheStore store(dir, 1000);
    store.put(hash128("a"), "a");
    const fs::path entry = store.entry_path(hash128("a"));
    set_used(entry, 1000);
    CHECK(store.get(hash128("a"))->view() == "a");
    CHECK(fs::last_write_time(entry) > fs::file_time_type::clock::from_sys(
                                           std::chrono::sys_seconds(std::chrono::seconds(1000))));
    fs::remove_all(dir);
  }
}
