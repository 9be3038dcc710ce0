"""_breezeblock_output: printed lines and log records handed over by line, and capped per evaluation."""

import io
import logging
import sys
import unittest

import _breezeblock_output as output


class Capture(unittest.TestCase):
    def capture(self, limit=1000):
        seen = []
        state = output.capture(lambda *line: seen.append(line), {"app"}, {"/c/app.py": "app"}, limit)
        return seen, state

    def test_lines_are_handed_over_whole_with_their_level(self):
        seen, state = self.capture()
        try:
            print("two", end=" ")
            print("parts")
            print("to stderr", file=sys.stderr)
            print("unfinished", end="")
        finally:
            output.release(state)
        self.assertEqual([(level, text) for level, text, _, _ in seen],
                         [(output.INFO, "two parts"), (output.WARNING, "to stderr"), (output.INFO, "unfinished")])

    def test_log_records_keep_their_logger_and_release_restores_the_root_level(self):
        root = logging.getLogger()
        level = root.level
        seen, state = self.capture()
        try:
            logging.getLogger("app.db").debug("port %d", 5432)
        finally:
            output.release(state)
        self.assertEqual(seen, [(output.DEBUG, "port 5432", None, "app.db")])
        self.assertEqual(root.level, level)
        self.assertEqual([h for h in root.handlers if type(h).__name__ == "Handler"], [])

    def test_output_past_the_limit_is_one_note(self):
        output.TRUNCATED = "[cut at {limit:,}]"
        seen, state = self.capture(limit=10)
        try:
            for _ in range(5):
                print("abcd")
        finally:
            output.release(state)
        self.assertEqual([text for _, text, _, _ in seen], ["abcd", "abcd", "[cut at 10]"])


class Redirect(unittest.TestCase):
    def test_both_streams_share_one_budget_and_say_so_once(self):
        output.TRUNCATED = "[cut at {limit:,}]"
        target = io.StringIO()
        stderr = sys.stderr
        sys.stderr = target
        try:
            saved = output.redirect_to_stderr(8)
            try:
                sys.stdout.write("12345")
                sys.stderr.write("6789")
                sys.stdout.write("more")
            finally:
                output.restore(saved)
        finally:
            sys.stderr = stderr
        self.assertEqual(target.getvalue(), "123456789"[:8] + "\n[cut at 8]\n")

    def test_a_stream_refuses_what_is_not_text_as_files_do(self):
        saved = output.redirect_to_stderr(100)
        try:
            with self.assertRaises(TypeError):
                sys.stdout.write(b"bytes")
        finally:
            output.restore(saved)
