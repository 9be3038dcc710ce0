"""_breezeblock_bytecode: compiled modules cached by content, written whole or not at all."""

import errno
import importlib.util
import os
import tempfile
import time
import unittest
from unittest import mock

import _breezeblock_bytecode as bytecode


def run(code):
    namespace = {}
    exec(code, namespace)
    return namespace


class CodeFor(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.cache = self.folder.name
        self.entries = os.path.join(self.cache, importlib.util.MAGIC_NUMBER.hex())
        self.addCleanup(self.folder.cleanup)
        bytecode._swept.discard(self.entries)

    def test_compiles_without_a_cache(self):
        self.assertEqual(run(bytecode.code_for(b"x = 1 + 1\n", "/c/app.py", "k", None))["x"], 2)

    def test_a_second_call_reads_the_entry_the_first_wrote(self):
        bytecode.code_for(b"x = 1\n", "/c/app.py", "key1", self.cache)
        self.assertEqual(os.listdir(self.entries), ["key1"])
        with mock.patch.object(bytecode, "compile", side_effect=AssertionError("compiled again"), create=True):
            self.assertEqual(run(bytecode.code_for(b"x = 1\n", "/c/app.py", "key1", self.cache))["x"], 1)

    def test_a_corrupt_entry_is_compiled_again_and_replaced(self):
        os.makedirs(self.entries)
        with open(os.path.join(self.entries, "key2"), "wb") as file:
            file.write(b"\x00garbage")
        self.assertEqual(run(bytecode.code_for(b"x = 3\n", "/c/app.py", "key2", self.cache))["x"], 3)
        self.assertEqual(run(bytecode.code_for(b"x = 3\n", "/c/app.py", "key2", self.cache))["x"], 3)

    def test_without_a_key_the_source_and_path_are_hashed(self):
        bytecode.code_for(b"x = 1\n", "/c/a.py", None, self.cache)
        bytecode.code_for(b"x = 1\n", "/c/b.py", None, self.cache)
        bytecode.code_for(b"x = 2\n", "/c/a.py", None, self.cache)
        self.assertEqual(len(os.listdir(self.entries)), 3)

    def test_a_full_disk_leaves_no_temporary_file(self):
        real_open = open

        def full(path, mode="r", *args, **kwargs):
            file = real_open(path, mode, *args, **kwargs)
            if "w" in mode:
                def refuse(data):
                    raise OSError(errno.ENOSPC, "No space left on device")
                file.write = refuse
            return file

        with mock.patch.object(bytecode, "open", side_effect=full, create=True):
            self.assertEqual(run(bytecode.code_for(b"x = 4\n", "/c/app.py", "key4", self.cache))["x"], 4)
        self.assertEqual(os.listdir(self.entries), [])

    def test_a_failed_rename_leaves_no_temporary_file(self):
        with mock.patch.object(os, "replace", side_effect=OSError(errno.EXDEV, "Invalid cross-device link")):
            bytecode.code_for(b"x = 5\n", "/c/app.py", "key5", self.cache)
        self.assertEqual(os.listdir(self.entries), [])

    def test_dead_writers_files_are_removed_when_found(self):
        os.makedirs(self.entries)
        dead = _dead_pid()
        stale = ["k1.%d.tmp" % dead, "k2.%d.tmp" % os.getpid()]
        kept = ["k3.%d.tmp" % os.getpid(), "k4.%d.tmp" % os.getppid(), "k5"]
        for name in stale + kept:
            with open(os.path.join(self.entries, name), "wb"):
                pass
        old = time.time() - bytecode.STALE_SECONDS - 60
        os.utime(os.path.join(self.entries, stale[1]), (old, old))  # our own pid, but from long ago: a pid reused
        bytecode.code_for(b"x = 6\n", "/c/app.py", "key6", self.cache)
        self.assertEqual(sorted(os.listdir(self.entries)), sorted(kept + ["key6"]))

    def test_the_folder_is_swept_once_per_process(self):
        bytecode.code_for(b"x = 7\n", "/c/app.py", "key7", self.cache)
        late = os.path.join(self.entries, "k.%d.tmp" % _dead_pid())
        with open(late, "wb"):
            pass
        bytecode.code_for(b"x = 8\n", "/c/app.py", "key8", self.cache)
        self.assertTrue(os.path.exists(late))


class CheckUtf8(unittest.TestCase):
    def setUp(self):
        bytecode.MESSAGES.setdefault("nul_byte", "source code cannot contain null bytes")
        bytecode.MESSAGES.setdefault("not_utf8", "byte 0x{byte:02x} is not UTF-8")

    def test_a_nul_byte_is_a_syntax_error_at_its_line_and_column(self):
        with self.assertRaises(SyntaxError) as caught:
            bytecode.check_utf8(b"a = 1\nbb\0 = 2\n", "/c/app.py")
        self.assertEqual((caught.exception.filename, caught.exception.lineno, caught.exception.offset), ("/c/app.py", 2, 3))

    def test_a_byte_that_is_not_utf8_is_placed_in_characters(self):
        with self.assertRaises(SyntaxError) as caught:
            bytecode.check_utf8("x = 'é'\ny = '".encode() + b"\xff'\n", "/c/app.py")
        self.assertEqual((caught.exception.lineno, caught.exception.offset), (2, 6))
        self.assertIn("0xff", caught.exception.msg)

    def test_a_declared_encoding_is_left_to_the_compiler(self):
        bytecode.check_utf8(b"# -*- coding: latin-1 -*-\nname = '\xe9'\n", "/c/app.py")
        self.assertEqual(run(bytecode.code_for(b"# -*- coding: latin-1 -*-\nname = '\xe9'\n", "/c/app.py", None, None))["name"], "\xe9")


def _dead_pid():
    """A process id that no process has now: one that ran and was reaped."""
    pid = 4_000_000
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except OSError:
            pass
        pid -= 1
