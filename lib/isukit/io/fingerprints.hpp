// A multiset of millions of 64-bit fingerprints in about two to four bytes each: the first pass
// of the duplicate check of a payments file, which keeps memory flat enough for ten million
// payments. Adding one costs an append; once all are added, it says which fingerprints may have
// been added more than once (then the caller verifies exactly), and every other one surely was
// added once.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace isukit::io {

/// Up to `small_limit` fingerprints (the payments of an ISU's own ledger), their top 48 bits in
/// one list, sorted once by settle(): a small ledger never pays for the partitions' 1 MB. From
/// then on, fingerprints in 65,536 partitions chosen by their top 16 bits, each partition the
/// tags of its fingerprints in the order added: the next 32 bits (wide) until `wide_limit`
/// fingerprints are held, then only the next 16 (narrow: every fingerprint is then known by 32
/// bits, at 2 bytes each). settle() sorts each partition once and finds the tags held twice.
/// A fingerprint added once is reported as maybe repeated with probability about held / 2^48
/// while wide and held / 2^32 once narrow (the caller's exact check sorts these out); one
/// added twice always is (no false negative, in either state or across the change).
class Fingerprints {
public:
  /// Sorts [first, last) ascending, as std::sort does: a partition's tags, about 15 at
  /// 1,000,000 payments, by insertion (no call, no recursion: for so few, fewer instructions
  /// than std::sort, which starts from the same insertion sort after a few checks); more than
  /// 32 by std::sort.
  template <class Tag> static void sort_tags(Tag *first, Tag *last) {
    if (last - first > 32) {
      std::sort(first, last);
      return;
    }
    for (Tag *next = first + (first != last); next < last; ++next) {
      const Tag tag = *next;
      Tag *at = next;
      for (; at != first && tag < at[-1]; --at) {
        *at = at[-1];
      }
      *at = tag;
    }
  }

  static constexpr std::size_t default_wide_limit = std::size_t{1} << 21;
  static constexpr std::size_t small_limit = std::size_t{1} << 16;

  /// Appends to `repeats`, ascending, each tag that [first, last) holds more than once (the
  /// range may be reordered). Up to 32 tags (a partition at 1,000,000 payments holds about 15)
  /// through a table of 64 slots, one look-up each, no sort; more by sort_tags.
  static void repeated_tags(std::uint32_t *first, std::uint32_t *last,
                            std::vector<std::uint32_t> &repeats);

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
    Partition &partition = m_partitions[fingerprint >> (64 - partition_bits)];
    const auto tag = static_cast<std::uint32_t>(fingerprint >> (32 - partition_bits));
    if (m_narrow) {
      append(partition, static_cast<std::uint16_t>(tag >> 16));
    } else {
      append(partition, tag);
      if (++m_size >= m_wide_limit) {
        make_narrow();
      }
      return;
    }
    ++m_size;
  }

  /// Adds `count` fingerprints from `fingerprints`, in order, as insert() each would. For a
  /// batch of a payments file: each append lands on a random partition record and a random
  /// last block (about 5 MB of them at 1,000,000 payments, far more than the core's cache), a
  /// cache miss or two that callgrind does not show but that made these appends half the wall
  /// time of `assess status` over 1,000,000 rows (bench/README.md, 2026-12-01 10:20). Here the
  /// record is fetched `record_ahead` fingerprints before its append and the block's free slot
  /// `slot_ahead` before, so that the misses of several appends overlap.
  void insert_all(const std::uint64_t *fingerprints, std::size_t count);

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

  /// 64 bytes of a partition's tags: 28 narrow ones or 14 wide ones (each in two slots, as
  /// its bytes), after the partition's previous block. A partition is a chain of blocks from
  /// one arena: appending never moves a tag, and 65,536 partitions cost no allocation each.
  struct Block {
    static constexpr std::size_t slots = 28;
    Block *previous;
    std::uint16_t tags[slots];
  };
  /// Blocks taken from slabs of 4,096 (256 KB), all freed together.
  class Arena {
  public:
    Block *allocate() {
      if (m_free == 0) {
        add_slab();
      }
      return &m_slabs.back()[slab_blocks - m_free--];
    }

  private:
    static constexpr std::size_t slab_blocks = 4096;
    void add_slab();
    std::vector<std::unique_ptr<Block[]>> m_slabs;
    std::size_t m_free = 0;
  };
  /// A partition's last block and the slots used in it (the blocks before it are full).
  struct Partition {
    Block *last = nullptr;
    std::size_t used = Block::slots;
  };

  void append(Partition &partition, std::uint16_t tag) {
    if (partition.used == Block::slots) {
      add_block(partition);
    }
    partition.last->tags[partition.used++] = tag;
  }
  void append(Partition &partition, std::uint32_t tag) {
    if (partition.used == Block::slots) { // an even count: a wide tag never straddles two
      add_block(partition);
    }
    std::memcpy(partition.last->tags + partition.used, &tag, sizeof tag);
    partition.used += 2;
  }
  void add_block(Partition &partition);
  /// Asks the cache for what appending `fingerprint` will write: its partition's record
  /// (`record`) or the record's free slot (`slot`, the record fetched earlier). A hint only.
  void prefetch_record(std::uint64_t fingerprint) const {
    __builtin_prefetch(&m_partitions[fingerprint >> (64 - partition_bits)], 1);
  }
  void prefetch_slot(std::uint64_t fingerprint) const {
    const Partition &partition = m_partitions[fingerprint >> (64 - partition_bits)];
    if (partition.used != Block::slots) { // else the next block, from the arena in order
      __builtin_prefetch(partition.last->tags + partition.used, 1);
    }
  }
  /// The tags of `partition` (narrow: std::uint16_t; wide: std::uint32_t, from the bytes of
  /// its two slots), in no particular order, into `tags`.
  template <class Tag> static void gather(const Partition &partition, std::vector<Tag> &tags);
  /// Moves the small list into the partitions (then narrows them if `m_wide_limit` is reached).
  void spread();
  /// settle() before spread(): the repeated prefixes of the small list.
  void settle_small();
  /// The wide tags of partition `index` into `tags`, sorted when `sorted`; the 48-bit prefix of
  /// each one held twice is appended to `repeated` (`repeats` is scratch).
  void find_wide_repeats(std::size_t index, bool sorted, std::vector<std::uint32_t> &tags,
                         std::vector<std::uint32_t> &repeats,
                         std::vector<std::uint64_t> &repeated) const;
  /// Keeps the top 16 bits of every wide tag, once each, having noted the repeated ones.
  void make_narrow();
  /// Appends the narrow tags of partition `index` held twice to `repeated`, with its index.
  void find_narrow_repeats(std::size_t index, std::vector<std::uint16_t> &tags,
                           std::vector<std::uint32_t> &repeated) const;
  /// The prefixes held twice in partitions [first, last), in order.
  struct Repeated {
    std::vector<std::uint64_t> wide;
    std::vector<std::uint32_t> narrow;
  };
  void find_repeats(std::size_t first, std::size_t last, Repeated &repeated) const;

  static constexpr int filter_bits = 20;
  /// After settle(): a bit for each value of a fingerprint's top `filter_bits` bits that some
  /// repeated prefix starts with (128 KB, in the core's cache). A second reading asks about
  /// every payment; at 10,000,000 payments, with about 12,000 narrow prefixes held twice by
  /// chance, two binary searches a payment were a third of its wall time.
  void build_filter();
  std::vector<std::uint64_t> m_filter;

  // Before spread(): the top 48 bits of each fingerprint, in the order added; then empty.
  std::vector<std::uint64_t> m_small;
  // Wide: a tag is two slots (its bytes); narrow: one. In the order added, in m_arena's blocks.
  std::vector<Partition> m_partitions;
  Arena m_arena;
  std::size_t m_wide_limit;
  std::size_t m_size = 0;
  bool m_narrow = false;
  bool m_settled = false;
  // The prefixes held twice, sorted (found partition by partition, each partition sorted):
  // wide, the top 48 bits of a fingerprint; narrow, the top 32 bits.
  Repeated m_repeated;
};

} // namespace isukit::io
