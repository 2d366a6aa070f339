// SPDX-FileCopyrightText: 2026 SSE Scope contributors
// SPDX-License-Identifier: MIT
//
// Runs fuzz_sseparser.cpp's LLVMFuzzerTestOneInput once per file, without libFuzzer or
// sanitizers, so every build's ctest replays the seed corpus through the fuzz checks
// (fuzz_corpus_replay in tests/CMakeLists.txt):
//   fuzz_corpus_replay DIRECTORY|FILE...
// A failed check aborts, which ctest reports as a failure; the file being replayed is printed
// first. Finding no input at all fails too, so a moved corpus cannot pass silently.
#include <cstdint>
#include <cstdio>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIRECTORY|FILE...\n", argv[0]);
        return 2;
    }
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QFileInfo info(QString::fromLocal8Bit(argv[i]));
        if (!info.isDir()) {
            files << info.filePath();
            continue;
        }
        const QDir directory(info.filePath());
        for (const QString &name : directory.entryList(QDir::Files, QDir::Name))
            files << directory.filePath(name);
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "fuzz_corpus_replay: no inputs found\n");
        return 1;
    }
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzz_corpus_replay: %s: %s\n", qPrintable(path),
                         qPrintable(file.errorString()));
            return 1;
        }
        const QByteArray input = file.readAll();
        std::printf("%s (%lld bytes)\n", qPrintable(path), static_cast<long long>(input.size()));
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()),
                               size_t(input.size()));
    }
    std::printf("%lld inputs passed\n", static_cast<long long>(files.size()));
    return 0;
}
