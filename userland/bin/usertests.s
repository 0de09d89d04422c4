# usertests.s -- checks every system call the kernel offers (abi.md 1-17, 20-28 and
# kill 80), errors included, that unknown numbers give -ENOSYS, and that faults
# become the signals of abi.md.
#
# One line per check: "ok NAME", or "FAIL NAME: got X (EXXX), want Y (EYYY)".
# The last line counts them: "usertests: N checks, M failed, K groups skipped"
# (the file-creation group is skipped, with a line saying why, when the file
# system refuses O_CREAT: abi.md does not require a writable one). The exit status is
# the number of failures (0 = all passed), so `boot --cmdline init=/bin/usertests`
# ends with that code. `usertests --shutdown` ends with shutdown(failures) instead
# of exit, which exercises shutdown (14) too.
#
# Children report by exit status only (the parent checks the status), so the
# output is the parent's alone and its order fixed. Checks whose exact error abi.md
# leaves open only ask for "an error" (NEG). The file checks need /bin/usertests,
# /bin/true, /bin/false and /bin/echo in the image, and create /usertests.tmp.
#
# Each group is a routine t_NAME (IN: nothing; OUT: nothing; clobbers t0-t6 and
# a0-a7; preserves the s-registers, as the calling convention says), run in turn
# by main. Each check is a macro: the value under test in a0, the expected value and the
# check's name (a string in .rodata) go to a routine (ut_eq, ut_ge, ut_true,
# ut_neg), which prints the line and counts.

    .include "syscalls.inc"
    .include "errno.inc"
    .include "signal.inc"
    .include "abi.inc"

# a0 == want
    .macro EQ name, want
    UT_NAME \name
    li a1, \want
    call ut_eq
    .endm
# a0 == the register reg
    .macro EQR name, reg
    UT_NAME \name
    mv a1, \reg
    call ut_eq
    .endm
# a0 >= min (signed)
    .macro GE name, min
    UT_NAME \name
    li a1, \min
    call ut_ge
    .endm
# a0 != 0
    .macro TRUE name
    UT_NAME \name
    call ut_true
    .endm
# a0 < 0 (some error)
    .macro NEG name
    UT_NAME \name
    call ut_neg
    .endm
# a2 = the check's name, a string in .rodata labelled after it (names are unique)
    .macro UT_NAME name
    .section .rodata
ut_n_\name: .asciz "\name"
    .text
    la a2, ut_n_\name
    .endm

    .equ UT_BUF, 512

    .text
    .globl main
# main -- usertests [--shutdown]
#  IN:  a0 = argc, a1 = argv
#  OUT: a0 = number of failed checks
main:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    li s0, 0                    # s0 = 1 with --shutdown
    li t0, 2
    bne a0, t0, 1f
    lw a0, 4(a1)
    la a1, ut_opt_shutdown
    call strcmp
    seqz s0, a0
1:  call getpid
    la t0, ut_pid
    sw a0, 0(t0)
    call t_process
    call t_sbrk
    call t_fork
    call t_wait
    call t_kill
    call t_exec
    call t_spawn
    call t_pgid
    call t_procs
    call t_tty
    call t_write
    call t_file
    call t_dir
    call t_console
    call t_dup
    call t_edges
    call t_faults
    call t_pipe
    call t_epipe
    call t_spawn_argv
    call t_create
    la t0, ut_checks
    lw a1, 0(t0)
    la t0, ut_failures
    lw a2, 0(t0)
    la t0, ut_skipped
    lw a3, 0(t0)
    la a0, ut_summary
    call printf
    la t0, ut_failures
    lw a0, 0(t0)
    beqz s0, 2f
    call shutdown               # returns only when it failed
    la a0, ut_shutdown_failed
    call puts
    la t0, ut_failures
    lw a0, 0(t0)
    addi a0, a0, 1
2:  lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# ---------------------------------------------------------------- processes

# t_process -- getpid (5), getppid (6), getpgid (13), yield (9), time_ms (10), sleep (8)
t_process:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    la t0, ut_pid
    lw a0, 0(t0)
    GE getpid_is_positive, 1
    call getppid
    GE getppid_is_not_negative, 0
    li a0, 0
    call getpgid
    GE getpgid_of_self_is_positive, 1
    li a0, 999999
    call getpgid
    EQ getpgid_of_missing_pid_is_ESRCH, -ESRCH
    call yield
    EQ yield_returns_0, 0
    call time_ms
    mv s0, a0
    rdtime t0                   # time counts at 10 MHz: time_ms = time / 10,000
    li t1, 10000
    divu t0, t0, t1
    sub a0, t0, s0
    sltiu a0, a0, 2             # the same millisecond, or the next
    TRUE time_ms_is_the_time_csr_over_10000
    call time_ms
    mv s0, a0
    li a0, 20
    call sleep
    EQ sleep_returns_0, 0
    call time_ms
    sub a0, a0, s0
    GE sleep_20ms_lasts_20ms_of_time_ms, 20
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_sbrk -- sbrk (7): grow, zero-filled, shrink, -ENOMEM
t_sbrk:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    li a0, 0
    call sbrk
    mv s0, a0                   # s0 = the break
    GE sbrk_0_gives_the_break, 0x10000
    li t0, 0x10000
    blt s0, t0, 9f              # no break to work with (an error)
    li a0, 8192
    call sbrk
    EQR sbrk_returns_the_old_break, s0
    li a0, 0
    call sbrk
    sub a0, a0, s0
    EQ sbrk_moves_the_break, 8192
    lw a0, 0(s0)
    li t1, 8188
    add t1, t1, s0
    lw t0, 0(t1)
    or a0, a0, t0
    EQ sbrk_memory_is_zero_filled, 0
    li t0, 0x5A5A5A5A
    li t1, 4096
    add t1, t1, s0
    sw t0, 0(t1)                # and writable
    lw a0, 0(t1)
    EQ sbrk_memory_is_writable, 0x5A5A5A5A
    li a0, -8192
    call sbrk
    li t0, 8192
    add t0, t0, s0
    EQR sbrk_negative_returns_the_old_break, t0
    li a0, 0
    call sbrk
    EQR sbrk_negative_shrinks_the_break, s0
    li a0, 0x7FF00000
    call sbrk
    EQ sbrk_too_much_is_ENOMEM, -ENOMEM
    li a0, 0
    call sbrk
    EQR sbrk_failure_leaves_the_break, s0
9:  lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_fork -- fork (2), exit (1), waitpid (4) on exits
t_fork:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    call fork
    bnez a0, 1f
    li a0, 42                   # child
    call exit
1:  mv s0, a0
    GE fork_returns_the_child_pid, 1
    bltz s0, 9f
    mv a0, s0
    li t0, 0xDEAD
    sw t0, 0(sp)                # no stale status can pass
    mv a1, sp
    li a2, 0
    call waitpid
    EQR waitpid_returns_the_child_pid, s0
    lw a0, 0(sp)
    EQ waitpid_status_is_code_shifted_by_8, 42 << 8
    # exit keeps status & 0xFF
    call fork
    bnez a0, 2f
    li a0, 300
    call exit
2:  call ut_wait
    EQ exit_passes_status_and_0xff, 44 << 8
    # the child's parent is us
    call fork
    bnez a0, 3f
    call getppid
    la t0, ut_pid
    lw t0, 0(t0)
    sub a0, a0, t0
    snez a0, a0
    call exit
3:  call ut_wait
    EQ child_getppid_is_the_parent, 0
    # memory is copied, not shared
    la t0, ut_cell
    li t1, 1
    sw t1, 0(t0)
    call fork
    bnez a0, 4f
    la t0, ut_cell
    lw t1, 0(t0)
    addi t1, t1, 1
    sw t1, 0(t0)
    mv a0, t1
    call exit
4:  call ut_wait
    EQ child_sees_the_parents_memory, 2 << 8
    la t0, ut_cell
    lw a0, 0(t0)
    EQ child_writes_do_not_reach_the_parent, 1
    # the child's pid differs from ours
    call fork
    bnez a0, 5f
    call getpid
    la t0, ut_pid
    lw t0, 0(t0)
    sub a0, a0, t0
    seqz a0, a0
    call exit
5:  call ut_wait
    EQ child_has_a_pid_of_its_own, 0
9:  lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_wait -- waitpid (4): WNOHANG, NULL status, -ECHILD, -EFAULT without reaping
t_wait:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    li a0, -1
    mv a1, sp
    li a2, 0
    call waitpid
    EQ waitpid_without_children_is_ECHILD, -ECHILD
    la t0, ut_pid
    lw a0, 0(t0)
    mv a1, sp
    li a2, 0
    call waitpid
    EQ waitpid_on_a_non_child_is_ECHILD, -ECHILD
    call fork
    bnez a0, 1f
    li a0, 50                   # child: live a little, then exit 0
    call sleep
    li a0, 0
    call exit
1:  mv s0, a0
    li a0, -1
    li a1, 0
    li a2, WNOHANG
    call waitpid
    EQ waitpid_WNOHANG_with_a_running_child_is_0, 0
    mv a0, s0
    li a1, 0                    # NULL status: not wanted
    li a2, 0
    call waitpid
    EQR waitpid_with_NULL_status_reaps, s0
    # A bad status pointer fails before anything is reaped.
    call fork
    bnez a0, 2f
    li a0, 7
    call exit
2:  mv s0, a0
    li a0, 30
    call sleep                  # let the child exit first
    mv a0, s0
    li a1, 4                    # page 0: never mapped
    li a2, 0
    call waitpid
    EQ waitpid_bad_status_pointer_is_EFAULT, -EFAULT
    mv a0, s0
    li a1, 0x7FFFF000           # the trampoline page: mapped, but not writable
    li a2, 0
    call waitpid
    EQ waitpid_read_only_status_is_EFAULT, -EFAULT
    mv a0, s0
    li t0, 0xDEAD
    sw t0, 0(sp)                # no stale status can pass
    mv a1, sp
    li a2, 0
    call waitpid
    EQR waitpid_after_EFAULT_still_finds_the_child, s0
    lw a0, 0(sp)
    EQ waitpid_after_EFAULT_gets_the_status, 7 << 8
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_kill -- a child killed by a signal: waitpid's status is the signal
t_kill:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    call ut_sleeper
    mv s0, a0
    GE fork_of_a_sleeper_succeeds, 1
    blez s0, 1f                 # no child: kill(-errno) would hit a group
    mv a0, s0
    li a1, SIGKILL
    call kill
    EQ kill_SIGKILL_returns_0, 0
    mv a0, s0
    call ut_wait
    EQ killed_by_SIGKILL_status_is_9, SIGKILL
    call ut_sleeper
    mv s0, a0
    blez s0, 1f
    li a1, SIGTERM
    call kill
    mv a0, s0
    call ut_wait
    EQ killed_by_SIGTERM_status_is_15, SIGTERM
    # A stopped child is reported with WUNTRACED: (sig << 8) | 0x7F.
    call ut_sleeper
    mv s0, a0
    blez s0, 1f
    li a1, SIGSTOP
    call kill
    li t0, 0xDEAD
    sw t0, 0(sp)
    mv a0, s0
    mv a1, sp
    li a2, WUNTRACED
    call waitpid
    EQR waitpid_WUNTRACED_reports_a_stopped_child, s0
    lw a0, 0(sp)
    EQ stopped_status_is_sig_shifted_by_8_or_0x7f, (SIGSTOP << 8) | 0x7F
    mv a0, s0
    li a1, SIGKILL
    call kill
    mv a0, s0
    call ut_wait
    EQ a_stopped_child_can_be_killed, SIGKILL
1:  la t0, ut_pid
    lw a0, 0(t0)
    li a1, 0
    call kill
    EQ kill_sig_0_on_self_is_0, 0
    li a0, 999999
    li a1, 0
    call kill
    EQ kill_missing_pid_is_ESRCH, -ESRCH
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# ut_wait -- wait for a child and give its status word
#  IN:  a0 = pid (or -1)
#  OUT: a0 = the status word, or waitpid's -errno when it failed (so that a
#       check of the status never passes on a stale value)
#  clobbers t0-t6, a1-a7
ut_wait:
    addi sp, sp, -16
    sw ra, 12(sp)
    li t0, 0xDEAD
    sw t0, 0(sp)
    mv a1, sp
    li a2, 0
    call waitpid
    bltz a0, 1f
    lw a0, 0(sp)
1:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# ut_sleeper -- fork a child that sleeps until it is killed
#  OUT: a0 = its pid
ut_sleeper:
    addi sp, sp, -16
    sw ra, 12(sp)
    call fork
    bnez a0, 2f
1:  li a0, 1000
    call sleep
    j 1b
2:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# t_exec -- exec (3): runs the program, keeps the pid; -ENOENT, -EFAULT
t_exec:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    call fork
    bnez a0, 1f
    la a0, ut_path_true
    la a1, ut_argv_true
    call exec
    li a0, 99                   # exec failed
    call exit
1:  call ut_wait
    EQ exec_true_exits_0, 0
    call fork
    bnez a0, 2f
    la a0, ut_path_false
    la a1, ut_argv_false
    call exec
    li a0, 99
    call exit
2:  mv s0, a0
    li t0, 0xDEAD
    sw t0, 0(sp)                # no stale status can pass
    mv a1, sp
    li a2, 0
    call waitpid
    EQR exec_keeps_the_pid, s0
    lw a0, 0(sp)
    EQ exec_false_exits_1, 1 << 8
    la a0, ut_path_missing
    la a1, ut_argv_true
    call exec
    EQ exec_missing_file_is_ENOENT, -ENOENT
    li a0, 0
    la a1, ut_argv_true
    call exec
    EQ exec_NULL_path_is_EFAULT, -EFAULT
    la a0, ut_path_bin
    la a1, ut_argv_true
    call exec
    NEG exec_of_a_directory_fails
    # A bad argv must fail; done in a child, where a wrong success shows as 1.
    call fork
    bnez a0, 3f
    la a0, ut_path_false
    li a1, 8                    # page 0
    call exec
    li t0, -EFAULT
    sub a0, a0, t0
    snez a0, a0
    slli a0, a0, 1              # 0 = EFAULT, 2 = another error
    call exit
3:  call ut_wait
    EQ exec_bad_argv_is_EFAULT, 0
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_spawn -- spawn (11)
t_spawn:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    la a0, ut_path_true
    la a1, ut_argv_true
    call spawn
    mv s0, a0
    GE spawn_returns_a_pid, 1
    mv a0, s0
    li t0, 0xDEAD
    sw t0, 0(sp)                # no stale status can pass
    mv a1, sp
    li a2, 0
    call waitpid
    EQR spawn_child_is_ours_to_wait_for, s0
    lw a0, 0(sp)
    EQ spawn_true_exits_0, 0
    la a0, ut_path_false
    la a1, ut_argv_false
    call spawn
    call ut_wait
    EQ spawn_false_exits_1, 1 << 8
    la a0, ut_path_missing
    la a1, ut_argv_true
    call spawn
    EQ spawn_missing_file_is_ENOENT, -ENOENT
    li a0, 0
    la a1, ut_argv_true
    call spawn
    EQ spawn_NULL_path_is_EFAULT, -EFAULT
    la a0, ut_path_true
    li a1, 8
    call spawn
    EQ spawn_bad_argv_is_EFAULT, -EFAULT
    li a0, -1
    li a1, 0
    li a2, WNOHANG
    call waitpid
    EQ failed_spawns_leave_no_child, -ECHILD
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_pgid -- setpgid (12), getpgid (13)
t_pgid:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    call fork
    bnez a0, 1f
    li a0, 0                    # child: a group of its own
    li a1, 0
    call setpgid
    bnez a0, 2f
    li a0, 0
    call getpgid
    mv s0, a0
    call getpid
    bne a0, s0, 3f
    li a0, 0
    call exit
2:  li a0, 1                    # setpgid failed
    call exit
3:  li a0, 2                    # getpgid is not the pid
    call exit
1:  call ut_wait
    EQ setpgid_0_0_makes_a_group_led_by_the_caller, 0
    li a0, 999999
    li a1, 0
    call setpgid
    EQ setpgid_missing_pid_is_ESRCH, -ESRCH
    # a child's group as seen by its parent
    call ut_sleeper
    mv s0, a0
    blez s0, 1f                 # no child to move
    mv a0, s0
    mv a1, s0
    call setpgid
    EQ setpgid_of_a_child_returns_0, 0
    mv a0, s0
    call getpgid
    EQR getpgid_of_a_child_is_what_setpgid_set, s0
    mv a0, s0
    li a1, SIGKILL
    call kill
    mv a0, s0
    li a1, 0
    li a2, 0
    call waitpid
1:  lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_procs -- procs (15): our own record, -EFAULT, max 0
t_procs:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    la a0, ut_buf
    li a1, UT_BUF / PROC_SIZE
    call procs
    mv s0, a0
    GE procs_returns_at_least_one_record, 1
    la s1, ut_buf               # find our record
    la t0, ut_pid
    lw t0, 0(t0)
1:  blez s0, 2f
    lw t1, PROC_PID(s1)
    beq t1, t0, 2f
    addi s1, s1, PROC_SIZE
    addi s0, s0, -1
    j 1b
2:  sgtz a0, s0
    TRUE procs_lists_the_caller
    blez s0, 3f
    lw a0, PROC_STATE(s1)
    EQ procs_caller_state_is_running, PS_RUNNING
    call getppid
    lw t0, PROC_PPID(s1)
    sub a0, a0, t0
    EQ procs_caller_ppid_is_getppid, 0
    lbu a0, PROC_NAME(s1)
    TRUE procs_caller_has_a_name
3:  li a0, 0
    li a1, 4
    call procs
    EQ procs_NULL_buffer_is_EFAULT, -EFAULT
    la a0, ut_buf
    li a1, 0
    call procs
    EQ procs_max_0_writes_nothing, 0
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_tty -- tcgetpgrp (17), tcsetpgrp (16)
t_tty:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    call tcgetpgrp
    mv s0, a0
    GE tcgetpgrp_is_not_negative, 0
    blez s0, 1f
    mv a0, s0
    call tcsetpgrp
    EQ tcsetpgrp_to_the_same_group_is_0, 0
    call tcgetpgrp
    EQR tcgetpgrp_after_tcsetpgrp, s0
1:  li a0, 999999
    call tcsetpgrp
    NEG tcsetpgrp_missing_group_fails
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# ---------------------------------------------------------------- descriptors

# t_write -- write (21): count, 0 bytes, -EBADF, -EFAULT
t_write:
    addi sp, sp, -32
    sw ra, 28(sp)
    li a0, 1
    la a1, ut_write_line
    li a2, 17
    call write
    EQ write_returns_the_count, 17
    li a0, 1
    la a1, ut_write_line
    li a2, 0
    call write
    EQ write_of_0_bytes_is_0, 0
    li a0, 99
    la a1, ut_write_line
    li a2, 1
    call write
    EQ write_to_fd_99_is_EBADF, -EBADF
    li a0, -1
    la a1, ut_write_line
    li a2, 1
    call write
    EQ write_to_fd_minus_1_is_EBADF, -EBADF
    li a0, 9
    la a1, ut_write_line
    li a2, 1
    call write
    EQ write_to_a_closed_fd_is_EBADF, -EBADF
    li a0, 1
    li a1, 0
    li a2, 4
    call write
    EQ write_from_NULL_is_EFAULT, -EFAULT
    li a0, 1
    li a1, 0x80000000
    li a2, 4
    call write
    EQ write_from_kernel_memory_is_EFAULT, -EFAULT
    li a0, 1                    # a range that runs off the end of the data
    la a1, ut_write_line
    li a2, 0x01000000
    call write
    EQ write_past_the_mapping_is_EFAULT, -EFAULT
    li a0, 99
    la a1, ut_buf
    li a2, 1
    call read
    EQ read_from_fd_99_is_EBADF, -EBADF
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_file -- open (26), fstat (28), read (20), lseek (27), close (22) on a file
t_file:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    la a0, ut_path_self
    li a1, O_RDONLY
    call open
    mv s0, a0                   # s0 = fd
    GE open_returns_a_descriptor_above_2, 3
    bltz s0, 9f
    mv a0, s0
    mv a1, sp
    call fstat
    EQ fstat_returns_0, 0
    lw a0, STAT_TYPE(sp)
    EQ fstat_of_a_file_is_type_1, S_FILE
    lw s1, STAT_SIZE(sp)        # s1 = size
    mv a0, s1
    GE fstat_size_is_more_than_a_page, 4096
    lw a0, STAT_INODE(sp)
    TRUE fstat_gives_an_inode
    mv a0, s0
    la a1, ut_buf
    li a2, 4
    call read
    EQ read_of_4_bytes_returns_4, 4
    la t0, ut_buf
    lw a0, 0(t0)
    EQ read_gives_the_ELF_magic, 0x464C457F
    mv a0, s0
    li a1, 0
    li a2, SEEK_END
    call lseek
    EQR lseek_SEEK_END_gives_the_size, s1
    mv a0, s0
    la a1, ut_buf
    li a2, 16
    call read
    EQ read_at_end_of_file_is_0, 0
    mv a0, s0
    li a1, 1
    li a2, SEEK_SET
    call lseek
    EQ lseek_SEEK_SET_gives_the_offset, 1
    mv a0, s0
    li a1, 2
    li a2, SEEK_CUR
    call lseek
    EQ lseek_SEEK_CUR_adds_to_the_offset, 3
    mv a0, s0
    la a1, ut_buf
    li a2, 1
    call read
    la t0, ut_buf
    lbu a0, 0(t0)
    EQ read_after_lseek_reads_there, 'F'
    mv a0, s0
    li a1, -2
    li a2, SEEK_END
    call lseek
    addi a0, a0, 2
    EQR lseek_SEEK_END_takes_negative_offsets, s1
    mv a0, s0
    li a1, 0
    li a2, 7
    call lseek
    EQ lseek_bad_whence_is_EINVAL, -EINVAL
    mv a0, s0
    li a1, -1
    li a2, SEEK_SET
    call lseek
    EQ lseek_before_the_start_is_EINVAL, -EINVAL
    mv a0, s0
    li a1, 0
    call fstat
    EQ fstat_NULL_is_EFAULT, -EFAULT
    mv a0, s0
    li a1, 0                    # into NULL: nothing read, nothing consumed
    li a2, 4
    call read
    EQ read_into_NULL_is_EFAULT, -EFAULT
    mv a0, s0
    li a1, 0
    li a2, SEEK_CUR
    call lseek
    addi t0, s1, -2             # where lseek(-2, SEEK_END) left it
    EQR read_EFAULT_leaves_the_offset, t0
    mv a0, s0
    call close
    EQ close_returns_0, 0
    mv a0, s0
    call close
    EQ close_twice_is_EBADF, -EBADF
    mv a0, s0
    la a1, ut_buf
    li a2, 1
    call read
    EQ read_after_close_is_EBADF, -EBADF
    li a0, 99
    mv a1, sp
    call fstat
    EQ fstat_of_fd_99_is_EBADF, -EBADF
    li a0, 99
    li a1, 0
    li a2, SEEK_SET
    call lseek
    EQ lseek_of_fd_99_is_EBADF, -EBADF
9:  la a0, ut_path_missing
    li a1, O_RDONLY
    call open
    EQ open_missing_file_is_ENOENT, -ENOENT
    li a0, 0
    li a1, O_RDONLY
    call open
    EQ open_NULL_path_is_EFAULT, -EFAULT
    la a0, ut_path_under_file
    li a1, O_RDONLY
    call open
    NEG open_below_a_file_fails
    lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# t_dir -- a directory read as 32-byte records
t_dir:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    sw s2, 48(sp)
    la a0, ut_path_bin
    li a1, O_RDONLY
    call open
    mv s0, a0
    GE open_of_a_directory_succeeds, 0
    bltz s0, 9f
    mv a0, s0
    mv a1, sp
    call fstat
    lw a0, STAT_TYPE(sp)
    EQ fstat_of_a_directory_is_type_2, S_DIR
    li s1, 0                    # s1 = 1 when "usertests" was seen
    li s2, 0                    # s2 = 1 when a read returned other than 0 or 32
1:  mv a0, s0
    mv a1, sp
    li a2, DIRENT_SIZE
    call read
    beqz a0, 3f
    li t0, DIRENT_SIZE
    beq a0, t0, 2f
    li s2, 1
    j 3f
2:  lw t0, DIRENT_INODE(sp)
    beqz t0, 1b
    sb zero, DIRENT_SIZE(sp)    # (sp+32: past the record, inside the frame)
    addi a0, sp, DIRENT_NAME
    la a1, ut_name_self
    call strcmp
    bnez a0, 1b
    li s1, 1
    j 1b
3:  mv a0, s2
    EQ directory_reads_give_whole_32_byte_records, 0
    mv a0, s1
    TRUE directory_bin_lists_usertests
    mv a0, s0
    call close
9:  la a0, ut_path_bin
    li a1, O_WRONLY
    call open
    NEG open_of_a_directory_for_writing_fails
    bltz a0, 4f
    call close
4:  lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret

# t_console -- the console descriptors
t_console:
    addi sp, sp, -32
    sw ra, 28(sp)
    li a0, 1
    mv a1, sp
    call fstat
    lw a0, STAT_TYPE(sp)
    EQ fstat_of_fd_1_is_the_console, S_CONSOLE
    li a0, 0
    mv a1, sp
    call fstat
    lw a0, STAT_TYPE(sp)
    EQ fstat_of_fd_0_is_the_console, S_CONSOLE
    li a0, 1
    li a1, 0
    li a2, SEEK_CUR
    call lseek
    EQ lseek_on_the_console_is_ESPIPE, -ESPIPE
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_dup -- dup (23), dup2 (24)
t_dup:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    li a0, 1
    call dup
    mv s0, a0
    GE dup_returns_a_new_descriptor, 3
    li a0, 1
    call dup
    mv s1, a0
    addi a0, s0, 1
    EQR dup_takes_the_lowest_free_descriptor, s1
    mv a0, s0
    call close
    li a0, 2
    call dup
    EQR dup_reuses_a_closed_descriptor, s0
    mv a0, s0
    mv a1, sp
    call fstat
    lw a0, STAT_TYPE(sp)
    EQ dup_refers_to_the_same_file, S_CONSOLE
    mv a0, s0
    call close
    mv a0, s1
    call close
    li a0, 99
    call dup
    EQ dup_of_fd_99_is_EBADF, -EBADF
    li a0, 1
    li a1, 10
    call dup2
    EQ dup2_returns_the_new_descriptor, 10
    li a0, 10
    la a1, ut_dup_line
    li a2, 13
    call write
    EQ dup2_copy_writes_to_the_console, 13
    li a0, 10
    call close
    EQ dup2_copy_closes, 0
    li a0, 1
    li a1, 1
    call dup2
    EQ dup2_onto_itself_returns_it, 1
    li a0, 1
    li a1, 99
    call dup2
    EQ dup2_to_fd_99_is_EBADF, -EBADF
    li a0, 99
    li a1, 5
    call dup2
    EQ dup2_from_fd_99_is_EBADF, -EBADF
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_edges -- what the groups above leave out: unknown call numbers (-ENOSYS),
# setpgid/tcsetpgrp/procs/kill argument errors, kill of a process group, the
# descriptor limit (-EMFILE), writing to a descriptor opened read-only
t_edges:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    li a7, 18                   # the gaps of abi.md's table and past its end
    ecall
    EQ call_18_is_ENOSYS, -ENOSYS
    li a7, 29
    ecall
    EQ call_29_is_ENOSYS, -ENOSYS
    li a7, 1000
    ecall
    EQ call_1000_is_ENOSYS, -ENOSYS
    li a7, -1
    ecall
    EQ call_minus_1_is_ENOSYS, -ENOSYS
    li a0, 0
    li a1, -1
    call setpgid
    EQ setpgid_negative_pgid_is_EINVAL, -EINVAL
    call getppid                # the parent is not our child (none under init=)
    blez a0, 1f
    li a1, 0
    call setpgid
    EQ setpgid_of_a_non_child_is_ESRCH, -ESRCH
1:  li a0, 0
    call tcsetpgrp
    NEG tcsetpgrp_0_fails
    li a0, -5
    call tcsetpgrp
    NEG tcsetpgrp_negative_fails
    la a0, ut_buf
    li a1, -1
    call procs
    EQ procs_negative_max_is_EINVAL, -EINVAL
    la t0, ut_pid
    lw a0, 0(t0)
    li a1, 99
    call kill
    EQ kill_signal_99_is_EINVAL, -EINVAL
    la t0, ut_pid
    lw a0, 0(t0)
    li a1, -1
    call kill
    EQ kill_negative_signal_is_EINVAL, -EINVAL
    li a0, -999999
    li a1, 0
    call kill
    EQ kill_of_a_missing_group_is_ESRCH, -ESRCH
    # kill(-pgid): every process of the group
    call ut_sleeper
    mv s0, a0
    blez s0, 2f
    mv a1, s0
    call setpgid
    sub a0, zero, s0            # -pgid (not "neg": GNU as would take it for the NEG macro)
    li a1, 0
    call kill
    EQ kill_sig_0_to_a_group_is_0, 0
    sub a0, zero, s0            # -pgid (not "neg": GNU as would take it for the NEG macro)
    li a1, SIGKILL
    call kill
    EQ kill_of_a_group_returns_0, 0
    mv a0, s0
    call ut_wait
    EQ kill_of_a_group_kills_its_member, SIGKILL
    # dup until the table is full: abi.md promises at least 16 descriptors
2:  li s0, 0                    # s0 = descriptors made
3:  li a0, 1
    call dup
    bltz a0, 4f
    mv s1, a0                   # s1 = the highest
    addi s0, s0, 1
    li t0, 64
    blt s0, t0, 3b
4:  EQ dup_past_the_last_descriptor_is_EMFILE, -EMFILE
    addi a0, s0, 3
    GE a_process_has_at_least_16_descriptors, 16
5:  blez s0, 6f                 # close them again, from the highest down
    mv a0, s1
    call close
    addi s1, s1, -1
    addi s0, s0, -1
    j 5b
6:  li a0, 1
    call dup
    GE descriptors_are_free_again_after_close, 3
    call close
    la a0, ut_path_true
    li a1, O_RDONLY
    call open
    mv s0, a0
    GE open_read_only_succeeds, 3
    bltz s0, 7f
    mv a0, s0
    la a1, ut_hello
    li a2, 5
    call write
    EQ write_to_a_read_only_descriptor_is_EBADF, -EBADF
    mv a0, s0
    call close
7:  lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_faults -- a fault in user mode kills the process with its signal (abi.md
# Signals): page or access fault SIGSEGV, illegal instruction SIGILL, misaligned
# access SIGBUS, ebreak SIGTRAP; each in a forked child, checked by its status
t_faults:
    addi sp, sp, -16
    sw ra, 12(sp)
    la a0, ut_f_null
    call ut_in_child
    EQ load_from_page_0_is_SIGSEGV, SIGSEGV
    la a0, ut_f_kernel
    call ut_in_child
    EQ load_from_kernel_memory_is_SIGSEGV, SIGSEGV
    la a0, ut_f_text_store
    call ut_in_child
    EQ store_to_read_only_code_is_SIGSEGV, SIGSEGV
    la a0, ut_f_illegal
    call ut_in_child
    EQ illegal_instruction_is_SIGILL, SIGILL
    la a0, ut_f_csr
    call ut_in_child
    EQ machine_csr_read_is_SIGILL, SIGILL
    la a0, ut_f_misaligned
    call ut_in_child
    EQ misaligned_load_is_SIGBUS, SIGBUS
    la a0, ut_f_ebreak
    call ut_in_child
    EQ ebreak_is_SIGTRAP, SIGTRAP
    la a0, ut_f_none
    call ut_in_child
    EQ a_child_without_a_fault_exits_0, 0
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# ut_in_child -- run a routine in a forked child, which exits 0 if it returns
#  IN:  a0 = the routine
#  OUT: a0 = the child's status word (or fork's -errno)
#  clobbers t0-t6, a1-a7
ut_in_child:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    call fork
    bnez a0, 1f
    lw t0, 8(sp)
    jalr t0
    li a0, 0
    call exit
1:  bltz a0, 2f
    call ut_wait
2:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

ut_f_null:
    lw t0, 0(zero)
    ret
ut_f_kernel:
    li t0, 0x80010000
    lw t0, 0(t0)
    ret
ut_f_text_store:
    la t0, main
    sw zero, 0(t0)
    ret
ut_f_illegal:
    .word 0                     # all zeros: defined to be illegal
    ret
ut_f_csr:
    csrr t0, mstatus
    ret
ut_f_misaligned:
    la t0, ut_buf
    lw t0, 1(t0)
    ret
ut_f_ebreak:
    ebreak
    ret
ut_f_none:
    ret

# t_pipe -- pipe (25) with read, write, fstat, lseek, close
t_pipe:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    mv a0, sp
    call pipe
    mv s0, a0
    EQ pipe_returns_0, 0
    bnez s0, 9f                 # no pipe: nothing else here can be checked
    lw s0, 0(sp)                # s0 = read end
    lw s1, 4(sp)                # s1 = write end
    sub a0, s0, s1
    TRUE pipe_gives_two_descriptors
    mv a0, s1
    la a1, ut_hello
    li a2, 5
    call write
    EQ pipe_write_returns_the_count, 5
    mv a0, s0
    la a1, ut_buf
    li a2, 64
    call read
    EQ pipe_read_returns_what_was_written, 5
    la a0, ut_buf
    la a1, ut_hello
    li a2, 5
    call memcmp
    EQ pipe_read_gives_the_bytes, 0
    mv a0, s0
    addi a1, sp, 16
    call fstat
    lw a0, 16 + STAT_TYPE(sp)
    EQ fstat_of_a_pipe_is_type_5, S_PIPE
    mv a0, s0
    li a1, 0
    li a2, SEEK_SET
    call lseek
    EQ lseek_on_a_pipe_is_ESPIPE, -ESPIPE
    mv a0, s1
    la a1, ut_hello
    li a2, 1
    call write
    mv a0, s0
    li a1, 0
    li a2, 1
    call read
    EQ pipe_read_into_NULL_is_EFAULT, -EFAULT
    mv a0, s0
    la a1, ut_buf
    li a2, 64
    call read
    EQ pipe_read_EFAULT_consumed_nothing, 1
    # the child inherits both ends
    call fork
    bnez a0, 1f
    mv a0, s1
    la a1, ut_hello + 1
    li a2, 1
    call write
    li a0, 0
    call exit
1:  li a1, 0
    li a2, 0
    call waitpid
    mv a0, s0
    la a1, ut_buf
    li a2, 64
    call read
    EQ pipe_is_shared_with_a_forked_child, 1
    la t0, ut_buf
    lbu a0, 0(t0)
    EQ pipe_carries_the_childs_byte, 'e'
    mv a0, s1
    call close
    mv a0, s0
    la a1, ut_buf
    li a2, 64
    call read
    EQ pipe_read_after_writer_closed_is_0, 0
    mv a0, s0
    call close
    li a0, 0
    call pipe
    EQ pipe_NULL_is_EFAULT, -EFAULT
    li a0, 0x7FFFF000
    call pipe
    EQ pipe_into_read_only_memory_is_EFAULT, -EFAULT
9:  lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# t_epipe -- write to a pipe nobody reads: SIGPIPE, or -EPIPE when ignored
t_epipe:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    mv a0, sp
    call pipe
    bnez a0, 9f                 # no pipe (t_pipe said so)
    lw a0, 0(sp)
    call close                  # no reader left
    call fork
    bnez a0, 1f
    lw a0, 4(sp)                # child, default action: killed by SIGPIPE
    la a1, ut_hello
    li a2, 1
    call write
    li a0, 1
    call exit
1:  call ut_wait
    EQ write_to_a_closed_pipe_raises_SIGPIPE, SIGPIPE
    call fork
    bnez a0, 2f
    li a0, SIGPIPE              # child, SIGPIPE ignored: -EPIPE
    la a1, ut_act_ignore
    li a2, 0
    call sigaction
    bnez a0, 3f
    lw a0, 4(sp)
    la a1, ut_hello
    li a2, 1
    call write
    li t0, -EPIPE
    sub a0, a0, t0
    snez a0, a0
    call exit
3:  li a0, 3                    # no sigaction (call 81, beyond this program's range)
    call exit
2:  call ut_wait
    li t0, 3 << 8
    bne a0, t0, 4f
    la a0, ut_skip_epipe        # said as a skip: sigaction is not a call of 1-28
    call puts
    la t0, ut_skipped
    lw t1, 0(t0)
    addi t1, t1, 1
    sw t1, 0(t0)
    j 5f
4:  EQ write_to_a_closed_pipe_is_EPIPE_when_ignored, 0
5:
    lw a0, 4(sp)
    call close
9:  lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# t_spawn_argv -- spawn passes argv and the descriptors: echo into a pipe
t_spawn_argv:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    mv a0, sp
    call pipe
    bnez a0, 9f                 # no pipe (t_pipe said so)
    li a0, 1
    call dup
    mv s0, a0                   # s0 = our stdout, saved
    lw a0, 4(sp)
    li a1, 1
    call dup2                   # stdout = the pipe, for the child
    la a0, ut_path_echo
    la a1, ut_argv_echo
    call spawn
    mv s1, a0
    mv a0, s0
    li a1, 1
    call dup2                   # stdout back
    mv a0, s0
    call close
    lw a0, 4(sp)
    call close
    mv a0, s1
    call ut_wait
    EQ spawned_echo_exits_0, 0
    lw a0, 0(sp)
    la a1, ut_buf
    li a2, 64
    call read
    EQ spawned_echo_wrote_into_the_inherited_pipe, 15
    la a0, ut_buf
    la a1, ut_echo_expected
    li a2, 15
    call memcmp
    EQ spawn_passes_argv, 0
    lw a0, 0(sp)
    call close
    # exec keeps the descriptors: a forked child puts a pipe on its fd 1 and execs echo.
    mv a0, sp
    call pipe
    bnez a0, 9f
    call fork
    bnez a0, 1f
    lw a0, 4(sp)
    li a1, 1
    call dup2
    la a0, ut_path_echo
    la a1, ut_argv_echo
    call exec
    li a0, 99
    call exit
1:  mv s1, a0
    lw a0, 4(sp)
    call close
    mv a0, s1
    call ut_wait
    EQ exec_echo_exits_0, 0
    lw a0, 0(sp)
    la a1, ut_buf
    li a2, 64
    call read
    EQ exec_keeps_descriptors, 15
    lw a0, 0(sp)
    call close
9:  lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# t_create -- open with O_CREAT, O_EXCL, O_TRUNC, O_APPEND; write and read back
t_create:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    la a0, ut_path_tmp
    li a1, O_CREAT | O_RDWR | O_TRUNC
    call open
    mv s0, a0
    bgez s0, 1f
    # A read-only file system (abi.md does not require a writable one) makes the
    # whole group a skip, said as such, rather than a row of failures.
    la a0, ut_skip_create
    mv a1, s0
    call printf
    mv a0, s0
    call ut_errno
    li a0, '\n'
    call putchar
    la t0, ut_skipped
    lw t1, 0(t0)
    addi t1, t1, 1
    sw t1, 0(t0)
    j 9f
1:  GE open_O_CREAT_creates_a_file, 3
    mv a0, s0
    la a1, ut_hello
    li a2, 5
    call write
    EQ write_to_a_file_returns_the_count, 5
    mv a0, s0
    li a1, 0
    li a2, SEEK_SET
    call lseek
    mv a0, s0
    la a1, ut_buf
    li a2, 64
    call read
    EQ read_back_gives_the_count, 5
    la a0, ut_buf
    la a1, ut_hello
    li a2, 5
    call memcmp
    EQ read_back_gives_the_bytes, 0
    mv a0, s0
    call close
    la a0, ut_path_tmp
    li a1, O_CREAT | O_EXCL | O_RDWR
    call open
    EQ open_O_EXCL_of_an_existing_file_is_EEXIST, -EEXIST
    la a0, ut_path_tmp
    li a1, O_WRONLY | O_APPEND
    call open
    mv s0, a0
    la a1, ut_hello
    li a2, 2
    call write
    mv a0, s0
    mv a1, sp
    call fstat
    lw a0, STAT_SIZE(sp)
    EQ write_with_O_APPEND_adds_at_the_end, 7
    mv a0, s0
    call close
    la a0, ut_path_tmp
    li a1, O_WRONLY | O_TRUNC
    call open
    mv s0, a0
    mv a1, sp
    call fstat
    lw a0, STAT_SIZE(sp)
    EQ open_O_TRUNC_empties_the_file, 0
    mv a0, s0
    call close
    la a0, ut_path_self
    li a1, O_RDONLY
    call open
    mv s0, a0
    la a1, ut_hello
    li a2, 1
    call write
    NEG write_to_a_read_only_descriptor_fails
    mv a0, s0
    call close
9:  lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# ---------------------------------------------------------------- reporting

# ut_eq -- check a0 == a1
#  IN:  a0 = got, a1 = want, a2 = the check's name
#  OUT: nothing; clobbers t0-t6, a0-a7; preserves s-registers
ut_eq:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    mv s0, a0
    mv s1, a1
    mv s2, a2
    beq a0, a1, ut_pass
    la a0, ut_fail_got
    mv a1, s2
    mv a2, s0
    call printf
    mv a0, s0
    call ut_errno
    la a0, ut_fail_want
    mv a1, s1
    call printf
    mv a0, s1
    call ut_errno
    j ut_fail_end

# ut_ge -- check a0 >= a1 (signed)
#  IN, OUT: as ut_eq
ut_ge:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    mv s0, a0
    mv s1, a1
    mv s2, a2
    bge a0, a1, ut_pass
    la a0, ut_fail_got
    mv a1, s2
    mv a2, s0
    call printf
    mv a0, s0
    call ut_errno
    la a0, ut_fail_want_ge
    mv a1, s1
    call printf
    j ut_fail_end

# ut_true -- check a0 != 0
#  IN:  a0 = got, a2 = the name; OUT: as ut_eq
ut_true:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    mv s2, a2
    bnez a0, ut_pass
    la a0, ut_fail_plain
    mv a1, s2
    call printf
    j ut_fail_end

# ut_neg -- check a0 < 0
#  IN:  a0 = got, a2 = the name; OUT: as ut_eq
ut_neg:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    mv s0, a0
    mv s2, a2
    bltz a0, ut_pass
    la a0, ut_fail_got
    mv a1, s2
    mv a2, s0
    call printf
    la a0, ut_fail_want_error
    call printf
    j ut_fail_end

ut_pass:
    la a0, ut_ok
    mv a1, s2
    call printf
    j ut_count
ut_fail_end:
    li a0, '\n'
    call putchar
    la t0, ut_failures
    lw t1, 0(t0)
    addi t1, t1, 1
    sw t1, 0(t0)
ut_count:
    la t0, ut_checks
    lw t1, 0(t0)
    addi t1, t1, 1
    sw t1, 0(t0)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# ut_errno -- " (ENAME)" after a negative value that is an error number
#  IN:  a0 = value
#  clobbers t0-t6, a0-a7
ut_errno:
    li t0, -200
    blt a0, t0, 1f
    bgez a0, 1f
    addi sp, sp, -16
    sw ra, 12(sp)
    call errno_name
    mv a1, a0
    lbu t0, 1(a1)
    li t1, '?'
    beq t0, t1, 2f              # "E?": not an error number after all
    la a0, ut_errno_format
    call printf
2:
    lw ra, 12(sp)
    addi sp, sp, 16
1:  ret

    .section .rodata
ut_opt_shutdown: .asciz "--shutdown"
ut_ok: .asciz "ok %s\n"
ut_fail_got: .asciz "FAIL %s: got %d"
ut_fail_want: .asciz ", want %d"
ut_fail_want_ge: .asciz ", want >= %d"
ut_fail_want_error: .asciz ", want an error"
ut_fail_plain: .asciz "FAIL %s"
ut_errno_format: .asciz " (%s)"
ut_summary: .asciz "usertests: %d checks, %d failed, %d groups skipped\n"
ut_skip_epipe: .asciz "skip write_to_a_closed_pipe_is_EPIPE_when_ignored: sigaction failed"
ut_skip_create: .asciz "skip file creation: open(/usertests.tmp, O_CREAT) = %d"
ut_shutdown_failed: .asciz "FAIL shutdown returned"
ut_write_line: .asciz "write: to stdout\n"
ut_dup_line: .asciz "dup2: a copy\n"
ut_hello: .asciz "hello"
ut_echo_expected: .ascii "from spawn 1 2\n"
ut_path_self: .asciz "/bin/usertests"
ut_name_self: .asciz "usertests"
ut_path_true: .asciz "/bin/true"
ut_path_false: .asciz "/bin/false"
ut_path_echo: .asciz "/bin/echo"
ut_path_bin: .asciz "/bin"
ut_path_missing: .asciz "/no/such/file"
ut_path_under_file: .asciz "/bin/usertests/x"
ut_path_tmp: .asciz "/usertests.tmp"
ut_s_true: .asciz "true"
ut_s_false: .asciz "false"
ut_s_echo: .asciz "echo"
ut_s_from: .asciz "from"
ut_s_spawn: .asciz "spawn"
ut_s_1: .asciz "1"
ut_s_2: .asciz "2"
    .align 2
ut_argv_true: .word ut_s_true, 0
ut_argv_false: .word ut_s_false, 0
ut_argv_echo: .word ut_s_echo, ut_s_from, ut_s_spawn, ut_s_1, ut_s_2, 0
ut_act_ignore: .word SIG_IGN, 0, 0

    .data
    .align 2
ut_pid: .word 0
ut_checks: .word 0
ut_failures: .word 0
ut_skipped: .word 0
ut_cell: .word 0

    .bss
    .align 3
ut_buf: .space UT_BUF
