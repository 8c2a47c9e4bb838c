#include <isukit/io/fingerprints.hpp>
#include <isukit/util/pipeline.hpp>

namespace isukit::io {

Fingerprints::Fingerprints(std::size_t wide_limit) : m_wide_limit(wide_limit) {
  if (m_wide_limit == 0) {
    m_narrow = true;
    m_partitions.resize(std::size_t{1} << partition_bits);
  }
}

void Fingerprints::Arena::add_slab() {
  // Not zeroed: a block's slots are read only once written.
  m_slabs.emplace_back(new Block[slab_blocks]);
  m_free = slab_blocks;
}

void Fingerprints::add_block(Partition &partition) {
  Block *block = m_arena.allocate();
  block->previous = partition.last;
  partition.last = block;
  partition.used = 0;
}

void Fingerprints::insert_all(const std::uint64_t *fingerprints, std::size_t count) {
  // Far enough ahead for a miss to be served (about 100 ns, a few appends' work), near
  // enough that what is fetched is still in the cache; the slot once its record is there.
  constexpr std::size_t record_ahead = 16, slot_ahead = 8;
  for (std::size_t i = 0; i < count; ++i) {
    if (!m_partitions.empty()) { // spread() makes them within a batch: check each time
      if (i + record_ahead < count) {
        prefetch_record(fingerprints[i + record_ahead]);
      }
      if (i + slot_ahead < count) {
        prefetch_slot(fingerprints[i + slot_ahead]);
      }
    }
    insert(fingerprints[i]);
  }
}

template <class Tag> void Fingerprints::gather(const Partition &partition, std::vector<Tag> &tags) {
  tags.clear();
  std::size_t used = partition.used;
  for (const Block *block = partition.last; block; block = block->previous) {
    const std::size_t at = tags.size();
    tags.resize(at + used * sizeof block->tags[0] / sizeof(Tag));
    std::memcpy(tags.data() + at, block->tags, used * sizeof block->tags[0]);
    used = Block::slots; // every block before the last is full
  }
}

void Fingerprints::spread() {
  m_partitions.resize(std::size_t{1} << partition_bits);
  for (const std::uint64_t prefix : m_small) {
    append(m_partitions[prefix >> 32], static_cast<std::uint32_t>(prefix));
  }
  std::vector<std::uint64_t>().swap(m_small);
  if (m_size >= m_wide_limit) {
    make_narrow();
  }
}

namespace {

/// Calls `note` with each value the sorted range [first, last) holds more than once, once, in
/// order: the one scan of a sorted list, of any width of tag.
template <class Value, class Note>
void note_sorted_repeats(const Value *first, const Value *last, Note note) {
  if (first == last) {
    return; // an empty list may have no storage: no pointer arithmetic on it
  }
  for (const Value *value = first + 1; value < last; ++value) {
    if (*value == value[-1] && (value - first < 2 || *value != value[-2])) {
      note(*value);
    }
  }
}

} // namespace

void Fingerprints::settle_small() {
  std::sort(m_small.begin(), m_small.end());
  note_sorted_repeats(m_small.data(), m_small.data() + m_small.size(),
                      [&](std::uint64_t prefix) { m_repeated.wide.push_back(prefix); });
  std::vector<std::uint64_t>().swap(m_small);
}

void Fingerprints::repeated_tags(std::uint32_t *first, std::uint32_t *last,
                                 std::vector<std::uint32_t> &repeats) {
  const std::size_t from = repeats.size();
  if (last - first > 32) {
    sort_tags(first, last);
    note_sorted_repeats(first, last, [&](std::uint32_t tag) { repeats.push_back(tag); });
    return;
  }
  // Open addressing at most half full: about 1.5 probes a tag. Tags are hash bits already.
  std::uint32_t table[64];
  std::uint64_t used = 0, repeated = 0; // a bit per slot
  for (const std::uint32_t *tag = first; tag < last; ++tag) {
    unsigned slot = *tag & 63;
    while ((used >> slot & 1) != 0 && table[slot] != *tag) {
      slot = (slot + 1) & 63;
    }
    if ((used >> slot & 1) == 0) {
      used |= std::uint64_t{1} << slot;
      table[slot] = *tag;
    } else if ((repeated >> slot & 1) == 0) {
      repeated |= std::uint64_t{1} << slot;
      repeats.push_back(*tag);
    }
  }
  std::sort(repeats.begin() + static_cast<std::ptrdiff_t>(from), repeats.end());
}

void Fingerprints::find_wide_repeats(std::size_t index, bool sorted,
                                     std::vector<std::uint32_t> &tags,
                                     std::vector<std::uint32_t> &repeats,
                                     std::vector<std::uint64_t> &repeated) const {
  gather(m_partitions[index], tags);
  const auto note = [&](std::uint32_t tag) {
    repeated.push_back(std::uint64_t{index} << 32 | tag);
  };
  if (sorted) { // sorted once, then scanned (repeated_tags would sort a long one again)
    sort_tags(tags.data(), tags.data() + tags.size());
    note_sorted_repeats(tags.data(), tags.data() + tags.size(), note);
    return;
  }
  repeats.clear();
  repeated_tags(tags.data(), tags.data() + tags.size(), repeats);
  std::for_each(repeats.begin(), repeats.end(), note);
}

void Fingerprints::make_narrow() {
  std::vector<std::uint32_t> wide, repeats;
  std::vector<Partition> narrow(m_partitions.size());
  Arena arena;
  std::swap(arena, m_arena); // the wide tags' blocks, freed once all are narrowed
  for (std::size_t index = 0; index < m_partitions.size(); ++index) {
    find_wide_repeats(index, true, wide, repeats, m_repeated.wide);
    for (std::size_t i = 0; i < wide.size(); ++i) {
      const auto high = static_cast<std::uint16_t>(wide[i] >> 16);
      if (i == 0 || high != static_cast<std::uint16_t>(wide[i - 1] >> 16)) {
        append(narrow[index], high); // wide tags may share their top half
      }
    }
  }
  m_partitions.swap(narrow);
  m_narrow = true;
}

void Fingerprints::find_narrow_repeats(std::size_t index, std::vector<std::uint16_t> &tags,
                                       std::vector<std::uint32_t> &repeated) const {
  gather(m_partitions[index], tags);
  sort_tags(tags.data(), tags.data() + tags.size());
  note_sorted_repeats(tags.data(), tags.data() + tags.size(), [&](std::uint16_t tag) {
    repeated.push_back(static_cast<std::uint32_t>(index << 16 | tag));
  });
}

void Fingerprints::find_repeats(std::size_t first, std::size_t last, Repeated &repeated) const {
  std::vector<std::uint16_t> narrow;
  std::vector<std::uint32_t> wide, repeats;
  for (std::size_t index = first; index < last; ++index) {
    if (m_narrow) {
      find_narrow_repeats(index, narrow, repeated.narrow);
    } else {
      find_wide_repeats(index, false, wide, repeats, repeated.wide);
    }
  }
}

bool Fingerprints::settle() {
  if (!m_settled && m_partitions.empty()) {
    settle_small();
  } else if (!m_settled) {
    // The two halves of the partitions at once: each partition's repeats are its own, so the
    // first half's, then the second's, are in order. A million payments' take 33 M instructions.
    const std::size_t half = m_partitions.size() / 2;
    Repeated second;
    util::run_both([&] { find_repeats(half, m_partitions.size(), second); },
                   [&] { find_repeats(0, half, m_repeated); });
    m_repeated.wide.insert(m_repeated.wide.end(), second.wide.begin(), second.wide.end());
    m_repeated.narrow.insert(m_repeated.narrow.end(), second.narrow.begin(), second.narrow.end());
    std::vector<Partition>().swap(m_partitions);
    m_arena = Arena();
  }
  const bool any = !m_repeated.wide.empty() || !m_repeated.narrow.empty();
  if (!m_settled && any) { // without repeats there is no second reading to ask
    build_filter();
  }
  m_settled = true;
  return any;
}

void Fingerprints::build_filter() {
  m_filter.assign((std::size_t{1} << filter_bits) / 64, 0);
  const auto mark = [&](std::uint64_t key) { m_filter[key / 64] |= std::uint64_t{1} << key % 64; };
  for (const std::uint32_t narrow : m_repeated.narrow) { // the top 32 bits of a fingerprint
    mark(narrow >> (32 - filter_bits));
  }
  for (const std::uint64_t wide : m_repeated.wide) { // the top 48 bits
    mark(wide >> (48 - filter_bits));
  }
}

bool Fingerprints::maybe_repeated(std::uint64_t fingerprint) const {
  const std::uint64_t key = fingerprint >> (64 - filter_bits);
  if (m_filter.empty() || !(m_filter[key / 64] >> key % 64 & 1)) { // empty: no repeats yet
    return false; // no repeated prefix starts as it does: most fingerprints, one look-up
  }
  return std::binary_search(m_repeated.narrow.begin(), m_repeated.narrow.end(),
                            static_cast<std::uint32_t>(fingerprint >> 32)) ||
         std::binary_search(m_repeated.wide.begin(), m_repeated.wide.end(), fingerprint >> 16);
}

} // namespace isukit::io
