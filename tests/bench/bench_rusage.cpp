// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// bench_rusage FD PROGRAM [ARGS...]: runs PROGRAM (stdio inherited), then writes
// "maxrss_kib=<n> cpu_us=<user+system>\n" to file descriptor FD and exits with PROGRAM's status.
//
// Why a separate, Qt-free executable: a child's ru_maxrss also counts the address space it had
// before exec(), and a child spawned by bench_endtoend starts as a copy of a process holding a
// 64 MiB corpus. Spawned from this small process instead, the figure is the program's own.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char *argv[])
{
    if (argc < 3) {
        std::fputs("usage: bench_rusage FD PROGRAM [ARGS...]\n", stderr);
        return 127;
    }
    const int resultFd = std::atoi(argv[1]);
    ::fcntl(resultFd, F_SETFD, FD_CLOEXEC); // The program must not hold the result pipe open.
    pid_t pid = 0;
    const int error = ::posix_spawn(&pid, argv[2], nullptr, nullptr, argv + 2, environ);
    if (error != 0) {
        std::fprintf(stderr, "bench_rusage: cannot start %s: %s\n", argv[2], std::strerror(error));
        return 127;
    }
    int status = 0;
    rusage usage {};
    while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {}
    const long long cpuMicroseconds = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1'000'000LL
            + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
    char line[96];
    const int length = std::snprintf(line, sizeof line, "maxrss_kib=%ld cpu_us=%lld\n",
                                     usage.ru_maxrss, cpuMicroseconds);
    if (::write(resultFd, line, size_t(length)) != length)
        std::perror("bench_rusage: write");
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
