// System calls that Swift 6's Glibc module does not expose (they are declared only under _GNU_SOURCE, are
// variadic, or are macros), as plain C functions. Only the thin Swift layers above (`SystemCalls`) import this
// module; everything else goes through them. Each function returns what the call returns (-1 with errno set on
// failure) unless its comment says otherwise.
#ifndef C_SYSTEM_SHIMS_H
#define C_SYSTEM_SHIMS_H

#include <stdio.h>
#include <sys/types.h>

/// pipe2(fds, O_CLOEXEC): both ends close on exec, atomically (no window for another thread's fork+exec).
int csys_pipe_cloexec(int fds[2]);

/// dup3(old, new, O_CLOEXEC): a copy of `old` at `new` that closes on exec.
int csys_dup_cloexec(int old_fd, int new_fd);

/// prctl(PR_SET_CHILD_SUBREAPER, 1): orphaned descendants are re-parented to this process instead of init,
/// so a program that double-forks or calls setsid() can still be found and stopped. (prctl is variadic.)
int csys_become_child_subreaper(void);

/// prctl(PR_SET_PDEATHSIG, signal): the kernel sends `signal` to this process when the thread that created it
/// ends. Call it in the child, then compare getppid() with the expected parent (the parent may already be gone).
int csys_set_parent_death_signal(int signal);

/// prctl(PR_SET_DUMPABLE, on) and prctl(PR_GET_DUMPABLE): a process that is not dumpable has its /proc files
/// (environ, mem, maps) owned by root and cannot be ptrace-attached by other processes of the same user, so a
/// program it runs cannot read its environment. Reset to dumpable by execve; the builder never forks.
int csys_set_dumpable(int on);
int csys_get_dumpable(void);

/// fcntl(fd, F_SETPIPE_SZ, size): the pipe's capacity, rounded up by the kernel; returns the new capacity.
int csys_set_pipe_size(int fd, int size);

/// The number of CPUs this process may run on (sched_getaffinity), or -1 when it cannot be read.
int csys_usable_cpu_count(void);

/// The C `stdout` and `stderr` streams (Swift 6 rejects the C globals as shared mutable state).
FILE *csys_stdout(void);
FILE *csys_stderr(void);

/// The <sys/wait.h> status macros, which Swift cannot import.
int csys_wifexited(int status);
int csys_wexitstatus(int status);
int csys_wifsignaled(int status);
int csys_wtermsig(int status);

/// renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE): swaps two existing paths in one atomic step
/// (Linux 3.15+; fails with EINVAL or ENOSYS on file systems or kernels without it).
int csys_rename_exchange(const char *a, const char *b);

/// posix_spawn_file_actions_addclosefrom_np(actions, from): the spawned program starts with every descriptor from
/// `from` up closed, whatever other threads of the parent opened without close-on-exec (glibc 2.34+; GNU only).
/// `actions` is a posix_spawn_file_actions_t * (void * here, so that the type stays Glibc's for Swift).
int csys_spawn_file_actions_addclosefrom(void *actions, int from);

/// pidfd_open(pid, 0) through syscall(2) (Linux 5.3+; glibc 2.36 has a wrapper, older ones do not): a
/// descriptor, close-on-exec, that polls readable once the process has ended, so a waiter sleeps until the exit
/// instead of waking on a timer to look. Fails with ENOSYS on older kernels.
int csys_pidfd_open(pid_t pid);

#endif
