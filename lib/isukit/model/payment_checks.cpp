#include <isukit/model/payment_checks.hpp>

#define XXH_INLINE_ALL // Debian's libxxhash, header-only (see util/hash.cpp)
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <tuple>
#include <xxhash.h>

namespace isukit::model {

std::uint64_t parts_fingerprint(std::int64_t amount, std::uint64_t packed,
                                std::string_view reference) {
  const std::uint64_t fixed =
      XXH3_64bits_withSeed(&packed, sizeof packed, static_cast<std::uint64_t>(amount));
  return XXH3_64bits_withSeed(reference.data(), reference.size(), fixed);
}

DuplicateCheck::DuplicateCheck(std::size_t wide_limit) : m_fingerprints(wide_limit) {}

bool DuplicateCheck::read_again(std::uint64_t fingerprint) {
  ++m_count_again;
  return m_fingerprints.maybe_repeated(fingerprint);
}

void DuplicateCheck::candidate(std::string_view identity, const io::Mark &at) {
  const auto [first, added] = m_first.try_emplace(std::string(identity), at);
  if (!added) {
    m_repeats.push_back(Repeat{at, first->second, m_count_again - 1}); // read_again counted it
  }
}

void DuplicateCheck::report(util::Diagnostics &diagnostics) const {
  for (const Repeat &repeat : m_repeats) {
    diagnostics.add(
        util::Error(util::ExitCode::data, repeat.at.position(),
                    fmt::format("this payment repeats the one at {}: same state, date, amount, "
                                "currency and reference (two real payments of the same amount on "
                                "the same day carry different references)",
                                repeat.first.located())),
        repeat.payments_before);
  }
}

void RefundCheck::FreeDeleter::operator()(std::int64_t *p) const {
  std::free(p);
}

RefundCheck::RefundCheck(std::size_t states)
    : m_month_net(static_cast<std::int64_t *>(
          std::calloc(std::max<std::size_t>(states, 1) * months, sizeof(std::int64_t)))) {
  if (!m_month_net) {
    throw std::bad_alloc();
  }
}

std::int64_t RefundCheck::net_before(StateId state, int month) const {
  const std::int64_t *net = m_month_net.get() + static_cast<std::size_t>(state) * months;
  std::int64_t sum = 0; // within the ledger's volume, so it cannot overflow
  for (int m = 0; m < month; ++m) {
    sum += net[m];
  }
  return sum;
}

std::size_t RefundCheck::month_end(std::size_t first) const {
  const Refund &refund = m_refunds[first];
  std::size_t end = first;
  while (end < m_refunds.size() && m_refunds[end].state == refund.state &&
         month_index(m_refunds[end].date) == month_index(refund.date)) {
    ++end;
  }
  return end;
}

bool RefundCheck::needs_second_reading() {
  std::sort(m_refunds.begin(), m_refunds.end(), [](const Refund &a, const Refund &b) {
    return std::tie(a.state, a.date, b.amount, a.number) <
           std::tie(b.state, b.date, a.amount, b.number);
  });
  m_days.clear();
  for (std::size_t first = 0, end = 0; first < m_refunds.size(); first = end) {
    end = month_end(first);
    // Without the month's receipts, net receipts can only be lower than they are: when they
    // stay at or above zero even so, the month needs no days.
    std::int64_t net = net_before(m_refunds[first].state, month_index(m_refunds[first].date));
    bool covered = true;
    for (std::size_t i = first; i < end; ++i) {
      net += m_refunds[i].amount;
      covered = covered && net >= 0;
    }
    if (!covered) {
      m_days[{m_refunds[first].state, month_index(m_refunds[first].date)}].assign(31, 0);
    }
  }
  return !m_days.empty();
}

void RefundCheck::read_again(StateId state, const util::Date &date, std::int64_t amount) {
  if (amount <= 0 || m_days.empty()) {
    return;
  }
  if (const auto days = m_days.find({state, month_index(date)}); days != m_days.end()) {
    days->second[date.day() - 1] += amount;
  }
}

void RefundCheck::check(const StateTable &states, const util::Currency &currency) const {
  for (std::size_t first = 0, end = 0; first < m_refunds.size(); first = end) {
    end = month_end(first);
    if (m_days.count({m_refunds[first].state, month_index(m_refunds[first].date)}) != 0) {
      check_days(states, currency, first, end);
    }
  }
}

void RefundCheck::check_days(const StateTable &states, const util::Currency &currency,
                             std::size_t first, std::size_t end) const {
  const StateId state = m_refunds[first].state;
  const int month = month_index(m_refunds[first].date);
  const std::vector<std::int64_t> &receipts = m_days.at({state, month});
  std::int64_t net = net_before(state, month);
  std::size_t i = first;
  for (unsigned day = 1; day <= 31; ++day) {
    net += receipts[day - 1]; // a day's receipts before its refunds
    for (; i < end && m_refunds[i].date.day() == day; ++i) {
      const Refund &refund = m_refunds[i];
      if (net + refund.amount < 0) {
        util::fail_data(
            refund.at.position(),
            fmt::format(
                "this refund of {} takes {}'s net receipts below zero on {} ({} had been "
                "received): a refund is a negative payment of at most what the state has paid",
                util::Money(-refund.amount, currency).plain(), states[state].code,
                refund.date.iso(), util::Money(net, currency).plain()));
      }
      net += refund.amount;
    }
  }
}

} // namespace isukit::model
