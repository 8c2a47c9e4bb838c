#include <isukit/io/fingerprints.hpp>

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

void Fingerprints::settle_small() {
  std::sort(m_small.begin(), m_small.end());
  for (std::size_t i = 1; i < m_small.size(); ++i) {
    if (m_small[i] == m_small[i - 1] && (i < 2 || m_small[i] != m_small[i - 2])) {
      m_repeated_wide.push_back(m_small[i]);
    }
  }
  std::vector<std::uint64_t>().swap(m_small);
}

void Fingerprints::sort_wide(std::size_t index, std::vector<std::uint32_t> &tags) {
  gather(m_partitions[index], tags);
  sort_tags(tags.data(), tags.data() + tags.size());
  for (std::size_t i = 1; i < tags.size(); ++i) {
    if (tags[i] == tags[i - 1] && (i < 2 || tags[i] != tags[i - 2])) {
      m_repeated_wide.push_back(std::uint64_t{index} << 32 | tags[i]);
    }
  }
}

void Fingerprints::make_narrow() {
  std::vector<std::uint32_t> wide;
  std::vector<Partition> narrow(m_partitions.size());
  Arena arena;
  std::swap(arena, m_arena); // the wide tags' blocks, freed once all are narrowed
  for (std::size_t index = 0; index < m_partitions.size(); ++index) {
    sort_wide(index, wide);
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

void Fingerprints::find_narrow_repeats(std::size_t index, std::vector<std::uint16_t> &tags) {
  gather(m_partitions[index], tags);
  sort_tags(tags.data(), tags.data() + tags.size());
  for (std::size_t i = 1; i < tags.size(); ++i) {
    if (tags[i] == tags[i - 1] && (i < 2 || tags[i] != tags[i - 2])) {
      m_repeated_narrow.push_back(static_cast<std::uint32_t>(index << 16 | tags[i]));
    }
  }
}

bool Fingerprints::settle() {
  if (!m_settled && m_partitions.empty()) {
    settle_small();
  } else if (!m_settled) {
    std::vector<std::uint16_t> narrow;
    std::vector<std::uint32_t> wide;
    for (std::size_t index = 0; index < m_partitions.size(); ++index) {
      if (m_narrow) {
        find_narrow_repeats(index, narrow);
      } else {
        sort_wide(index, wide);
      }
    }
    std::vector<Partition>().swap(m_partitions);
    m_arena = Arena();
  }
  m_settled = true;
  return !m_repeated_wide.empty() || !m_repeated_narrow.empty();
}

bool Fingerprints::maybe_repeated(std::uint64_t fingerprint) const {
  return std::binary_search(m_repeated_narrow.begin(), m_repeated_narrow.end(),
                            static_cast<std::uint32_t>(fingerprint >> 32)) ||
         std::binary_search(m_repeated_wide.begin(), m_repeated_wide.end(), fingerprint >> 16);
}

} // namespace isukit::io
