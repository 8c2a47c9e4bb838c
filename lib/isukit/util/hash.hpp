// A strong hash of bytes: the cache's keys and checksums, and what a batch of letters records of
// each letter it wrote, to tell a letter edited since.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace isukit::util {

/// A 128-bit XXH3 hash (Debian's libxxhash).
struct Hash128 {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  bool operator==(const Hash128 &) const = default;
  /// 32 lower-case hexadecimal digits, `high` first.
  std::string hex() const;
};

/// XXH3-128 of `bytes`.
Hash128 hash128(std::string_view bytes);

} // namespace isukit::util
