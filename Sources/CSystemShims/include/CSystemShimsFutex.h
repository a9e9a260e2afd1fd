// Futex wait and wake on a 32-bit word that may live in memory shared between processes (MAP_SHARED): how the
// pool's parent wakes worker processes parked at an imap window without any polling sleep. syscall(2) is
// variadic, so Swift cannot call it directly.
#ifndef C_SYSTEM_SHIMS_FUTEX_H
#define C_SYSTEM_SHIMS_FUTEX_H

#include <stdint.h>

/// FUTEX_WAIT (shared, not FUTEX_PRIVATE): sleeps while *word == expected, at most timeout_ns nanoseconds
/// (negative: no limit). Returns 0 when woken, -1 with errno EAGAIN (the word differed), ETIMEDOUT or EINTR.
int csys_futex_wait(uint32_t *word, uint32_t expected, long long timeout_ns);

/// FUTEX_WAKE (shared): wakes up to `count` processes or threads sleeping on `word`; returns how many woke.
int csys_futex_wake(uint32_t *word, int count);

#endif
