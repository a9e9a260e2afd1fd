// Implementations of CSystemShimsFutex.h.
#define _GNU_SOURCE
#include "CSystemShimsFutex.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int csys_futex_wait(uint32_t *word, uint32_t expected, long long timeout_ns) {
  struct timespec timeout;
  struct timespec *limit = 0;
  if (timeout_ns >= 0) {
    timeout.tv_sec = (time_t)(timeout_ns / 1000000000LL);
    timeout.tv_nsec = (long)(timeout_ns % 1000000000LL);
    limit = &timeout;
  }
  return (int)syscall(SYS_futex, word, FUTEX_WAIT, expected, limit, 0, 0);
}

int csys_futex_wake(uint32_t *word, int count) {
  return (int)syscall(SYS_futex, word, FUTEX_WAKE, count, 0, 0, 0);
}
