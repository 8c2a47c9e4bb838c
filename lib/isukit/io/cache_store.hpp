// The private, bounded directory that holds the parse cache's entries (io/node_cache): one
// file per parsed input, named by a hash of the input's content. A ledger or an application is
// confidential, so the directory is the user's alone (0700, entries 0600); its size is bounded,
// the least recently used entries going first. The store only keeps bytes: what an entry means,
// and whether it can be trusted, is the node cache's business.
#pragma once

#include <isukit/util/hash.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace isukit::io {

/// The key of an entry and the checksum inside it.
using util::Hash128;
using util::hash128;

/// The bytes of an entry as read, in memory not cleared first (clearing it cost each call about
/// 0.45 M instructions, for bytes the read overwrites at once).
class Bytes {
public:
  explicit Bytes(std::size_t size)
      : m_data(std::make_unique_for_overwrite<char[]>(size)), m_size(size) {}
  char *data() { return m_data.get(); }
  std::size_t size() const { return m_size; }
  std::string_view view() const { return {m_data.get(), m_size}; }

private:
  std::unique_ptr<char[]> m_data;
  std::size_t m_size;
};

/// The default size limit of the store: 32 MiB, some hundred times the shipped examples.
constexpr std::uint64_t default_cache_limit = std::uint64_t{32} << 20;

class CacheStore {
public:
  /// The store the environment names: $ISUKIT_CACHE, else $XDG_CACHE_HOME/isukit, else
  /// $HOME/.cache/isukit, limited to $ISUKIT_CACHE_SIZE bytes (a number with an optional K, M or
  /// G suffix, powers of 1024; default_cache_limit without it). None when ISUKIT_CACHE is "off",
  /// when no directory can be named or made, or when the directory is not private: owned by
  /// another user (then it is left alone), or open to others (then, being ours, it is made 0700).
  /// A malformed ISUKIT_CACHE_SIZE is a usage error (exit 64).
  static std::optional<CacheStore> open();

  CacheStore(std::filesystem::path directory, std::uint64_t limit);

  const std::filesystem::path &directory() const { return m_directory; }
  std::uint64_t limit() const { return m_limit; }

  /// The bytes stored under `key`, or none. A hit makes the entry the most recently used.
  std::optional<Bytes> get(const Hash128 &key) const;

  /// Stores `bytes` under `key` in a new 0600 file that replaces any entry of that key whole,
  /// then removes the least recently used entries until the store is within its limit. Bytes
  /// larger than the limit are not stored. Failures are ignored: the cache only saves time.
  void put(const Hash128 &key, std::string_view bytes) const;

  /// The file of `key`'s entry: `<32 hex digits>.bin` in the directory.
  std::filesystem::path entry_path(const Hash128 &key) const;

private:
  void evict() const;

  std::filesystem::path m_directory;
  std::uint64_t m_limit;
};

} // namespace isukit::io
