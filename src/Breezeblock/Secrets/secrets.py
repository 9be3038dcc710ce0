"""Secret values in config code (run by the engine as module _breezeblock_secrets; breezeblock exports Secret and secret).

A Secret is a str whose text is a placeholder, "(secret:" and 20 random letters and digits ")", never
the value. Text made from it by concatenation, f-strings, format(), % and join holds the placeholder,
so it stays secret: the host writes a marker for it wherever it shows or writes text, and gives the
value only to the application (its configuration, its bindings, SecretString members). Operations that
would compute on the placeholder's characters instead of the value's (slicing, len, upper, encode,
comparison with a str) raise TypeError: reveal() the value, compute, and wrap the result in secret().
"""

MESSAGES = {}  # the engine's message catalogue: not_text, hidden, compare, pickle, unknown
_register = None  # set by the host: (value: str) -> placeholder
_reveal = None    # set by the host: (placeholder: str) -> value | None


class Secret(str):
    """A secret text: shown and written as a marker, revealed only by reveal() and to the application."""

    __slots__ = ()

    def __new__(cls, value):
        if type(value) is Secret:
            return value
        if not isinstance(value, str):
            raise TypeError(MESSAGES["not_text"].format(type=type(value).__name__))
        return str.__new__(cls, _register(str.__str__(value)))

    def reveal(self):
        """The value: for code that must compute with it. What is made from it is not secret; wrap it in secret() again."""
        value = _reveal(str.__str__(self))
        if value is None:
            raise ValueError(MESSAGES["unknown"])
        return value

    def __repr__(self):
        return str.__str__(self)

    def __format__(self, spec):
        if spec:
            raise TypeError(MESSAGES["hidden"].format(operation=f"format spec {spec!r}"))
        return str.__str__(self)

    def __eq__(self, other):
        if isinstance(other, Secret):
            return str.__eq__(self, other)
        if isinstance(other, str):
            raise TypeError(MESSAGES["compare"])
        return NotImplemented

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = str.__hash__

    def __bool__(self):
        return bool(self.reveal())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce_ex__(self, protocol):
        raise TypeError(MESSAGES["pickle"])


def _refused(name):
    def refuse(self, *args, **kwargs):
        raise TypeError(MESSAGES["hidden"].format(operation=name))
    refuse.__name__ = refuse.__qualname__ = name
    return refuse


# What would work on the placeholder's characters rather than the value's.
for _name in (
    "__getitem__", "__iter__", "__len__", "__contains__", "__mul__", "__rmul__", "__mod__", "__lt__", "__le__", "__gt__", "__ge__",
    "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map", "index",
    "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric", "isprintable", "isspace",
    "istitle", "isupper", "join", "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind",
    "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title",
    "translate", "upper", "zfill",
):
    if hasattr(str, _name):
        setattr(Secret, _name, _refused(_name))
del _name


def secret(value):
    """Marks a str as secret: secret(os_value), secret(f"{user}:{password.reveal()}"). A Secret is returned as it is."""
    return Secret(value)
