# errno.s -- the messages of abi.md's error numbers: strerror, errno_name,
# print_error, print_file_error.
#
# One table, {u32 number; name; message} per error, in the order of errno.inc; the
# messages are the ones Linux prints for the same numbers.

    .include "errno.inc"

    .text

    .globl strerror
# strerror -- the message for an error number
#  IN:  a0 = error number, either sign (-ENOENT and ENOENT give the same)
#  OUT: a0 = NUL-terminated message ("Unknown error" when not in abi.md)
#  clobbers t0-t2
strerror:
    li t2, 8                    # offset of the message in a record
    j errno_lookup

    .globl errno_name
# errno_name -- the symbolic name of an error number
#  IN:  a0 = error number, either sign
#  OUT: a0 = NUL-terminated name such as "ENOENT" ("E?" when not in abi.md)
#  clobbers t0-t2
errno_name:
    li t2, 4                    # offset of the name in a record

# Look a0 up in errno_table and return the word at offset t2 of its record, or the
# same word of the final catch-all record.
errno_lookup:
    bgez a0, 1f
    neg a0, a0
1:  la t0, errno_table
2:  lw t1, 0(t0)
    beqz t1, 3f                 # the catch-all record ends the table
    beq t1, a0, 3f
    addi t0, t0, 12
    j 2b
3:  add t0, t0, t2
    lw a0, 0(t0)
    ret

    .globl print_error
# print_error -- "PREFIX: message" and a newline on fd 2
#  IN:  a0 = prefix, a1 = error number (either sign)
#  OUT: a0 = bytes written, or -errno
#  clobbers t0-t6, a1-a7
print_error:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    mv a0, a1
    call strerror
    mv a3, a0
    lw a2, 8(sp)
    li a0, 2
    la a1, errno_format
    call fprintf
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .globl print_file_error
# print_file_error -- "PROG: NAME: message" and a newline on fd 2, the form every
#                     utility uses for an operand that failed
#  IN:  a0 = prog ("cat", or "sh: cd"), a1 = name, a2 = error number (either sign)
#  OUT: a0 = bytes written, or -errno
#  clobbers t0-t6, a1-a7
print_file_error:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    sw a1, 4(sp)
    mv a0, a2
    call strerror
    mv a4, a0
    lw a3, 4(sp)
    lw a2, 8(sp)
    li a0, 2
    la a1, errno_file_format
    call fprintf
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .section .rodata
    .align 2
errno_table:
    .word EPERM, errno_n_EPERM, errno_m_EPERM
    .word ENOENT, errno_n_ENOENT, errno_m_ENOENT
    .word ESRCH, errno_n_ESRCH, errno_m_ESRCH
    .word EINTR, errno_n_EINTR, errno_m_EINTR
    .word EIO, errno_n_EIO, errno_m_EIO
    .word E2BIG, errno_n_E2BIG, errno_m_E2BIG
    .word ENOEXEC, errno_n_ENOEXEC, errno_m_ENOEXEC
    .word EBADF, errno_n_EBADF, errno_m_EBADF
    .word ECHILD, errno_n_ECHILD, errno_m_ECHILD
    .word EAGAIN, errno_n_EAGAIN, errno_m_EAGAIN
    .word ENOMEM, errno_n_ENOMEM, errno_m_ENOMEM
    .word EACCES, errno_n_EACCES, errno_m_EACCES
    .word EFAULT, errno_n_EFAULT, errno_m_EFAULT
    .word EBUSY, errno_n_EBUSY, errno_m_EBUSY
    .word EEXIST, errno_n_EEXIST, errno_m_EEXIST
    .word ENOTDIR, errno_n_ENOTDIR, errno_m_ENOTDIR
    .word EISDIR, errno_n_EISDIR, errno_m_EISDIR
    .word EINVAL, errno_n_EINVAL, errno_m_EINVAL
    .word ENFILE, errno_n_ENFILE, errno_m_ENFILE
    .word EMFILE, errno_n_EMFILE, errno_m_EMFILE
    .word ENOSPC, errno_n_ENOSPC, errno_m_ENOSPC
    .word ESPIPE, errno_n_ESPIPE, errno_m_ESPIPE
    .word EPIPE, errno_n_EPIPE, errno_m_EPIPE
    .word ENAMETOOLONG, errno_n_ENAMETOOLONG, errno_m_ENAMETOOLONG
    .word ENOSYS, errno_n_ENOSYS, errno_m_ENOSYS
    .word ENOMSG, errno_n_ENOMSG, errno_m_ENOMSG
    .word EIDRM, errno_n_EIDRM, errno_m_EIDRM
    .word EADDRINUSE, errno_n_EADDRINUSE, errno_m_EADDRINUSE
    .word EISCONN, errno_n_EISCONN, errno_m_EISCONN
    .word ENOTCONN, errno_n_ENOTCONN, errno_m_ENOTCONN
    .word ETIMEDOUT, errno_n_ETIMEDOUT, errno_m_ETIMEDOUT
    .word ECONNREFUSED, errno_n_ECONNREFUSED, errno_m_ECONNREFUSED
    .word 0, errno_n_unknown, errno_m_unknown
errno_format:
    .asciz "%s: %s\n"
errno_file_format:
    .asciz "%s: %s: %s\n"
errno_n_EPERM: .asciz "EPERM"
errno_m_EPERM: .asciz "Operation not permitted"
errno_n_ENOENT: .asciz "ENOENT"
errno_m_ENOENT: .asciz "No such file or directory"
errno_n_ESRCH: .asciz "ESRCH"
errno_m_ESRCH: .asciz "No such process"
errno_n_EINTR: .asciz "EINTR"
errno_m_EINTR: .asciz "Interrupted system call"
errno_n_EIO: .asciz "EIO"
errno_m_EIO: .asciz "Input/output error"
errno_n_E2BIG: .asciz "E2BIG"
errno_m_E2BIG: .asciz "Argument list too long"
errno_n_ENOEXEC: .asciz "ENOEXEC"
errno_m_ENOEXEC: .asciz "Exec format error"
errno_n_EBADF: .asciz "EBADF"
errno_m_EBADF: .asciz "Bad file descriptor"
errno_n_ECHILD: .asciz "ECHILD"
errno_m_ECHILD: .asciz "No child processes"
errno_n_EAGAIN: .asciz "EAGAIN"
errno_m_EAGAIN: .asciz "Resource temporarily unavailable"
errno_n_ENOMEM: .asciz "ENOMEM"
errno_m_ENOMEM: .asciz "Cannot allocate memory"
errno_n_EACCES: .asciz "EACCES"
errno_m_EACCES: .asciz "Permission denied"
errno_n_EFAULT: .asciz "EFAULT"
errno_m_EFAULT: .asciz "Bad address"
errno_n_EBUSY: .asciz "EBUSY"
errno_m_EBUSY: .asciz "Device or resource busy"
errno_n_EEXIST: .asciz "EEXIST"
errno_m_EEXIST: .asciz "File exists"
errno_n_ENOTDIR: .asciz "ENOTDIR"
errno_m_ENOTDIR: .asciz "Not a directory"
errno_n_EISDIR: .asciz "EISDIR"
errno_m_EISDIR: .asciz "Is a directory"
errno_n_EINVAL: .asciz "EINVAL"
errno_m_EINVAL: .asciz "Invalid argument"
errno_n_ENFILE: .asciz "ENFILE"
errno_m_ENFILE: .asciz "Too many open files in system"
errno_n_EMFILE: .asciz "EMFILE"
errno_m_EMFILE: .asciz "Too many open files"
errno_n_ENOSPC: .asciz "ENOSPC"
errno_m_ENOSPC: .asciz "No space left on device"
errno_n_ESPIPE: .asciz "ESPIPE"
errno_m_ESPIPE: .asciz "Illegal seek"
errno_n_EPIPE: .asciz "EPIPE"
errno_m_EPIPE: .asciz "Broken pipe"
errno_n_ENAMETOOLONG: .asciz "ENAMETOOLONG"
errno_m_ENAMETOOLONG: .asciz "File name too long"
errno_n_ENOSYS: .asciz "ENOSYS"
errno_m_ENOSYS: .asciz "Function not implemented"
errno_n_ENOMSG: .asciz "ENOMSG"
errno_m_ENOMSG: .asciz "No message of desired type"
errno_n_EIDRM: .asciz "EIDRM"
errno_m_EIDRM: .asciz "Identifier removed"
errno_n_EADDRINUSE: .asciz "EADDRINUSE"
errno_m_EADDRINUSE: .asciz "Address already in use"
errno_n_EISCONN: .asciz "EISCONN"
errno_m_EISCONN: .asciz "Transport endpoint is already connected"
errno_n_ENOTCONN: .asciz "ENOTCONN"
errno_m_ENOTCONN: .asciz "Transport endpoint is not connected"
errno_n_ETIMEDOUT: .asciz "ETIMEDOUT"
errno_m_ETIMEDOUT: .asciz "Connection timed out"
errno_n_ECONNREFUSED: .asciz "ECONNREFUSED"
errno_m_ECONNREFUSED: .asciz "Connection refused"
errno_n_unknown: .asciz "E?"
errno_m_unknown: .asciz "Unknown error"
