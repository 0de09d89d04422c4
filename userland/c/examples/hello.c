/* hello.c -- a first C program for ToyMachine (docs/c-programs.md).
 *
 * Prints a greeting, its arguments and its pid, using nothing but the system
 * call wrappers of toymachine.h: there is no C library, so the number is
 * formatted by hand. Returns the number of arguments, which becomes the
 * program's exit status (crt0.s passes main's result to exit).
 */
#include "toymachine.h"

static unsigned length(const char *s)
{
    unsigned n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

static void say(const char *s)
{
    write(1, s, length(s));
}

static void say_number(int value)
{
    char digits[12];
    int i = sizeof digits;
    unsigned v = value < 0 ? -(unsigned)value : (unsigned)value;
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    if (value < 0)
        digits[--i] = '-';
    write(1, digits + i, sizeof digits - i);
}

int main(int argc, char **argv)
{
    say("hello from C\n");
    for (int i = 0; i < argc; i++) {
        say("argv[");
        say_number(i);
        say("] = ");
        say(argv[i]);
        say("\n");
    }
    say("pid ");
    say_number(getpid());
    say("\n");
    int r = write(42, "?", 1);  /* no such descriptor: -EBADF */
    say("write(42) = ");
    say_number(r);
    say(r == -EBADF ? " (EBADF)\n" : " (unexpected)\n");
    return argc;
}
