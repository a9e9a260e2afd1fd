// Implementations of CSystemShims.h, compiled with _GNU_SOURCE so that the GNU declarations are visible here and
// nowhere else (the Swift side sees only the plain prototypes of the header).
#define _GNU_SOURCE
#include "CSystemShims.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434  /* the same number on every architecture */
#endif

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int csys_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int csys_dup_cloexec(int old_fd, int new_fd) { return dup3(old_fd, new_fd, O_CLOEXEC); }

int csys_set_pipe_size(int fd, int size) { return fcntl(fd, F_SETPIPE_SZ, size); }

int csys_become_child_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1UL, 0UL, 0UL, 0UL); }

int csys_set_parent_death_signal(int signal) { return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL); }

int csys_set_dumpable(int on) { return prctl(PR_SET_DUMPABLE, (unsigned long)(on != 0), 0UL, 0UL, 0UL); }

int csys_get_dumpable(void) { return prctl(PR_GET_DUMPABLE, 0UL, 0UL, 0UL, 0UL); }

int csys_usable_cpu_count(void) {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) != 0) return -1;
  int count = CPU_COUNT(&set);
  return count > 0 ? count : -1;
}

FILE *csys_stdout(void) { return stdout; }
FILE *csys_stderr(void) { return stderr; }

int csys_wifexited(int status) { return WIFEXITED(status); }
int csys_wexitstatus(int status) { return WEXITSTATUS(status); }
int csys_wifsignaled(int status) { return WIFSIGNALED(status); }
int csys_wtermsig(int status) { return WTERMSIG(status); }

int csys_rename_exchange(const char *a, const char *b) {
#ifdef SYS_renameat2
  return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
#else
  errno = ENOSYS;
  return -1;
#endif
}

int csys_spawn_file_actions_addclosefrom(void *actions, int from) {
  return posix_spawn_file_actions_addclosefrom_np((posix_spawn_file_actions_t *)actions, from);
}

int csys_pidfd_open(pid_t pid) { return (int)syscall(SYS_pidfd_open, pid, 0U); }
