# sh.s -- the shell: read a line, split it into words, run the commands.
#
# A line is first cut into tokens (sh_tokenize): words and operators. Words may
# be quoted: '...' keeps everything literally, "..." keeps everything but lets
# \" \\ \$ stand for the character and expands $? and $!; outside quotes a backslash
# takes the next character literally. $? is the status of the last command, $!
# the pid of the last command started in the background. A #
# at the start of a word starts a comment.
# The operators are & ; | < >. The runner (sh_run_line) walks the tokens and
# collects words into a command; ';' or the end of the line runs it in the
# foreground, '&' in the background. '|', '<' and '>' are recognised but refused
# ("not supported yet"): pipes and redirection slot in at that one place in
# sh_run_line, with the tokens already separated.
#
# Commands: the builtins exit [N], cd, wait [PID]; otherwise a program, NAME itself
# when it contains a '/', else /bin/NAME. A missing program is
# "sh: NAME: not found" with status 127 (126 for other errors). Each program runs
# in a process group of its own (fork, setpgid, exec), which gets the console
# while it runs in the foreground, so ^C reaches it and not the shell; the shell
# ignores SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU, and the child sets them back to
# the default before exec. SIGINT has a handler that does nothing: a ^C at the
# prompt interrupts the read (-EINTR), and the shell gives a fresh prompt. On a
# kernel without signal handlers (sigaction: -ENOSYS; they come with the signals
# issue) the console belongs to no process group at the prompt instead
# (sh_take_console), so ^C, ^Z and ^\ there only discard the line being typed.
#
# A background command prints "[PID]"; when it ends, the next prompt is preceded
# by "[PID] Done", "[PID] Exit N" or "[PID] " and how it died ("Killed"). A
# foreground child killed by a signal is reported the way other shells do:
# "Segmentation fault", "Killed", "Terminated" (nothing for SIGINT but a
# newline, nothing for SIGPIPE); its status is then 128 + the signal.
#
# At end of input the shell exits with the status of the last command (saying
# "exit" first when its input is the console, as at a ^D).

    .include "syscalls.inc"
    .include "errno.inc"
    .include "signal.inc"
    .include "abi.inc"

    .equ SH_LINE, 512           # longest input line
    .equ SH_WORDS, 2048         # word text of one line (quotes gone, $? expanded)
    .equ SH_TOKENS, 64          # tokens of one line
    .equ SH_ARGS, 32            # words of one command
    .equ SH_PATH, 256           # "/bin/" + NAME
    .equ TOK_WORD, 0            # token kinds: 0 = word, else the operator byte
    .equ SH_NOBODY, 0x7FFFFFFF  # a process group no process is in (pids never get there)
    .equ SH_DONE, 8             # ended background jobs remembered for `wait PID` (a power of 2)

    .text
    .globl main
# main -- the read-run loop
#  IN:  a0 = argc, a1 = argv (ignored)
#  OUT: a0 = the last command's status, at end of input
main:
    addi sp, sp, -16
    sw ra, 12(sp)
    call sh_setup
sh_loop:
    call sh_report_jobs
    li a0, 1
    la a1, sh_prompt
    call fputs
    li a0, 0
    la a1, sh_line
    li a2, SH_LINE
    call readline
    beqz a0, sh_eof
    bgez a0, 1f
    li t0, -EINTR
    bne a0, t0, sh_eof          # the console failed: nothing more to read
    li a0, 1                    # ^C at the prompt: a fresh line and prompt
    li a1, '\n'
    call fputc
    j sh_loop
1:  call sh_run_line
    j sh_loop
sh_eof:
    li a0, 0                    # ^D on the console: say so, as other shells do,
    addi a1, sp, 0              # so the next prompt starts on a line of its own
    call fstat
    bltz a0, 1f
    lw t0, STAT_TYPE(sp)
    li t1, S_CONSOLE
    bne t0, t1, 1f
    li a0, 1
    la a1, sh_msg_eof
    call fputs
1:  la t0, sh_status
    lw a0, 0(t0)
    call exit

# sh_setup -- own process group, the console, signals ignored
#  clobbers t0-t6, a0-a7
sh_setup:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    li a0, 0                    # our own group (a no-op when we lead one already)
    li a1, 0
    call setpgid
    li a0, 0
    call getpgid
    la t0, sh_pgid
    sw a0, 0(t0)
    la s0, sh_job_signals
2:  lbu a0, 0(s0)
    beqz a0, 3f
    la a1, sh_act_ignore
    li a2, 0
    call sigaction
    addi s0, s0, 1
    j 2b
3:  li a0, SIGINT
    la a1, sh_act_interrupt
    li a2, 0
    call sigaction
    srli a0, a0, 31             # 1 when the kernel has no handlers (-ENOSYS)
    la t0, sh_no_handlers
    sw a0, 0(t0)
    call sh_take_console
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sh_take_console -- the console for the prompt. With signal handlers it goes to
# the shell's own group (^C then interrupts the read, see sh_on_interrupt). On a
# kernel without them (sigaction gave -ENOSYS) ^C, ^Z and ^\ would kill or stop the
# shell, so the console goes to a process group nobody is in, SH_NOBODY: the shell
# joins it for a moment (tcsetpgrp wants a live member) and goes back to its own.
# ^C at the prompt then only discards the line being typed (the kernel echoes "^C"
# and a newline) and the shell reads on.
#  clobbers t0-t6, a0-a7
sh_take_console:
    addi sp, sp, -16
    sw ra, 12(sp)
    la t0, sh_no_handlers
    lw t0, 0(t0)
    beqz t0, 2f
    li a0, 0
    li a1, SH_NOBODY
    call setpgid
    bltz a0, 2f
    li a0, SH_NOBODY
    call tcsetpgrp
    li a0, 0
    la t0, sh_pgid
    lw a1, 0(t0)
    call setpgid
    j 9f
2:  la t0, sh_pgid
    lw a0, 0(t0)
    blez a0, 9f
    call tcsetpgrp
9:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sh_on_interrupt -- the SIGINT handler: nothing to do; its running makes the
# blocked read return -EINTR
#  IN:  a0 = signal number; ra = the signal trampoline
sh_on_interrupt:
    ret

# sh_tokenize -- cut sh_line into tokens in sh_tokens, words into sh_words
#  IN:  sh_line
#  OUT: a0 = number of tokens, or -1 after printing a syntax error
#  clobbers t0-t6, a0-a7; preserves s-registers
#  Each token is two words: kind (TOK_WORD or the operator byte), word address.
sh_tokenize:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    la s0, sh_line              # s0 = next input byte
    la s1, sh_words             # s1 = next free byte of word text
    li s2, 0                    # s2 = tokens so far
    la s3, sh_tokens            # s3 = next token slot
tok_next:
    lbu t0, 0(s0)
    beqz t0, tok_done
    li t1, ' '
    beq t0, t1, tok_skip
    li t1, '\t'
    beq t0, t1, tok_skip
    li t1, '\r'
    beq t0, t1, tok_skip
    li t1, '#'
    beq t0, t1, tok_done        # a comment runs to the end of the line
    li t1, SH_TOKENS
    bge s2, t1, tok_too_many
    mv a0, t0
    call sh_is_operator
    beqz a0, tok_word
    lbu t0, 0(s0)
    sw t0, 0(s3)
    sw zero, 4(s3)
    addi s3, s3, 8
    addi s2, s2, 1
tok_skip:
    addi s0, s0, 1
    j tok_next
tok_word:
    sw zero, 0(s3)              # kind TOK_WORD
    sw s1, 4(s3)
    addi s3, s3, 8
    addi s2, s2, 1
tok_word_loop:
    lbu t0, 0(s0)
    beqz t0, tok_word_end
    li t1, ' '
    beq t0, t1, tok_word_end
    li t1, '\t'
    beq t0, t1, tok_word_end
    li t1, '\r'
    beq t0, t1, tok_word_end
    mv a0, t0
    call sh_is_operator
    bnez a0, tok_word_end
    lbu t0, 0(s0)
    li t1, '\\'
    beq t0, t1, tok_backslash
    li t1, '\''
    beq t0, t1, tok_single
    li t1, '"'
    beq t0, t1, tok_double
    li t1, '$'
    bne t0, t1, tok_plain
    lbu a0, 1(s0)
    call tok_dollar             # $? and $! outside quotes
    lbu t0, 0(s0)               # (the '$' again, for a plain one)
    beqz a0, tok_plain
    addi s0, s0, 2
    j tok_word_loop
tok_plain:
    sb t0, 0(s1)
    addi s1, s1, 1
    addi s0, s0, 1
    j tok_word_loop
tok_backslash:
    lbu t0, 1(s0)
    beqz t0, 1f                 # a backslash at the very end stands for nothing
    sb t0, 0(s1)
    addi s1, s1, 1
    addi s0, s0, 2
    j tok_word_loop
1:  addi s0, s0, 1
    j tok_word_loop
tok_single:
    addi s0, s0, 1
1:  lbu t0, 0(s0)
    beqz t0, tok_unterminated
    addi s0, s0, 1
    li t1, '\''
    beq t0, t1, tok_word_loop
    sb t0, 0(s1)
    addi s1, s1, 1
    j 1b
tok_double:
    addi s0, s0, 1
tok_double_loop:
    lbu t0, 0(s0)
    beqz t0, tok_unterminated
    li t1, '"'
    bne t0, t1, 1f
    addi s0, s0, 1
    j tok_word_loop
1:  li t1, '\\'
    bne t0, t1, 3f
    lbu t2, 1(s0)               # \" \\ \$ stand for the character, other
    li t1, '"'                  # backslashes for themselves
    beq t2, t1, 2f
    li t1, '\\'
    beq t2, t1, 2f
    li t1, '$'
    bne t2, t1, 4f
2:  sb t2, 0(s1)
    addi s1, s1, 1
    addi s0, s0, 2
    j tok_double_loop
3:  li t1, '$'
    bne t0, t1, 4f
    lbu a0, 1(s0)
    call tok_dollar             # $? and $! inside double quotes
    lbu t0, 0(s0)
    beqz a0, 4f
    addi s0, s0, 2
    j tok_double_loop
4:  sb t0, 0(s1)
    addi s1, s1, 1
    addi s0, s0, 1
    j tok_double_loop
tok_word_end:
    sb zero, 0(s1)
    addi s1, s1, 1
    j tok_next
tok_done:
    mv a0, s2
tok_return:
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret
tok_unterminated:
    la a1, sh_msg_unterminated
    j 1f
tok_too_many:
    la a1, sh_msg_too_many
1:  li a0, 2
    call fputs
    li a0, 2
    call sh_set_status
    li a0, -1
    j tok_return

# tok_dollar -- expand $? (the last status) or $! (the last background pid) into
# the word text
#  IN:  a0 = the byte after the '$'; s1 = next free byte of word text
#  OUT: a0 = 1 and s1 advanced when it was ? or !, else a0 = 0 (a plain '$')
#  clobbers t0-t3, a1, a2
tok_dollar:
    li t0, '?'
    la t1, sh_status
    beq a0, t0, 1f
    li t0, '!'
    la t1, sh_last_bg
    beq a0, t0, 1f
    li a0, 0
    ret
1:  addi sp, sp, -16
    sw ra, 12(sp)
    lw a0, 0(t1)
    mv a1, s1
    call itoa
    add s1, s1, a0
    li a0, 1
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sh_is_operator -- whether a byte is one of the operators & ; | < >
#  IN:  a0 = byte
#  OUT: a0 = 1 or 0
#  clobbers t1, t2
sh_is_operator:
    la t1, sh_operators
1:  lbu t2, 0(t1)
    beqz t2, 2f
    addi t1, t1, 1
    bne t2, a0, 1b
    li a0, 1
    ret
2:  li a0, 0
    ret

# sh_run_line -- tokenize sh_line and run its commands
#  clobbers t0-t6, a0-a7; preserves s-registers
sh_run_line:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    call sh_tokenize
    bltz a0, run_return
    mv s0, a0                   # s0 = tokens left
    la s1, sh_tokens            # s1 = next token
    li s2, 0                    # s2 = words of the current command
run_next:
    beqz s0, run_end
    lw t0, 0(s1)
    bnez t0, run_operator
    li t1, SH_ARGS
    bge s2, t1, run_too_many
    lw t1, 4(s1)
    la t2, sh_argv
    slli t3, s2, 2
    add t2, t2, t3
    sw t1, 0(t2)
    addi s2, s2, 1
    j run_advance
run_operator:
    li t1, '&'
    beq t0, t1, run_background
    li t1, ';'
    beq t0, t1, run_foreground
    # '|', '<', '>': where pipes and redirection will go.
    sw t0, 8(sp)
    li a0, 2
    la a1, sh_msg_unsupported
    lw a2, 8(sp)
    call fprintf
    li a0, 2
    call sh_set_status
    j run_return
run_background:
    beqz s2, run_syntax
    mv a0, s2
    li a1, 1
    call sh_command
    li s2, 0
    j run_advance
run_foreground:
    beqz s2, run_syntax
    mv a0, s2
    li a1, 0
    call sh_command
    li s2, 0
run_advance:
    addi s1, s1, 8
    addi s0, s0, -1
    j run_next
run_end:
    beqz s2, run_return
    mv a0, s2
    li a1, 0
    call sh_command
run_return:
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret
run_syntax:
    lw a2, 0(s1)
    li a0, 2
    la a1, sh_msg_syntax
    call fprintf
    li a0, 2
    call sh_set_status
    j run_return
run_too_many:
    li a0, 2
    la a1, sh_msg_too_many_args
    call fputs
    li a0, 2
    call sh_set_status
    j run_return

# sh_command -- run one command: a builtin, or a program in a child
#  IN:  a0 = number of words (>= 1) in sh_argv, a1 = 1 to run it in the background
#  OUT: sh_status set
#  clobbers t0-t6, a0-a7; preserves s-registers
sh_command:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    sw s2, 32(sp)
    sw s3, 28(sp)
    mv s0, a0                   # s0 = argc
    mv s1, a1                   # s1 = background?
    la t0, sh_argv
    slli t1, a0, 2
    add t1, t1, t0
    sw zero, 0(t1)              # argv[argc] = NULL
    lw s2, 0(t0)                # s2 = the command name
    mv a0, s2
    la a1, sh_name_exit
    call strcmp
    beqz a0, cmd_exit
    mv a0, s2
    la a1, sh_name_cd
    call strcmp
    beqz a0, cmd_cd
    mv a0, s2
    la a1, sh_name_wait
    call strcmp
    beqz a0, cmd_wait
    # A program: NAME when it has a '/', else /bin/NAME.
    mv a0, s2
    li a1, '/'
    call strchr
    mv s3, s2                   # s3 = the path
    bnez a0, 1f
    mv a0, s2
    call strlen
    li t0, SH_PATH - 6
    bgeu a0, t0, cmd_not_found
    la a0, sh_path
    la a1, sh_bin
    call strcpy
    la a0, sh_path + 5
    mv a1, s2
    call strcpy
    la s3, sh_path
1:  # Check that it is there before forking, so that a mistyped name costs
    # no process.
    mv a0, s3
    li a1, O_RDONLY
    call open
    bltz a0, cmd_open_failed
    sw a0, 0(sp)
    addi a1, sp, 4
    call fstat
    lw a0, 0(sp)
    call close
    lw t0, 4 + STAT_TYPE(sp)
    li t1, S_DIR
    li a0, -EISDIR
    beq t0, t1, cmd_cannot_run
    call fork
    bltz a0, cmd_fork_failed
    beqz a0, cmd_child
    mv s0, a0                   # s0 = the child's pid
    mv a1, a0                   # its own group; the child does the same, so
    call setpgid                # whichever runs first, no window is left
    bnez s1, cmd_background
    mv a0, s0
    call tcsetpgrp
    mv a0, s0
    call sh_wait_foreground
    call sh_take_console
    j cmd_return
cmd_background:
    la t0, sh_last_bg
    sw s0, 0(t0)
    li a0, 1
    la a1, sh_msg_started
    mv a2, s0
    call fprintf
    li a0, 0
    call sh_set_status
    j cmd_return

cmd_child:
    li a0, 0
    li a1, 0
    call setpgid
    bnez s1, 1f
    li a0, 0
    call getpgid
    call tcsetpgrp
1:  la s0, sh_child_signals     # the child starts with default actions
2:  lbu a0, 0(s0)
    beqz a0, 3f
    la a1, sh_act_default
    li a2, 0
    call sigaction
    addi s0, s0, 1
    j 2b
3:  mv a0, s3
    la a1, sh_argv
    call exec
    # exec only returns when it failed.
    mv a1, a0
    sw a0, 0(sp)
    mv a0, s2
    call sh_error
    lw a0, 0(sp)
    li t0, -ENOENT
    li a1, 127
    beq a0, t0, 4f
    li a1, 126
4:  mv a0, a1
    call exit

cmd_open_failed:
    li t0, -ENOENT
    beq a0, t0, cmd_not_found
    li t0, -ENOTDIR
    beq a0, t0, cmd_not_found
cmd_cannot_run:
    mv a1, a0
    mv a0, s2
    call sh_error
    li a0, 126
    call sh_set_status
    j cmd_return
cmd_not_found:
    li a0, 2
    la a1, sh_msg_not_found
    mv a2, s2
    call fprintf
    li a0, 127
    call sh_set_status
    j cmd_return
cmd_fork_failed:
    mv a1, a0
    la a0, sh_name_fork
    call sh_error
    li a0, 126
    call sh_set_status
    j cmd_return

# exit [N]: N defaults to the last status.
cmd_exit:
    la t0, sh_status
    lw a0, 0(t0)
    li t0, 1
    beq s0, t0, 1f
    la t0, sh_argv
    lw a0, 4(t0)
    call parse_int
    beqz a1, 2f
1:  andi a0, a0, 0xFF
    call exit
2:  li a0, 2
    la a1, sh_msg_exit_numeric
    la t0, sh_argv
    lw a2, 4(t0)
    call fprintf
    li a0, 2
    call exit

# cd [DIR]: the ABI has no current directory (every path is taken from "/"),
# so cd can only confirm "/" and explain for anything else.
cmd_cd:
    li t0, 1
    beq s0, t0, 1f              # plain cd: home is "/"
    la t0, sh_argv
    lw s3, 4(t0)
    mv a0, s3
    la a1, sh_root
    call strcmp
    bnez a0, 2f
1:  li a0, 0
    call sh_set_status
    j cmd_return
2:  mv a0, s3
    li a1, O_RDONLY
    call open
    bltz a0, 4f
    sw a0, 0(sp)
    addi a1, sp, 4
    call fstat
    lw a0, 0(sp)
    call close
    lw t0, 4 + STAT_TYPE(sp)
    li t1, S_DIR
    li a0, -ENOTDIR
    bne t0, t1, 4f
    li a0, 2
    la a1, sh_msg_cd
    mv a2, s3
    call fprintf
    j 5f
4:  mv a2, a0
    mv a1, s3
    la a0, sh_name_cd_prefix
    call print_file_error
5:  li a0, 1
    call sh_set_status
    j cmd_return

# wait [PID]: every background child, or the one named, each reported as it ends;
# with a PID, $? becomes its status (128 + signal when killed), as in other shells.
cmd_wait:
    li t0, 1
    beq s0, t0, 1f
    la t0, sh_argv
    lw a0, 4(t0)
    call parse_int
    beqz a1, 3f
    blez a0, 3f
    mv s3, a0                   # s3 = the pid
4:  mv a0, s3
    addi a1, sp, 0
    li a2, 0
    call waitpid
    li t0, -EINTR
    beq a0, t0, 4b
    bltz a0, 5f
    lw a1, 0(sp)
    call sh_report
    lw t0, 0(sp)
7:  andi t1, t0, 0x7F
    srli a0, t0, 8              # exited: the code
    andi a0, a0, 0xFF
    beqz t1, 6f
    addi a0, t1, 128            # killed: 128 + signal
6:  call sh_set_status
    j cmd_return
5:  la t1, sh_done              # already reported at a prompt?
    li t2, SH_DONE
8:  lw t3, 0(t1)
    bne t3, s3, 9f
    lw t0, 4(t1)
    sw zero, 0(t1)              # each status is waited for once
    j 7b
9:  addi t1, t1, 8
    addi t2, t2, -1
    bnez t2, 8b
    mv a2, a0                   # not a child of ours
    la t0, sh_argv
    lw a1, 4(t0)
    la a0, sh_name_wait_prefix
    call print_file_error
    li a0, 127
    call sh_set_status
    j cmd_return
3:  li a0, 2
    la a1, sh_msg_wait_usage
    call fputs
    li a0, 2
    call sh_set_status
    j cmd_return
1:  li a0, -1
    addi a1, sp, 0
    li a2, 0
    call waitpid
    li t0, -EINTR
    beq a0, t0, 1b
    blez a0, 2f
    lw a1, 0(sp)
    call sh_report
    j 1b
2:  li a0, 0
    call sh_set_status
cmd_return:
    lw s3, 28(sp)
    lw s2, 32(sp)
    lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# sh_wait_foreground -- wait for the foreground child and take its status
#  IN:  a0 = pid
#  OUT: sh_status = exit code, or 128 + signal when killed or stopped
#  clobbers t0-t6, a0-a7
sh_wait_foreground:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    mv s0, a0
1:  mv a0, s0
    addi a1, sp, 0
    li a2, WUNTRACED
    call waitpid
    li t0, -EINTR
    beq a0, t0, 1b
    bltz a0, 9f                 # not our child after all: keep the old status
    lw s1, 0(sp)                # s1 = status word
    andi t0, s1, 0x7F
    bnez t0, 2f
    srli a0, s1, 8              # exited: (code << 8)
    andi a0, a0, 0xFF
    call sh_set_status
    j 9f
2:  andi t0, s1, 0xFF
    li t1, 0x7F
    bne t0, t1, 3f
    srli a0, s1, 8              # stopped: (sig << 8) | 0x7F
    andi a0, a0, 0xFF
    addi a0, a0, 128
    call sh_set_status
    li a0, 1
    la a1, sh_msg_stopped
    mv a2, s0
    call fprintf
    j 9f
3:  andi s1, s1, 0x7F           # killed: sig
    addi a0, s1, 128
    call sh_set_status
    li t0, SIGPIPE
    beq s1, t0, 9f
    li t0, SIGINT
    beq s1, t0, 4f
    mv a0, s1
    call signal_description
    mv a1, a0
    li a0, 2
    call fputs
4:  li a0, 2
    li a1, '\n'
    call fputc
9:  lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# sh_report_jobs -- report the background children that have ended
#  clobbers t0-t6, a0-a7
sh_report_jobs:
    addi sp, sp, -16
    sw ra, 12(sp)
1:  li a0, -1
    addi a1, sp, 0
    li a2, WNOHANG
    call waitpid
    blez a0, 2f                 # 0: some still run; < 0: no children (or no call)
    lw a1, 0(sp)
    call sh_report
    j 1b
2:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sh_report -- "[PID] Done", "[PID] Exit N" or "[PID] <how it died>" on fd 1, and
# the pid and status kept in sh_done (the last SH_DONE of them) for `wait PID`
#  IN:  a0 = pid, a1 = waitpid status word
#  clobbers t0-t6, a0-a7
sh_report:
    addi sp, sp, -16
    sw ra, 12(sp)
    la t0, sh_done_next         # remember it for a later `wait PID`
    lw t1, 0(t0)
    andi t2, t1, SH_DONE - 1
    slli t2, t2, 3
    la t3, sh_done
    add t3, t3, t2
    sw a0, 0(t3)
    sw a1, 4(t3)
    addi t1, t1, 1
    sw t1, 0(t0)
    mv a2, a0
    andi t0, a1, 0x7F
    bnez t0, 2f
    srli a3, a1, 8
    andi a3, a3, 0xFF
    la a1, sh_msg_done
    beqz a3, 1f
    la a1, sh_msg_exit
1:  li a0, 1
    call fprintf
    j 3f
2:  sw a2, 8(sp)
    mv a0, t0
    call signal_description
    mv a3, a0
    lw a2, 8(sp)
    li a0, 1
    la a1, sh_msg_died
    call fprintf
3:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sh_error -- "sh: NAME: reason" on fd 2
#  IN:  a0 = name, a1 = error number
#  clobbers t0-t6, a0-a7
sh_error:
    mv a2, a1
    mv a1, a0
    la a0, sh_name
    tail print_file_error

# sh_set_status -- remember a command's status for $? and the final exit
#  IN:  a0 = status
#  clobbers t0
sh_set_status:
    la t0, sh_status
    sw a0, 0(t0)
    ret

    .section .rodata
sh_prompt: .asciz "$ "
sh_operators: .asciz "&;|<>"
sh_job_signals: .byte SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, 0
sh_child_signals: .byte SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU, 0
sh_bin: .asciz "/bin/"
sh_root: .asciz "/"
sh_name_exit: .asciz "exit"
sh_name_cd: .asciz "cd"
sh_name_wait: .asciz "wait"
sh_name_fork: .asciz "fork"
sh_name: .asciz "sh"
sh_name_cd_prefix: .asciz "sh: cd"
sh_name_wait_prefix: .asciz "sh: wait"
sh_msg_not_found: .asciz "sh: %s: not found\n"
sh_msg_unterminated: .asciz "sh: syntax error: unterminated quote\n"
sh_msg_too_many: .asciz "sh: line too long: more than 64 words and operators\n"
sh_msg_too_many_args: .asciz "sh: too many arguments: at most 32 words a command\n"
sh_msg_syntax: .asciz "sh: syntax error near '%c'\n"
sh_msg_unsupported: .asciz "sh: '%c': pipes and redirection are not supported yet\n"
sh_msg_exit_numeric: .asciz "sh: exit: %s: numeric argument required\n"
sh_msg_cd: .asciz "sh: cd: %s: there is no current directory; every path starts at /\n"
sh_msg_wait_usage: .asciz "sh: wait: usage: wait [PID]\n"
sh_msg_eof: .asciz "exit\n"
sh_msg_started: .asciz "[%d]\n"
sh_msg_stopped: .asciz "\n[%d] Stopped\n"
sh_msg_done: .asciz "[%d] Done\n"
sh_msg_exit: .asciz "[%d] Exit %d\n"
sh_msg_died: .asciz "[%d] %s\n"
    .align 2
sh_act_ignore: .word SIG_IGN, 0, 0
sh_act_default: .word SIG_DFL, 0, 0
sh_act_interrupt: .word sh_on_interrupt, 0, 0

    .data
    .align 2
sh_status: .word 0
sh_pgid: .word 0
sh_no_handlers: .word 0         # 1: the kernel has no sigaction (see sh_take_console)
sh_last_bg: .word 0
sh_done_next: .word 0

    .bss
    .align 2
sh_tokens: .space SH_TOKENS * 8
sh_argv: .space (SH_ARGS + 1) * 4
sh_line: .space SH_LINE
sh_words: .space SH_WORDS
sh_path: .space SH_PATH
    .align 2
sh_done: .space SH_DONE * 8   # {pid, status word}
