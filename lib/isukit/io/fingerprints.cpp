#include <isukit/io/fingerprints.hpp>

#include <algorithm>
#include <cstring>

namespace isukit::io {

namespace {

/// Room for one more in `partition`, growing by an eighth rather than doubling: over 65,536
/// partitions, doubling would leave a third of the memory unused.
void make_room(std::vector<std::uint16_t> &partition, std::size_t more) {
  if (partition.size() + more > partition.capacity()) {
    partition.reserve(partition.size() + more + partition.size() / 8 + 8);
  }
}

} // namespace

Fingerprints::Fingerprints(std::size_t wide_limit)
    : m_partitions(std::size_t{1} << partition_bits), m_wide_limit(wide_limit) {
  if (m_wide_limit == 0) {
    m_narrow = true;
  }
}

bool Fingerprints::insert(std::uint64_t fingerprint) {
  auto &partition = m_partitions[fingerprint >> (64 - partition_bits)];
  const auto tag = static_cast<std::uint32_t>(fingerprint >> (32 - partition_bits));
  const bool seen = m_narrow ? insert_narrow(partition, static_cast<std::uint16_t>(tag >> 16))
                             : insert_wide(partition, tag);
  if (!seen && ++m_size >= m_wide_limit && !m_narrow) {
    make_narrow();
  }
  return seen;
}

bool Fingerprints::insert_wide(std::vector<std::uint16_t> &partition, std::uint32_t tag) {
  // Binary search over pairs (high, low), compared as the 32-bit tag they make.
  std::size_t low = 0, high = partition.size() / 2;
  while (low < high) {
    const std::size_t middle = (low + high) / 2;
    const std::uint32_t there =
        std::uint32_t{partition[2 * middle]} << 16 | partition[2 * middle + 1];
    if (there == tag) {
      return true;
    }
    if (there < tag) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  make_room(partition, 2);
  const std::size_t tail = partition.size() - 2 * low;
  partition.resize(partition.size() + 2);
  std::uint16_t *const at = partition.data() + 2 * low;
  std::memmove(at + 2, at, tail * sizeof(std::uint16_t));
  at[0] = static_cast<std::uint16_t>(tag >> 16);
  at[1] = static_cast<std::uint16_t>(tag);
  return false;
}

bool Fingerprints::insert_narrow(std::vector<std::uint16_t> &partition, std::uint16_t tag) {
  const auto at = std::lower_bound(partition.begin(), partition.end(), tag) - partition.begin();
  if (at != static_cast<std::ptrdiff_t>(partition.size()) &&
      partition[static_cast<std::size_t>(at)] == tag) {
    return true;
  }
  make_room(partition, 1); // may move the partition: `at` is an index
  partition.insert(partition.begin() + at, tag);
  return false;
}

void Fingerprints::make_narrow() {
  for (auto &partition : m_partitions) {
    std::vector<std::uint16_t> narrow;
    narrow.reserve(partition.size() / 2 + partition.size() / 16 + 4);
    for (std::size_t i = 0; i < partition.size(); i += 2) {
      if (narrow.empty() ||
          narrow.back() != partition[i]) { // two wide tags may share their top half
        narrow.push_back(partition[i]);
      }
    }
    partition.swap(narrow);
  }
  m_narrow = true;
}

} // namespace isukit::io
