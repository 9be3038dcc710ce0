"""_breezeblock_reads: what module bodies and configs import, open and list, for the evaluating thread only."""

import os
import tempfile
import threading
import unittest

import _breezeblock_reads as reads


class NoteImport(unittest.TestCase):
    def noted(self, name, globals=None, fromlist=(), level=0):
        imports = set()
        reads._note_import(imports, name, globals or {}, fromlist, level)
        return sorted(imports)

    def test_an_absolute_import_notes_the_module_and_its_parents(self):
        self.assertEqual(self.noted("a.b.c"), ["a", "a.b", "a.b.c"])

    def test_a_relative_import_is_resolved_against_the_package(self):
        self.assertEqual(self.noted("db", {"__package__": "services"}, level=1), ["services", "services.db"])
        self.assertEqual(self.noted("", {"__package__": "services.web"}, ("db",), level=2), ["services", "services.db"])

    def test_the_package_comes_from_the_spec_or_the_name_when_not_set(self):
        self.assertEqual(reads._package_of({"__name__": "pkg.mod"}), "pkg")
        self.assertEqual(reads._package_of({"__name__": "pkg", "__path__": []}), "pkg")

    def test_from_list_names_are_noted_as_possible_submodules_but_not_star(self):
        self.assertEqual(self.noted("pkg", fromlist=("a", "*", b"bytes")), ["pkg", "pkg.a"])

    def test_what_import_itself_refuses_is_not_noted(self):
        self.assertEqual(self.noted("x", {"__package__": ""}, level=1), [])  # relative import beyond the top
        self.assertEqual(self.noted(b"bytes"), [])
        self.assertEqual(self.noted("x", level="1"), [])


class Tracker(unittest.TestCase):
    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.root = os.path.realpath(folder.name)
        self.file = os.path.join(self.root, "data.txt")
        with open(self.file, "w") as file:
            file.write("one")
        self.tracker = reads.ReadTracker(self.root, None)
        self.tracker.start()
        self.addCleanup(self.tracker.stop)

    def test_a_module_body_reads_are_its_own(self):
        self.tracker.begin_module("app")
        reads.audit("open", (self.file, "r", 0))
        reads.audit("os.listdir", (self.root,))
        reads.note_import("json", {}, (), 0)
        self.tracker.end_module()
        imports, files = self.tracker.take_module_reads()["app"]
        self.assertEqual(imports, ["json"])
        self.assertEqual(sorted(files), [self.root + os.sep, self.file])
        self.assertEqual(self.tracker.take_module_reads(), {})  # handed over once

    def test_a_config_reads_are_noted_only_while_it_runs(self):
        reads.audit("open", (self.file, "r", 0))
        self.tracker.current[0] = "web"
        reads.audit("open", (self.file, "rb", 0))
        self.tracker.current[0] = None
        self.assertEqual(list(self.tracker.take_config_reads()), ["web"])

    def test_writes_and_other_threads_are_not_reads(self):
        self.tracker.current[0] = "web"
        reads.audit("open", (self.file, "w", 0))
        reads.audit("open", (self.file, None, os.O_WRONLY))
        other = threading.Thread(target=reads.audit, args=("open", (self.file, "r", 0)))
        other.start()
        other.join()
        self.assertEqual(self.tracker.take_config_reads(), {})

    def test_the_engines_own_io_is_not_noted_and_is_told_apart(self):
        self.tracker.current[0] = "web"
        self.assertFalse(reads.engine_busy())
        self.tracker.paused += 1
        try:
            self.assertTrue(reads.engine_busy())
            reads.audit("open", (self.file, "r", 0))
        finally:
            self.tracker.paused -= 1
        self.assertEqual(self.tracker.take_config_reads(), {})

    def test_a_digest_changes_with_the_content_and_marks_what_cannot_be_read(self):
        before = self.tracker.digest(self.file)
        self.assertEqual(self.tracker.current_digests([self.file]), [before])
        with open(self.file, "w") as file:
            file.write("two")
        self.tracker.digests = {}
        self.assertNotEqual(self.tracker.digest(self.file), before)
        self.assertEqual(self.tracker.digest(os.path.join(self.root, "gone")), reads.UNREADABLE)
        self.assertIsNone(self.tracker.digest("/dev/null"))  # not a regular file

    def test_the_standard_library_and_special_files_are_not_tracked(self):
        import sys
        self.tracker.current[0] = "web"
        reads.audit("open", (os.path.join(sys.base_prefix, "lib", "x.py"), "r", 0))
        reads.audit("open", ("/proc/self/status", "r", 0))
        self.assertEqual(self.tracker.take_config_reads(), {})
