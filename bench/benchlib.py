"""Helpers shared by the benchmark drivers: run a command, time it and read its peak memory."""
import os
import statistics
import subprocess
import sys
import time


class Measurement:
    def __init__(self, seconds, max_rss_kib, returncode):
        self.seconds = seconds
        self.max_rss_kib = max_rss_kib
        self.returncode = returncode


def run(command, stdout_path, *, cwd=None, env=None, ok=(0,)):
    """Runs `command` with its output in `stdout_path`; wall time and the child's own peak RSS (wait4).

    Fails loudly (exits) on a return code outside `ok`, showing the command's stderr.
    """
    with open(stdout_path, "wb") as out, open(stdout_path + ".stderr", "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, env=env)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    returncode = os.waitstatus_to_exitcode(status)
    process.returncode = returncode
    if returncode not in ok:
        with open(stdout_path + ".stderr", encoding="utf-8", errors="replace") as err:
            sys.exit(f"error: {' '.join(command)} exited with {returncode}:\n{err.read()[-4000:]}")
    return Measurement(seconds, usage.ru_maxrss, returncode)  # ru_maxrss is in KiB on Linux


def median(values):
    return statistics.median(values)


def mib(kib):
    return kib / 1024


def describe_machine():
    cores = os.cpu_count()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            model = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), "?")
    except OSError:
        model = "?"
    return f"{cores} cores ({model})"
