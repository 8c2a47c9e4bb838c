// A set of millions of 64-bit fingerprints in about two to four bytes each: the first pass of
// the duplicate check of a payments file, which keeps memory flat enough for ten million
// payments. It answers "maybe seen" (then the caller verifies exactly) or "surely new".
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace isukit::io {

/// Fingerprints in 65,536 sorted partitions chosen by their top 16 bits. Each partition keeps
/// the next 32 bits (wide) until `wide_limit` fingerprints are held, then only the next 16
/// (narrow: every fingerprint is then known by 32 bits, at 2 bytes each). So a fingerprint
/// never seen is reported as maybe seen with probability about held / 2^48 while wide and
/// held / 2^32 once narrow (the caller's exact check sorts these out); one seen is always
/// reported (no false negative, in either state or across the change).
class Fingerprints {
public:
  static constexpr std::size_t default_wide_limit = std::size_t{1} << 21;

  explicit Fingerprints(std::size_t wide_limit = default_wide_limit);

  /// Adds `fingerprint`; true when it may have been added before.
  bool insert(std::uint64_t fingerprint);

  std::size_t size() const { return m_size; }
  bool narrow() const { return m_narrow; }

private:
  static constexpr int partition_bits = 16;
  bool insert_wide(std::vector<std::uint16_t> &partition, std::uint32_t tag);
  bool insert_narrow(std::vector<std::uint16_t> &partition, std::uint16_t tag);
  /// Keeps the top 16 bits of every wide tag, in place: sorted tags stay sorted.
  void make_narrow();

  // Wide: a tag is two halves, high then low; narrow: one. Each partition is sorted.
  std::vector<std::vector<std::uint16_t>> m_partitions;
  std::size_t m_wide_limit;
  std::size_t m_size = 0;
  bool m_narrow = false;
};

} // namespace isukit::io
