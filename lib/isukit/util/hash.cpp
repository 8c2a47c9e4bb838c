#include <isukit/util/hash.hpp>

#include <fmt/format.h>

// The header-only form of Debian's libxxhash: the same code as libxxhash.so, inlined, so that
// no shared library is added to every tool's start-up.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace isukit::util {

std::string Hash128::hex() const {
  return fmt::format("{:016x}{:016x}", high, low);
}

Hash128 hash128(std::string_view bytes) {
  const XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
  return Hash128{hash.high64, hash.low64};
}

} // namespace isukit::util
