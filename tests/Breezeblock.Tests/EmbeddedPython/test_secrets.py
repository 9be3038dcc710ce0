"""breezeblock.Secret: its text is a placeholder, what is built from it by the documented operations keeps
the placeholder, operations on its characters are refused, and reveal() gives the value (untracked)."""

import copy
import json
import pickle
import re
import unittest

from breezeblock import Secret, secret

PLACEHOLDER = re.compile(r"\(secret:[a-z2-7]{20}\)")
VALUE = "pa55-w0rd!"


class Placeholders(unittest.TestCase):
    def setUp(self):
        self.pw = secret(VALUE)
        self.token = str.__str__(self.pw)

    def test_str_repr_and_format_show_the_placeholder_never_the_value(self):
        for shown in (str(self.pw), repr(self.pw), f"{self.pw}", f"{self.pw!r}", f"{self.pw!s}", format(self.pw), "{}".format(self.pw)):
            self.assertRegex(shown, PLACEHOLDER)
            self.assertNotIn(VALUE, shown)
        self.assertIs(type(str(self.pw)), str)

    def test_the_same_value_has_the_same_placeholder_and_another_value_another(self):
        self.assertEqual(str(secret(VALUE)), self.token)
        self.assertNotEqual(str(secret(VALUE + "x")), self.token)
        self.assertIs(secret(self.pw), self.pw)
        self.assertEqual(secret(VALUE), self.pw)

    def test_what_is_built_from_it_carries_the_placeholder(self):
        built = {
            "concatenation": "user:" + self.pw + "@db",
            "f-string": f"postgres://app:{self.pw}@db:5432",
            "percent": "pw=%s" % self.pw,
            "format": "pw={}".format(self.pw),
            "join": ",".join(["a", self.pw, "b"]),
            "json": json.dumps({"password": self.pw}),
            "replace elsewhere": ("X=" + self.pw).replace("X", "Y"),  # placeholders are lowercase: X is never in one
        }
        for how, text in built.items():
            with self.subTest(how):
                self.assertIn(self.token, text)
                self.assertNotIn(VALUE, text)

    def test_containers_hold_it_as_it_is(self):
        self.assertIs([self.pw][0], self.pw)
        self.assertIs({"k": self.pw}["k"], self.pw)
        self.assertIs(copy.deepcopy({"k": self.pw})["k"], self.pw)

    def test_reveal_gives_the_value_and_what_is_made_from_it_is_not_secret(self):
        self.assertEqual(self.pw.reveal(), VALUE)
        sliced = self.pw.reveal()[:4]
        self.assertIs(type(sliced), str)
        self.assertEqual(sliced, VALUE[:4])  # untracked: secret() it again to keep it secret
        again = secret(sliced)
        self.assertIsInstance(again, Secret)
        self.assertEqual(again.reveal(), VALUE[:4])

    def test_a_secret_made_from_text_holding_one_holds_the_value(self):
        combined = secret(f"app:{self.pw}")
        self.assertEqual(combined.reveal(), "app:" + VALUE)


class Refusals(unittest.TestCase):
    def setUp(self):
        self.pw = secret(VALUE)

    def assertRefused(self, action, operation):
        with self.assertRaises(TypeError) as caught:
            action()
        self.assertIn(operation, str(caught.exception))
        self.assertIn(".reveal()", str(caught.exception))

    def test_operations_on_its_characters_are_refused(self):
        self.assertRefused(lambda: self.pw[:3], "__getitem__")
        self.assertRefused(lambda: len(self.pw), "__len__")
        self.assertRefused(lambda: self.pw.upper(), "upper")
        self.assertRefused(lambda: self.pw.encode(), "encode")
        self.assertRefused(lambda: self.pw.split(":"), "split")
        self.assertRefused(lambda: self.pw.startswith("p"), "startswith")
        self.assertRefused(lambda: "a" in self.pw, "__contains__")
        self.assertRefused(lambda: list(self.pw), "__iter__")
        self.assertRefused(lambda: self.pw * 2, "__mul__")
        self.assertRefused(lambda: f"{self.pw:>20}", "format spec")

    def test_comparing_with_a_str_is_refused_and_with_a_secret_compares_values(self):
        with self.assertRaises(TypeError):
            self.pw == VALUE
        self.assertTrue(self.pw == secret(VALUE))
        self.assertTrue(self.pw != secret("other"))
        self.assertEqual(hash(self.pw), hash(secret(VALUE)))

    def test_it_cannot_be_pickled(self):
        with self.assertRaises(TypeError):
            pickle.dumps(self.pw)

    def test_only_text_can_be_secret(self):
        with self.assertRaises(TypeError) as caught:
            secret(5432)
        self.assertIn("got int", str(caught.exception))

    def test_truth_is_the_values(self):
        self.assertTrue(self.pw)
        self.assertFalse(secret(""))


if __name__ == "__main__":
    unittest.main()
