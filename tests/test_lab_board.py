"""The progress board: its layout, the Reporter's stores and the cancel flag."""

from __future__ import annotations

import mmap
import os
import time

import pytest

from gil_tui.lab import board as b


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "board")


def test_layout_header_then_task_words_then_one_byte_per_slot(path):
    board = b.Board.create(path, tasks=3, slots=1000, slice_ns=250000)
    try:
        assert os.path.getsize(path) == (b.HEADER_WORDS + 3 * b.TASK_WORDS) * 8 + 3 * 1000
        assert board.words[b.H_MAGIC] == b.MAGIC
        assert board.words[b.H_VERSION] == b.VERSION
        assert (board.tasks, board.slots, board.words[b.H_SLICE_NS]) == (3, 1000, 250000)
        assert board.task_word(2, b.T_DONE) == b.HEADER_WORDS + 2 * b.TASK_WORDS
        assert len(board.lane(2)) == 1000
        board.lane(1)[999] = 1
        with open(path, "rb") as f:
            raw = f.read()
        assert raw[(b.HEADER_WORDS + 3 * b.TASK_WORDS) * 8 + 1000 + 999] == 1
    finally:
        board.close()


def test_a_second_mapping_sees_the_first_ones_stores(path):
    writer = b.Board.create(path, tasks=2, slots=10)
    reader = b.Board.open(path)
    try:
        writer.words[writer.task_word(1, b.T_DONE)] = 42
        writer.words[b.H_COUNTER] = 7
        assert reader.task(1)[b.T_DONE] == 42
        assert reader.words[b.H_COUNTER] == 7
    finally:
        reader.close()
        writer.close()


def test_create_refuses_an_existing_file_and_open_refuses_a_foreign_one(path):
    with open(path, "wb") as f:
        f.write(b"\0" * mmap.PAGESIZE)
    with pytest.raises(FileExistsError):
        b.Board.create(path, tasks=1, slots=10)
    with pytest.raises(ValueError, match="not a gil-tui progress board"):
        b.Board.open(path)


def test_reporter_counts_marks_the_current_slice_and_sets_the_total(path):
    board = b.Board.create(path, tasks=2, slots=1 << 16, slice_ns=1000000)
    try:
        board.words[b.H_T0] = time.monotonic_ns()
        rep = b.Reporter(board, 1, total=5)
        assert board.task(1)[b.T_TOTAL] == 5
        rep.tick()
        rep.tick(3)
        assert rep.done == 4
        assert board.task(1)[b.T_DONE] == 4
        assert board.task(0)[b.T_DONE] == 0
        marked = [i for i, v in enumerate(board.lane(1)) if v]
        assert marked and marked[0] < 1000  # within the first second
        assert not any(board.lane(0))
    finally:
        del rep
        board.close()


def test_reporter_ignores_time_past_the_last_slot(path):
    board = b.Board.create(path, tasks=1, slots=4, slice_ns=1000)
    try:
        board.words[b.H_T0] = time.monotonic_ns() - 10**9  # a second ago: far past slot 3
        rep = b.Reporter(board, 0, total=1)
        rep.tick()
        assert rep.done == 1 and not any(board.lane(0))
    finally:
        del rep
        board.close()


def test_cancel_flag_stops_the_next_tick(path):
    board = b.Board.create(path, tasks=1, slots=10)
    try:
        rep = b.Reporter(board, 0, total=10)
        rep.tick()
        assert not rep.cancelled()
        board.words[b.H_CANCEL] = 1
        assert rep.cancelled()
        with pytest.raises(b.Cancelled):
            rep.tick()
        assert board.task(0)[b.T_DONE] == 2  # the tick that saw the flag still counted its work
    finally:
        del rep
        board.close()
