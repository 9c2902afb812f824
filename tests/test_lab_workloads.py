"""The workloads, run in this process on a real board: each reaches its total, the races count right."""

from __future__ import annotations

import os
import threading
import time

import pytest

from gil_tui.lab import workloads as wl
from gil_tui.lab.board import H_COUNTER, H_T0, Board, Reporter
from gil_tui.lab.catalog import WORKLOADS, check_size, default_size


@pytest.fixture
def board(tmp_path):
    board = Board.create(str(tmp_path / "board"), tasks=1, slots=1 << 16)
    board.words[H_T0] = time.monotonic_ns()
    yield board
    board.close()


def context(board, scratch_dir=None):
    return wl.Context(board.words, lock=threading.Lock(), plain_counter=wl.Counter(), scratch_dir=scratch_dir)


@pytest.mark.parametrize("n", [0, 1, 2, wl.FIB_CHUNK - 1, wl.FIB_CHUNK, wl.FIB_CHUNK + 1, wl.FIB_CHUNK + 5])
def test_fib_chunks_is_the_number_of_ticks_and_the_value_is_fib(n):
    ticks = []
    value = wl._fib_chunked(n, lambda: ticks.append(1))
    assert value == wl.fib(n)
    assert len(ticks) == wl.fib_chunks(n) == wl.total("fib", n)


def test_fib_at_the_default_size_reports_thousands_of_times():
    assert wl.total("fib", default_size("fib")) >= 1000


@pytest.mark.parametrize("workload, size", [
    ("fib", 20), ("sleep", 0.05), ("race", 1234), ("race-plain", 1234), ("race-locked", 1234), ("hash", 3),
    ("io", 5),
])
def test_each_task_ends_exactly_at_its_total(board, tmp_path, workload, size):
    rep = Reporter(board, 0, wl.total(workload, size))
    wl.TASKS[workload](rep, size, context(board, str(tmp_path)))
    assert rep.done == wl.total(workload, size)
    assert board.task(0)[1] == rep.done  # T_TOTAL
    assert any(board.lane(0))
    del rep


class Counting:
    def __init__(self):
        self.ticks = 0
        self.done = 0

    def tick(self, amount=1):
        self.ticks += 1
        self.done += amount


@pytest.mark.parametrize("workload", ["race", "race-plain", "race-locked"])
def test_races_report_100_times_at_their_default_size(board, workload):
    rep = Counting()
    size = default_size(workload)
    wl.TASKS[workload](rep, size, context(board))
    assert rep.ticks >= 100 and rep.done == wl.total(workload, size) == size


def test_every_workload_reports_at_least_100_times_at_its_default_size():
    # one tick per fib chunk, sleep step, MiB hashed, write; the races are counted above
    ticks = {"fib": wl.fib_chunks(default_size("fib")), "sleep": wl._sleep_steps(default_size("sleep"))[0],
             "hash": default_size("hash"), "io": default_size("io"),
             "convoy": wl.fib_chunks(default_size("convoy"))}  # its CPU tasks; the I/O task ticks per round trip
    assert set(ticks) | {"race", "race-plain", "race-locked"} == set(WORKLOADS)
    assert all(n >= 100 for n in ticks.values()), ticks


def test_races_alone_are_exact(board):
    ctx = context(board)
    for workload in ("race", "race-locked"):
        board.words[H_COUNTER] = 0
        rep = Reporter(board, 0, 250)
        wl.TASKS[workload](rep, 250, ctx)
        assert board.words[H_COUNTER] == 250
    rep = Reporter(board, 0, 250)
    wl.race_plain_task(rep, 250, ctx)
    assert ctx.plain_counter.count == 250
    del rep


def test_shared_counter_increments_the_board(board):
    counter = wl.SharedCounter(board.words)
    counter.increment(3)
    counter.increment(4)
    assert counter.count == board.words[H_COUNTER] == 7


def test_io_leaves_no_scratch_file(board, tmp_path):
    rep = Reporter(board, 0, 3)
    wl.io_task(rep, 3, context(board, str(tmp_path)))
    assert [name for name in os.listdir(tmp_path) if name.startswith("gil-tui-io-")] == []
    del rep


def test_io_into_a_missing_directory_raises(board, tmp_path):
    rep = Reporter(board, 0, 3)
    with pytest.raises(FileNotFoundError):
        wl.io_task(rep, 3, context(board, str(tmp_path / "missing")))
    del rep


def test_sleep_steps_are_10_ms_and_cover_the_size():
    steps, step = wl._sleep_steps(1.0)
    assert steps == 100 and step == pytest.approx(0.01)
    steps, step = wl._sleep_steps(0.001)
    assert steps == 1 and step == pytest.approx(0.001)


@pytest.mark.parametrize("workload, size, message", [
    ("fib", "abc", "positive number"), ("fib", "-1", "positive number"), ("fib", "0", "positive number"),
    ("fib", "2.5", "whole number"), ("fib", "41", "at most"), ("sleep", "nan", "positive number"),
])
def test_check_size_says_what_is_wrong(workload, size, message):
    with pytest.raises(ValueError, match=message):
        check_size(workload, size)


def test_check_size_keeps_the_workload_type():
    assert check_size("fib", "30") == 30 and isinstance(check_size("fib", "30.0"), int)
    assert check_size("sleep", "0.5") == 0.5
