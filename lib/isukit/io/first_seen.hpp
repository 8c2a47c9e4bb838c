// Where each of millions of items was first seen, in one flat table: the duplicate check of a
// payments file keeps no string and makes no allocation per payment.
#pragma once

#include <isukit/io/node.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace isukit::io {

/// A set of items, each known by the XXH3-64 fingerprint of its identity (the bytes that make
/// two items the same), with the position where it was first seen: 24 bytes a slot, the table
/// at most three quarters full. Two different identities with one 64-bit fingerprint are as
/// unlikely as a typing error in both (about 1 in 10^7 over a million items), and would show
/// as a duplicate naming both positions, never as a silent merge.
class FirstSeen {
public:
  /// Where an item of this identity was seen first, or null when it is new (then `at` is
  /// recorded). `at` must have a line (a position read from a file).
  const Mark *insert(std::string_view identity, const Mark &at);

private:
  struct Slot {
    std::uint64_t fingerprint = 0;
    Mark at; // line 0: an empty slot
  };
  void grow();

  std::vector<Slot> m_slots;
  std::size_t m_used = 0;
};

} // namespace isukit::io
