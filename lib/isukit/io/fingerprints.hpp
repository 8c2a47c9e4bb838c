// A multiset of millions of 64-bit fingerprints in about two to four bytes each: the first pass
// of the duplicate check of a payments file, which keeps memory flat enough for ten million
// payments. Adding one costs an append; once all are added, it says which fingerprints may have
// been added more than once (then the caller verifies exactly), and every other one surely was
// added once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace isukit::io {

/// Up to `small_limit` fingerprints (the payments of an ISU's own ledger), their top 48 bits in
/// one list, sorted once by settle(): a small ledger never pays for the partitions' 1.5 MB. From
/// then on, fingerprints in 65,536 partitions chosen by their top 16 bits, each partition the
/// tags of its fingerprints in the order added: the next 32 bits (wide) until `wide_limit`
/// fingerprints are held, then only the next 16 (narrow: every fingerprint is then known by 32
/// bits, at 2 bytes each). settle() sorts each partition once and finds the tags held twice.
/// A fingerprint added once is reported as maybe repeated with probability about held / 2^48
/// while wide and held / 2^32 once narrow (the caller's exact check sorts these out); one
/// added twice always is (no false negative, in either state or across the change).
class Fingerprints {
public:
  static constexpr std::size_t default_wide_limit = std::size_t{1} << 21;
  static constexpr std::size_t small_limit = std::size_t{1} << 16;

  explicit Fingerprints(std::size_t wide_limit = default_wide_limit);

  /// Adds `fingerprint`; not after settle().
  void insert(std::uint64_t fingerprint) {
    if (m_partitions.empty()) {
      m_small.push_back(fingerprint >> (64 - wide_bits));
      if (++m_size >= small_limit || m_size >= m_wide_limit) {
        spread();
      }
      return;
    }
    auto &partition = m_partitions[fingerprint >> (64 - partition_bits)];
    const auto tag = static_cast<std::uint32_t>(fingerprint >> (32 - partition_bits));
    if (m_narrow) {
      append(partition, static_cast<std::uint16_t>(tag >> 16));
    } else {
      append(partition, static_cast<std::uint16_t>(tag >> 16), static_cast<std::uint16_t>(tag));
      if (++m_size >= m_wide_limit) {
        make_narrow();
      }
      return;
    }
    ++m_size;
  }

  /// Finds the fingerprints that may have been added more than once (once: later calls only
  /// answer); true when there is any. The partitions are then freed.
  bool settle();
  /// After settle(): whether `fingerprint` may have been added more than once.
  bool maybe_repeated(std::uint64_t fingerprint) const;

  /// The fingerprints added (counting repeats).
  std::size_t size() const { return m_size; }
  bool narrow() const { return m_narrow; }

private:
  static constexpr int partition_bits = 16;
  static constexpr int wide_bits = 48;
  using Partition = std::vector<std::uint16_t>;

  /// Grows by a quarter and 16 tags rather than doubling: over 65,536 partitions, doubling
  /// would leave a third of the memory unused (at 10,000,000 payments this leaves about 3 MB),
  /// and smaller steps cost more moves (a partition holds about 30 tags at 1,000,000).
  static void make_room(Partition &partition, std::size_t more) {
    if (partition.size() + more > partition.capacity()) {
      partition.reserve(partition.size() + more + partition.size() / 4 + 16);
    }
  }
  static void append(Partition &partition, std::uint16_t tag) {
    make_room(partition, 1);
    partition.push_back(tag);
  }
  static void append(Partition &partition, std::uint16_t high, std::uint16_t low) {
    make_room(partition, 2);
    partition.push_back(high);
    partition.push_back(low);
  }
  /// Moves the small list into the partitions (then narrows them if `m_wide_limit` is reached).
  void spread();
  /// settle() before spread(): the repeated prefixes of the small list.
  void settle_small();
  /// The wide tags of partition `index`, sorted, into `tags`; the 48-bit prefix of each one
  /// held twice goes to m_repeated_wide.
  void sort_wide(std::size_t index, std::vector<std::uint32_t> &tags);
  /// Keeps the top 16 bits of every wide tag, once each, having noted the repeated ones.
  void make_narrow();
  /// Notes the narrow tags of partition `index` held twice in m_repeated_narrow.
  void find_narrow_repeats(std::size_t index);

  // Before spread(): the top 48 bits of each fingerprint, in the order added; then empty.
  std::vector<std::uint64_t> m_small;
  // Wide: a tag is two halves, high then low; narrow: one. In the order added.
  std::vector<Partition> m_partitions;
  std::size_t m_wide_limit;
  std::size_t m_size = 0;
  bool m_narrow = false;
  bool m_settled = false;
  // The prefixes held twice, sorted (found partition by partition, each partition sorted).
  std::vector<std::uint64_t> m_repeated_wide;   // top 48 bits of a fingerprint
  std::vector<std::uint32_t> m_repeated_narrow; // top 32 bits
};

} // namespace isukit::io
