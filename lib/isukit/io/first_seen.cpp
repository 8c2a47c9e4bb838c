#include <isukit/io/first_seen.hpp>

#define XXH_INLINE_ALL // Debian's libxxhash, header-only (see io/cache_store.cpp)
#include <xxhash.h>

namespace isukit::io {

const Mark *FirstSeen::insert(std::string_view identity, const Mark &at) {
  if (4 * (m_used + 1) > 3 * m_slots.size()) {
    grow();
  }
  const std::uint64_t fingerprint = XXH3_64bits(identity.data(), identity.size());
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = fingerprint & mask;; i = (i + 1) & mask) { // linear probing
    Slot &slot = m_slots[i];
    if (slot.at.line == 0) {
      slot = Slot{fingerprint, at};
      ++m_used;
      return nullptr;
    }
    if (slot.fingerprint == fingerprint) {
      return &slot.at;
    }
  }
}

void FirstSeen::grow() {
  std::vector<Slot> old(m_slots.empty() ? 1024 : 2 * m_slots.size());
  old.swap(m_slots);
  const std::size_t mask = m_slots.size() - 1;
  for (const Slot &slot : old) {
    if (slot.at.line != 0) {
      std::size_t i = slot.fingerprint & mask;
      while (m_slots[i].at.line != 0) {
        i = (i + 1) & mask;
      }
      m_slots[i] = slot;
    }
  }
}

} // namespace isukit::io
