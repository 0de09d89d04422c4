/* toymachine.h -- the ToyMachine system call ABI for C programs.
 *
 * Everything of ../shared/spec/abi.md a C program needs: system call numbers,
 * error numbers, signal numbers, flags, the structures the calls read and write,
 * and one static inline wrapper per call that traps with ecall. No C library is
 * involved: build with
 *     riscv64-unknown-elf-gcc -march=rv32ima_zicsr -mabi=ilp32 -ffreestanding
 *         -nostdlib -static -T userland/c/link.ld userland/c/crt0.s prog.c
 * (see docs/c-programs.md). Each wrapper returns what the kernel returns: a value
 * >= 0 on success, -errno on failure (there is no errno variable). Calls that give
 * an address (sbrk, mmap) return it as a pointer; TM_IS_ERR(p) tells the error
 * case, since no user address is at or above 0x8000_0000.
 *
 * The numbers are the ones of userland/include/{syscalls,errno,signal,abi}.inc; the
 * test Toymachine_h_agrees_with_the_assembly_includes keeps them equal.
 */
#ifndef TOYMACHINE_H
#define TOYMACHINE_H

/* System call numbers (a7) */
#define SYS_exit 1
#define SYS_fork 2
#define SYS_exec 3
#define SYS_waitpid 4
#define SYS_getpid 5
#define SYS_getppid 6
#define SYS_sbrk 7
#define SYS_sleep 8
#define SYS_yield 9
#define SYS_time_ms 10
#define SYS_spawn 11
#define SYS_setpgid 12
#define SYS_getpgid 13
#define SYS_shutdown 14
#define SYS_procs 15
#define SYS_tcsetpgrp 16
#define SYS_tcgetpgrp 17
#define SYS_read 20
#define SYS_write 21
#define SYS_close 22
#define SYS_dup 23
#define SYS_dup2 24
#define SYS_pipe 25
#define SYS_open 26
#define SYS_lseek 27
#define SYS_fstat 28
#define SYS_sock_create 40
#define SYS_sock_port 41
#define SYS_sock_connect 42
#define SYS_sock_sendbyte 43
#define SYS_sock_recvbyte 44
#define SYS_sock_listen 45
#define SYS_sock_accept 46
#define SYS_shm_open 60
#define SYS_ftruncate 61
#define SYS_mmap 62
#define SYS_munmap 63
#define SYS_shm_unlink 64
#define SYS_mprotect 65
#define SYS_msync 66
#define SYS_futex_wait 67
#define SYS_futex_wake 68
#define SYS_kill 80
#define SYS_sigaction 81
#define SYS_sigprocmask 82
#define SYS_sigpending 83
#define SYS_sigreturn 84
#define SYS_pause 85
#define SYS_sigsuspend 86
#define SYS_alarm 87
#define SYS_msgget 100
#define SYS_msgsnd 101
#define SYS_msgrcv 102
#define SYS_msgctl 103

/* Error numbers: a failing call returns -E... */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOSPC 28
#define ESPIPE 29
#define EPIPE 32
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ENOMSG 42
#define EIDRM 43
#define EADDRINUSE 98
#define EISCONN 106
#define ENOTCONN 107
#define ETIMEDOUT 110
#define ECONNREFUSED 111

/* Signal numbers */
#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22

/* Flags, options and structure offsets (abi.inc) */
#define WNOHANG 1
#define WUNTRACED 2
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0x40
#define O_EXCL 0x80
#define O_TRUNC 0x200
#define O_APPEND 0x400
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_SHARED 1
#define MAP_PRIVATE 2
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4
#define SIG_DFL 0
#define SIG_IGN 1
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000u
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define IPC_PRIVATE 0
#define IPC_CREAT 0x200
#define IPC_EXCL 0x400
#define IPC_NOWAIT 0x800
#define MSG_NOERROR 0x1000
#define IPC_RMID 0
#define IPC_STAT 2
#define FUTEX_FOREVER 0xFFFFFFFFu
#define PROC_PID 0
#define PROC_PPID 4
#define PROC_PGID 8
#define PROC_STATE 12
#define PROC_CYCLES 16
#define PROC_NAME 24
#define PROC_NAME_SIZE 16
#define PROC_SIZE 40
#define PS_RUNNABLE 0
#define PS_RUNNING 1
#define PS_SLEEPING 2
#define PS_STOPPED 3
#define PS_ZOMBIE 4
#define DIRENT_INODE 0
#define DIRENT_NAME 4
#define DIRENT_NAME_SIZE 28
#define DIRENT_SIZE 32
#define STAT_TYPE 0
#define STAT_SIZE 4
#define STAT_INODE 8
#define STAT_SIZE_OF 12
#define S_FILE 1
#define S_DIR 2
#define S_CONSOLE 3
#define S_SOCKET 4
#define S_PIPE 5
#define S_SHM 6
#define S_FIFO 7
#define SA_HANDLER 0
#define SA_MASK 4
#define SA_FLAGS 8
#define SIGACTION_SIZE 12
#define MSQ_MESSAGES 0
#define MSQ_BYTES 4
#define MSQ_SIZE 8
#define SIGNAL_TRAMPOLINE 0x7FFFF000

/* waitpid status words */
#define WIFEXITED(s)   (((s) & 0x7F) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xFF)
#define WIFSTOPPED(s)  (((s) & 0xFF) == 0x7F)
#define WSTOPSIG(s)    (((s) >> 8) & 0xFF)
#define WIFSIGNALED(s) (!WIFEXITED(s) && !WIFSTOPPED(s))
#define WTERMSIG(s)    ((s) & 0x7F)

#define TM_IS_ERR(p)   ((unsigned)(p) >= 0xFFFFF001u)

/* Structures of abi.md */
struct tm_proc {            /* procs: one record per process, 40 bytes */
    int pid, ppid, pgid;
    unsigned state;         /* PS_RUNNABLE .. PS_ZOMBIE */
    unsigned long long cycles;
    char name[16];          /* NUL-padded, not terminated when 16 long */
};
struct tm_dirent {          /* read() of a directory: 32-byte records */
    unsigned inode;         /* 0: a free slot */
    char name[28];          /* NUL-padded, not terminated when 28 long */
};
struct tm_stat {            /* fstat */
    unsigned type;          /* S_FILE .. S_FIFO */
    unsigned size;
    unsigned inode;
};
struct tm_sigaction {       /* sigaction */
    void (*handler)(int);   /* or (void (*)(int))SIG_DFL / SIG_IGN */
    unsigned mask;          /* bit n = signal n, blocked while the handler runs */
    unsigned flags;         /* SA_RESTART, SA_NODEFER, SA_RESETHAND */
};
struct tm_msqstat {         /* msgctl IPC_STAT */
    unsigned messages;
    unsigned bytes;
};
_Static_assert(sizeof(struct tm_proc) == PROC_SIZE, "procs record");
_Static_assert(sizeof(struct tm_dirent) == DIRENT_SIZE, "directory record");
_Static_assert(sizeof(struct tm_stat) == STAT_SIZE_OF, "fstat record");
_Static_assert(sizeof(struct tm_sigaction) == SIGACTION_SIZE, "sigaction");
_Static_assert(sizeof(struct tm_msqstat) == MSQ_SIZE, "msgctl IPC_STAT");

/* The trap: number in a7, arguments in a0..a5, result in a0; the kernel
 * preserves every other register, and "memory" tells the compiler that the
 * kernel may read and write what the pointer arguments point at. */
static inline int tm_syscall6(int n, int a, int b, int c, int d, int e, int f)
{
    register int a0 __asm__("a0") = a;
    register int a1 __asm__("a1") = b;
    register int a2 __asm__("a2") = c;
    register int a3 __asm__("a3") = d;
    register int a4 __asm__("a4") = e;
    register int a5 __asm__("a5") = f;
    register int a7 __asm__("a7") = n;
    __asm__ volatile ("ecall"
                      : "+r"(a0)
                      : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7)
                      : "memory");
    return a0;
}
#define TM_SYSCALL(n, a, b, c, d, e, f) \
    tm_syscall6((n), (int)(a), (int)(b), (int)(c), (int)(d), (int)(e), (int)(f))

/* One wrapper per system call, in the order of syscalls.inc */
static inline _Noreturn void exit(int status)
{
    TM_SYSCALL(SYS_exit, status, 0, 0, 0, 0, 0);
    __builtin_unreachable();
}
static inline int fork(void)
{
    return TM_SYSCALL(SYS_fork, 0, 0, 0, 0, 0, 0);
}
static inline int exec(const char *path, char *const *argv)
{
    return TM_SYSCALL(SYS_exec, path, argv, 0, 0, 0, 0);
}
static inline int waitpid(int pid, int *status, int options)
{
    return TM_SYSCALL(SYS_waitpid, pid, status, options, 0, 0, 0);
}
static inline int getpid(void)
{
    return TM_SYSCALL(SYS_getpid, 0, 0, 0, 0, 0, 0);
}
static inline int getppid(void)
{
    return TM_SYSCALL(SYS_getppid, 0, 0, 0, 0, 0, 0);
}
static inline void * sbrk(int increment)
{
    return (void *)TM_SYSCALL(SYS_sbrk, increment, 0, 0, 0, 0, 0);
}
static inline int sleep(unsigned ms)
{
    return TM_SYSCALL(SYS_sleep, ms, 0, 0, 0, 0, 0);
}
static inline int yield(void)
{
    return TM_SYSCALL(SYS_yield, 0, 0, 0, 0, 0, 0);
}
static inline unsigned time_ms(void)
{
    return (unsigned)TM_SYSCALL(SYS_time_ms, 0, 0, 0, 0, 0, 0);
}
static inline int spawn(const char *path, char *const *argv)
{
    return TM_SYSCALL(SYS_spawn, path, argv, 0, 0, 0, 0);
}
static inline int setpgid(int pid, int pgid)
{
    return TM_SYSCALL(SYS_setpgid, pid, pgid, 0, 0, 0, 0);
}
static inline int getpgid(int pid)
{
    return TM_SYSCALL(SYS_getpgid, pid, 0, 0, 0, 0, 0);
}
static inline int shutdown(int code)
{
    return TM_SYSCALL(SYS_shutdown, code, 0, 0, 0, 0, 0);
}
static inline int procs(struct tm_proc *buf, int max)
{
    return TM_SYSCALL(SYS_procs, buf, max, 0, 0, 0, 0);
}
static inline int tcsetpgrp(int pgid)
{
    return TM_SYSCALL(SYS_tcsetpgrp, pgid, 0, 0, 0, 0, 0);
}
static inline int tcgetpgrp(void)
{
    return TM_SYSCALL(SYS_tcgetpgrp, 0, 0, 0, 0, 0, 0);
}
static inline int read(int fd, void *buf, unsigned n)
{
    return TM_SYSCALL(SYS_read, fd, buf, n, 0, 0, 0);
}
static inline int write(int fd, const void *buf, unsigned n)
{
    return TM_SYSCALL(SYS_write, fd, buf, n, 0, 0, 0);
}
static inline int close(int fd)
{
    return TM_SYSCALL(SYS_close, fd, 0, 0, 0, 0, 0);
}
static inline int dup(int fd)
{
    return TM_SYSCALL(SYS_dup, fd, 0, 0, 0, 0, 0);
}
static inline int dup2(int oldfd, int newfd)
{
    return TM_SYSCALL(SYS_dup2, oldfd, newfd, 0, 0, 0, 0);
}
static inline int pipe(int *fds)
{
    return TM_SYSCALL(SYS_pipe, fds, 0, 0, 0, 0, 0);
}
static inline int open(const char *path, int flags)
{
    return TM_SYSCALL(SYS_open, path, flags, 0, 0, 0, 0);
}
static inline int lseek(int fd, int offset, int whence)
{
    return TM_SYSCALL(SYS_lseek, fd, offset, whence, 0, 0, 0);
}
static inline int fstat(int fd, struct tm_stat *st)
{
    return TM_SYSCALL(SYS_fstat, fd, st, 0, 0, 0, 0);
}
static inline int sock_create(int port)
{
    return TM_SYSCALL(SYS_sock_create, port, 0, 0, 0, 0, 0);
}
static inline int sock_port(int fd)
{
    return TM_SYSCALL(SYS_sock_port, fd, 0, 0, 0, 0, 0);
}
static inline int sock_connect(int port)
{
    return TM_SYSCALL(SYS_sock_connect, port, 0, 0, 0, 0, 0);
}
static inline int sock_sendbyte(int fd, int byte)
{
    return TM_SYSCALL(SYS_sock_sendbyte, fd, byte, 0, 0, 0, 0);
}
static inline int sock_recvbyte(int fd)
{
    return TM_SYSCALL(SYS_sock_recvbyte, fd, 0, 0, 0, 0, 0);
}
static inline int sock_listen(int port, int backlog)
{
    return TM_SYSCALL(SYS_sock_listen, port, backlog, 0, 0, 0, 0);
}
static inline int sock_accept(int fd)
{
    return TM_SYSCALL(SYS_sock_accept, fd, 0, 0, 0, 0, 0);
}
static inline int shm_open(const char *name, int flags)
{
    return TM_SYSCALL(SYS_shm_open, name, flags, 0, 0, 0, 0);
}
static inline int ftruncate(int fd, unsigned length)
{
    return TM_SYSCALL(SYS_ftruncate, fd, length, 0, 0, 0, 0);
}
static inline void * mmap(void *addr, unsigned len, int prot, int flags, int fd, unsigned offset)
{
    return (void *)TM_SYSCALL(SYS_mmap, addr, len, prot, flags, fd, offset);
}
static inline int munmap(void *addr, unsigned len)
{
    return TM_SYSCALL(SYS_munmap, addr, len, 0, 0, 0, 0);
}
static inline int shm_unlink(const char *name)
{
    return TM_SYSCALL(SYS_shm_unlink, name, 0, 0, 0, 0, 0);
}
static inline int mprotect(void *addr, unsigned len, int prot)
{
    return TM_SYSCALL(SYS_mprotect, addr, len, prot, 0, 0, 0);
}
static inline int msync(void *addr, unsigned len, int flags)
{
    return TM_SYSCALL(SYS_msync, addr, len, flags, 0, 0, 0);
}
static inline int futex_wait(volatile int *addr, int expected, unsigned timeout_ms)
{
    return TM_SYSCALL(SYS_futex_wait, addr, expected, timeout_ms, 0, 0, 0);
}
static inline int futex_wake(volatile int *addr, int n)
{
    return TM_SYSCALL(SYS_futex_wake, addr, n, 0, 0, 0, 0);
}
static inline int kill(int pid, int sig)
{
    return TM_SYSCALL(SYS_kill, pid, sig, 0, 0, 0, 0);
}
static inline int sigaction(int sig, const struct tm_sigaction *act, struct tm_sigaction *old)
{
    return TM_SYSCALL(SYS_sigaction, sig, act, old, 0, 0, 0);
}
static inline int sigprocmask(int how, const unsigned *set, unsigned *old)
{
    return TM_SYSCALL(SYS_sigprocmask, how, set, old, 0, 0, 0);
}
static inline int sigpending(unsigned *set)
{
    return TM_SYSCALL(SYS_sigpending, set, 0, 0, 0, 0, 0);
}
static inline int sigreturn(void)
{
    return TM_SYSCALL(SYS_sigreturn, 0, 0, 0, 0, 0, 0);
}
static inline int pause(void)
{
    return TM_SYSCALL(SYS_pause, 0, 0, 0, 0, 0, 0);
}
static inline int sigsuspend(unsigned mask)
{
    return TM_SYSCALL(SYS_sigsuspend, mask, 0, 0, 0, 0, 0);
}
static inline unsigned alarm(unsigned ms)
{
    return (unsigned)TM_SYSCALL(SYS_alarm, ms, 0, 0, 0, 0, 0);
}
static inline int msgget(int key, int flags)
{
    return TM_SYSCALL(SYS_msgget, key, flags, 0, 0, 0, 0);
}
static inline int msgsnd(int id, const void *msg, unsigned n, int flags)
{
    return TM_SYSCALL(SYS_msgsnd, id, msg, n, flags, 0, 0);
}
static inline int msgrcv(int id, void *msg, unsigned n, int type, int flags)
{
    return TM_SYSCALL(SYS_msgrcv, id, msg, n, type, flags, 0);
}
static inline int msgctl(int id, int cmd, struct tm_msqstat *buf)
{
    return TM_SYSCALL(SYS_msgctl, id, cmd, buf, 0, 0, 0);
}

#endif /* TOYMACHINE_H */
