#include <isukit/io/fingerprints.hpp>

#include <algorithm>

namespace isukit::io {

Fingerprints::Fingerprints(std::size_t wide_limit) : m_wide_limit(wide_limit) {
  if (m_wide_limit == 0) {
    m_narrow = true;
    m_partitions.resize(std::size_t{1} << partition_bits);
  }
}

void Fingerprints::spread() {
  m_partitions.resize(std::size_t{1} << partition_bits);
  for (const std::uint64_t prefix : m_small) {
    const auto tag = static_cast<std::uint32_t>(prefix);
    append(m_partitions[prefix >> 32], static_cast<std::uint16_t>(tag >> 16),
           static_cast<std::uint16_t>(tag));
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
  const Partition &partition = m_partitions[index];
  tags.resize(partition.size() / 2);
  for (std::size_t i = 0; i < tags.size(); ++i) {
    tags[i] = std::uint32_t{partition[2 * i]} << 16 | partition[2 * i + 1];
  }
  std::sort(tags.begin(), tags.end());
  for (std::size_t i = 1; i < tags.size(); ++i) {
    if (tags[i] == tags[i - 1] && (i < 2 || tags[i] != tags[i - 2])) {
      m_repeated_wide.push_back(std::uint64_t{index} << 32 | tags[i]);
    }
  }
}

void Fingerprints::make_narrow() {
  std::vector<std::uint32_t> wide;
  for (std::size_t index = 0; index < m_partitions.size(); ++index) {
    sort_wide(index, wide);
    Partition narrow;
    narrow.reserve(wide.size() + wide.size() / 8 + 4);
    for (const std::uint32_t tag : wide) {
      const auto high = static_cast<std::uint16_t>(tag >> 16);
      if (narrow.empty() || narrow.back() != high) { // wide tags may share their top half
        narrow.push_back(high);
      }
    }
    m_partitions[index].swap(narrow);
  }
  m_narrow = true;
}

void Fingerprints::find_narrow_repeats(std::size_t index) {
  Partition &partition = m_partitions[index];
  std::sort(partition.begin(), partition.end());
  for (std::size_t i = 1; i < partition.size(); ++i) {
    if (partition[i] == partition[i - 1] && (i < 2 || partition[i] != partition[i - 2])) {
      m_repeated_narrow.push_back(static_cast<std::uint32_t>(index << 16 | partition[i]));
    }
  }
}

bool Fingerprints::settle() {
  if (!m_settled && m_partitions.empty()) {
    settle_small();
  } else if (!m_settled) {
    std::vector<std::uint32_t> wide;
    for (std::size_t index = 0; index < m_partitions.size(); ++index) {
      if (m_partitions[index].empty()) {
        continue;
      }
      if (m_narrow) {
        find_narrow_repeats(index);
      } else {
        sort_wide(index, wide);
      }
      Partition().swap(m_partitions[index]);
    }
    std::vector<Partition>().swap(m_partitions);
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
