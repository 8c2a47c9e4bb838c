// Two stages of a stream on two threads: one produces batches of items, the calling thread
// consumes them in the order produced (run_pipeline); or two independent tasks at once
// (run_both). Used where reading an item and adding it cost about the
// same and the machine has a second core (a payments CSV: parsing a row and adding it to the
// ledger), so that the two overlap while the result stays that of one thread doing both.
#pragma once

#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace isukit::util {

namespace detail {

/// Two batches handed back and forth: the producer fills one while the consumer empties the
/// other. Every field is shared under the mutex; a batch belongs to one side at a time (to
/// the consumer while `full`), so its items need no lock of their own.
template <class Batch> class Handoff {
public:
  /// Fills batch 0, 1, 0... until `produce` returns false or throws (what it appended before
  /// throwing is still handed over; the exception is kept for rethrow) or stop() is called.
  template <class Produce> void produce_all(Produce &produce) {
    for (int i = 0;; i ^= 1) {
      {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_full[i] || m_stopped; });
        if (m_stopped) {
          return;
        }
      }
      bool more = false;
      try {
        more = produce(m_batches[i]);
      } catch (...) {
        m_error = std::current_exception(); // read by the consumer only once joined
      }
      hand_over(i, more && !m_error);
      if (!more || m_error) {
        return;
      }
    }
  }

  /// Consumes batch 0, 1, 0... as each fills, until the producer is done and all are consumed.
  template <class Consume> void consume_all(Consume &consume) {
    for (int i = 0;; i ^= 1) {
      {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_full[i] || m_done; });
        if (!m_full[i]) {
          return; // done, and its last batch was the other one, consumed
        }
      }
      consume(m_batches[i]);
      {
        const std::lock_guard lock(m_mutex);
        m_full[i] = false;
      }
      m_changed.notify_all();
    }
  }

  /// Makes the producer return once the batch it is filling is handed over.
  void stop() {
    {
      const std::lock_guard lock(m_mutex);
      m_stopped = true;
    }
    m_changed.notify_all();
  }

  /// The producer's exception, if any: only once the producer's thread is joined.
  std::exception_ptr error() const { return m_error; }

private:
  void hand_over(int i, bool more) {
    {
      const std::lock_guard lock(m_mutex);
      m_full[i] = true;
      m_done = !more;
    }
    m_changed.notify_all();
  }

  std::mutex m_mutex;
  std::condition_variable m_changed;
  Batch m_batches[2]{};
  bool m_full[2] = {false, false};
  bool m_done = false;
  bool m_stopped = false;
  std::exception_ptr m_error;
};

} // namespace detail

/// Runs `produce(Batch &)` on a second thread and `consume(Batch &)` on this one, over two
/// batches: produce refills the batch it is given (it holds the items consumed last, or
/// nothing the first twice) and returns whether more may follow; consume gets every batch
/// produced, in order, the last one too. Returns once both are through. An exception from
/// produce is rethrown here after the batches before it, and what it appended to its batch
/// before throwing, are consumed; one from consume stops the producer after its current batch
/// and is rethrown. When no thread can be started, both run here in turn: the same result.
template <class Batch, class Produce, class Consume>
void run_pipeline(Produce produce, Consume consume) {
  detail::Handoff<Batch> handoff;
  std::thread producer;
  try {
    producer = std::thread([&] { handoff.produce_all(produce); });
  } catch (const std::system_error &) {
    Batch batch{};
    for (bool more = true; more;) {
      std::exception_ptr error;
      try {
        more = produce(batch);
      } catch (...) {
        error = std::current_exception();
      }
      consume(batch);
      if (error) {
        std::rethrow_exception(error);
      }
    }
    return;
  }
  struct Joiner {
    detail::Handoff<Batch> &handoff;
    std::thread &thread;
    ~Joiner() {
      handoff.stop();
      thread.join();
    }
  };
  {
    const Joiner joiner{handoff, producer};
    handoff.consume_all(consume);
  }
  if (handoff.error()) {
    std::rethrow_exception(handoff.error());
  }
}

/// Runs `beside()` on a second thread while `here()` runs on this one, and returns once both
/// are through; for two halves of one piece of work that share nothing they write. The first
/// exception of the two (here's before beside's) is rethrown once both are through. When no
/// thread can be started, both run here in turn: the same result.
template <class Beside, class Here> void run_both(Beside beside, Here here) {
  std::exception_ptr beside_error;
  const auto run_beside = [&] {
    try {
      beside();
    } catch (...) {
      beside_error = std::current_exception(); // read only once joined
    }
  };
  std::thread thread;
  try {
    thread = std::thread(run_beside);
  } catch (const std::system_error &) {
    run_beside();
  }
  std::exception_ptr here_error;
  try {
    here();
  } catch (...) {
    here_error = std::current_exception();
  }
  if (thread.joinable()) {
    thread.join();
  }
  if (here_error || beside_error) {
    std::rethrow_exception(here_error ? here_error : beside_error);
  }
}

} // namespace isukit::util
