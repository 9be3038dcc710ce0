"""_breezeblock_session: what a pass puts into the interpreter, and takes out again to the last item."""

import builtins
import importlib
import sys
import types
import unittest

import _breezeblock_reads as reads
import _breezeblock_session as session


class Finder:
    """What enter() and leave() use of a FolderFinder: its modules, table, tracker and breezeblock slot."""

    def __init__(self, modules, table):
        self.modules = modules
        self.table = table
        self.tracker = reads.ReadTracker("/nowhere", None)
        self.breezeblock = None

    def find_spec(self, name, path=None, target=None):
        return None


class EnterLeave(unittest.TestCase):
    def test_leave_puts_back_what_enter_changed(self):
        kept = types.ModuleType("kept_module")
        finder = Finder({"kept_module": kept}, {"kept_module": "kept.py", "loaded_module": "loaded.py"})
        breezeblock = types.SimpleNamespace(_current=object())
        before = (list(sys.path), list(sys.meta_path), builtins.__import__, importlib._bootstrap._gcd_import, sys.stdout, sys.stderr)

        saved = session.enter(finder, breezeblock, 1000)
        self.assertIs(sys.modules["kept_module"], kept)
        self.assertIs(sys.meta_path[0], finder)
        self.assertIs(builtins.__import__, session._tracking_import)
        self.assertIsNot(sys.stdout, before[4])
        self.assertIs(reads.active, finder.tracker)
        loaded = sys.modules["loaded_module"] = types.ModuleType("loaded_module")  # imported during the pass
        sys.path.append("/added/by/config")

        session.leave(finder, breezeblock, saved)
        self.assertEqual(before, (list(sys.path), list(sys.meta_path), builtins.__import__, importlib._bootstrap._gcd_import, sys.stdout, sys.stderr))
        self.assertNotIn("kept_module", sys.modules)
        self.assertNotIn("loaded_module", sys.modules)
        self.assertIs(finder.modules["loaded_module"], loaded)  # stays with its workspace
        self.assertIsNone(breezeblock._current)
        self.assertIsNone(reads.active)

    def test_a_module_of_the_same_name_already_imported_is_not_replaced(self):
        ours = types.ModuleType("json")
        finder = Finder({"json": ours}, {})
        real = sys.modules["json"] if "json" in sys.modules else importlib.import_module("json")
        saved = session.enter(finder, types.SimpleNamespace(_current=None), None)
        try:
            self.assertIs(sys.modules["json"], real)
        finally:
            session.leave(finder, types.SimpleNamespace(_current=None), saved)
        self.assertIs(sys.modules["json"], real)

    def test_without_a_redirect_the_streams_are_not_touched(self):
        stdout = sys.stdout
        finder = Finder({}, {})
        saved = session.enter(finder, types.SimpleNamespace(_current=None), None)
        try:
            self.assertIs(sys.stdout, stdout)
        finally:
            session.leave(finder, types.SimpleNamespace(_current=None), saved)
