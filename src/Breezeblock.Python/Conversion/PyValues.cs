using System.Collections;
using System.Numerics;
using System.Runtime.CompilerServices;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// Converts between .NET values and Python objects at the reference level (the GIL is held).
/// Python → .NET: None → null, bool, int → long (BigInteger beyond 64 bits), float → double,
/// str → string, bytes → byte[], list → List&lt;object?&gt;, tuple → object?[],
/// dict → Dictionary&lt;object, object?&gt;, set/frozenset → HashSet&lt;object?&gt;,
/// decimal.Decimal → decimal, objects of a <see cref="PyClass"/> → the .NET object they wrap,
/// anything else → an owned <see cref="PyObject"/>.
/// .NET → Python: the reverse, plus every integer and float type, char, IList, IDictionary and
/// other IEnumerables (as list).
/// </summary>
internal static unsafe class PyValues
{
    /// <summary>Nesting limit for containers, which also stops cyclic structures.</summary>
    public const int MaxDepth = 1000;

    /// <summary>New reference to the Python value of <paramref name="value"/>.</summary>
    public static nint FromManaged(object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                return CApi.NewRef(CApi.Py_None);
            case PyObject python:
                return CApi.NewRef(python.Handle);
            case string text:
                return PyStrings.FromString(text);
            case bool flag:
                return CApi.NewRef(flag ? CApi.Py_True : CApi.Py_False);
            case int number:
                return Check.NotNull(CApi.PyLong_FromLongLong(number));
            case long number:
                return Check.NotNull(CApi.PyLong_FromLongLong(number));
            case double number:
                return Check.NotNull(CApi.PyFloat_FromDouble(number));
            case float number:
                return Check.NotNull(CApi.PyFloat_FromDouble(number));
            case short or sbyte or byte or ushort or uint:
                return Check.NotNull(CApi.PyLong_FromLongLong(Convert.ToInt64(value, null)));
            case ulong number:
                return Check.NotNull(CApi.PyLong_FromUnsignedLongLong(number));
            case nint number:
                return Check.NotNull(CApi.PyLong_FromLongLong(number));
            case nuint number:
                return Check.NotNull(CApi.PyLong_FromUnsignedLongLong(number));
            case BigInteger number:
                return PyNumbers.FromBigInteger(number);
            case decimal number:
                return PyNumbers.FromDecimal(number);
            case Half number:
                return Check.NotNull(CApi.PyFloat_FromDouble((double)number));
            case char character:
                return PyStrings.FromChars([character]);
            case byte[] bytes:
                return FromBytes(bytes);
            case ReadOnlyMemory<byte> memory:
                return FromBytes(memory.Span);
            case Memory<byte> memory:
                return FromBytes(memory.Span);
        }
        if (PyClassRegistry.TryWrap(value, out var wrapped))
        {
            return wrapped;
        }
        if (depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw TooDeep("Python");
        }
        return value switch
        {
            Array array => FromArray(array, depth + 1),
            IDictionary dictionary => FromDictionary(dictionary, depth + 1),
            ISet<object?> or ISet<string> or ISet<long> or ISet<int> or IReadOnlySet<object?> or IReadOnlySet<string> or IReadOnlySet<long> or IReadOnlySet<int>
                => FromSet((IEnumerable)value, depth + 1),
            IEnumerable sequence => FromSequence(sequence, depth + 1),
            _ => throw new NotSupportedException($"a .NET {value.GetType().Name} cannot be converted to Python; register its type as a Python class or pass a supported value"),
        };
    }

    /// <summary>The .NET value of a Python object (borrowed reference).</summary>
    public static object? ToManaged(nint o, int depth = 0)
    {
        if (o == CApi.Py_None)
        {
            return null;
        }
        var type = CApi.Py_TYPE(o);
        if (type == CApi.PyUnicode_Type)
        {
            return t_strings is { } strings ? SharedString(strings, o) : PyStrings.ToString(o);
        }
        if (type == CApi.PyBool_Type)
        {
            return o == CApi.Py_True;
        }
        if (type == CApi.PyLong_Type)
        {
            return PyNumbers.ToInteger(o);
        }
        if (type == CApi.PyFloat_Type)
        {
            return CApi.PyFloat_AsDouble(o);
        }
        if (PyClassRegistry.TryUnwrap(o, out var target))
        {
            return target;
        }
        if (depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw TooDeep(".NET");
        }
        if (type == CApi.PyList_Type || type == CApi.PyTuple_Type || type == CApi.PyDict_Type)
        {
            return ToContainer(o, type, depth);
        }
        // Subclasses of dict, list and tuple (OrderedDict, namedtuple, read-only results) are common:
        // CPython marks them in the type's flags, which is one call instead of several subtype checks.
        var flags = CApi.PyType_GetFlags(type);
        if ((flags & CApi.Py_TPFLAGS_DICT_SUBCLASS) != 0)
        {
            return ToContainer(o, CApi.PyDict_Type, depth);
        }
        if ((flags & CApi.Py_TPFLAGS_LIST_SUBCLASS) != 0)
        {
            return ToContainer(o, CApi.PyList_Type, depth);
        }
        if ((flags & CApi.Py_TPFLAGS_TUPLE_SUBCLASS) != 0)
        {
            return ToContainer(o, CApi.PyTuple_Type, depth);
        }
        if (type == CApi.PyBytes_Type)
        {
            return ToBytes(o);
        }
        if (type == CApi.PySet_Type || type == CApi.PyFrozenSet_Type)
        {
            return ToSet(o, depth + 1);
        }
        if (PyNumbers.IsDecimal(o))
        {
            return PyNumbers.ToDecimal(o);
        }
        // Subclasses (IntEnum, OrderedDict, namedtuple, str enums) convert as their base type.
        if (CApi.IsInstanceOf(o, CApi.PyLong_Type))
        {
            return PyNumbers.ToInteger(o);
        }
        if (CApi.IsInstanceOf(o, CApi.PyFloat_Type))
        {
            return CApi.PyFloat_AsDouble(o);
        }
        if (CApi.IsInstanceOf(o, CApi.PyUnicode_Type))
        {
            return PyStrings.ToString(o);
        }
        foreach (var container in (ReadOnlySpan<nint>)[CApi.PyDict_Type, CApi.PyList_Type, CApi.PyTuple_Type])
        {
            if (CApi.IsInstanceOf(o, container))
            {
                return ToContainer(o, container, depth);
            }
        }
        return PyObject.Borrow(o);
    }

    // While a container converts, a str object it holds more than once (the keys of a list of dicts,
    // a name used as a key and as a value) becomes one .NET string: the container keeps its items
    // alive throughout, so an address names one object. The table is kept for the thread's next one.
    [ThreadStatic] private static Dictionary<nint, string>? t_strings;
    [ThreadStatic] private static Dictionary<nint, string>? t_spareStrings;

    private static string SharedString(Dictionary<nint, string> strings, nint o)
    {
        if (!strings.TryGetValue(o, out var text))
        {
            text = PyStrings.ToString(o);
            strings[o] = text;
        }
        return text;
    }

    private static object ToContainer(nint o, nint kind, int depth)
    {
        if (t_strings is not null)
        {
            return ToContainerItems(o, kind, depth);
        }
        var strings = t_spareStrings ?? new Dictionary<nint, string>();
        t_spareStrings = null;
        t_strings = strings;
        try
        {
            return ToContainerItems(o, kind, depth);
        }
        finally
        {
            t_strings = null;
            if (strings.Count <= 1024) // a large table is let go rather than held by the thread
            {
                strings.Clear();
                t_spareStrings = strings;
            }
        }
    }

    private static object ToContainerItems(nint o, nint kind, int depth)
    {
        if (kind == CApi.PyList_Type)
        {
            var count = CApi.PyList_Size(o);
            var list = new List<object?>((int)count);
            for (nint i = 0; i < count; i++)
            {
                list.Add(ToManaged(CApi.PyList_GetItem(o, i), depth + 1));
            }
            return list;
        }
        if (kind == CApi.PyTuple_Type)
        {
            var count = CApi.PyTuple_Size(o);
            var items = new object?[count];
            for (nint i = 0; i < count; i++)
            {
                items[i] = ToManaged(CApi.PyTuple_GetItem(o, i), depth + 1);
            }
            return items;
        }
        var dictionary = new Dictionary<object, object?>((int)CApi.PyDict_Size(o));
        nint position = 0, key, value;
        while (CApi.PyDict_Next(o, &position, &key, &value) != 0)
        {
            var managedKey = ToManaged(key, depth + 1)
                ?? throw new InvalidCastException("a dict with the key None cannot become a .NET dictionary");
            dictionary[managedKey] = ToManaged(value, depth + 1);
        }
        return dictionary;
    }

    private static HashSet<object?> ToSet(nint o, int depth)
    {
        var set = new HashSet<object?>();
        var iterator = Check.NotNull(CApi.PyObject_GetIter(o));
        try
        {
            nint item;
            while ((item = CApi.PyIter_Next(iterator)) != 0)
            {
                try
                {
                    set.Add(ToManaged(item, depth));
                }
                finally
                {
                    CApi.Py_DecRef(item);
                }
            }
            Check.NoError();
            return set;
        }
        finally
        {
            CApi.Py_DecRef(iterator);
        }
    }

    private static byte[] ToBytes(nint o)
    {
        byte* buffer;
        nint length;
        Check.Status(CApi.PyBytes_AsStringAndSize(o, &buffer, &length));
        return new ReadOnlySpan<byte>(buffer, (int)length).ToArray();
    }

    private static nint FromBytes(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* p = bytes)
        {
            return Check.NotNull(CApi.PyBytes_FromStringAndSize(p, bytes.Length));
        }
    }

    // Containers release what they built with finally and a flag, not catch-and-rethrow: a rethrow per
    // nesting level makes exception dispatch itself recurse, which deep values would overflow.
    private static nint FromArray(Array array, int depth)
    {
        var tuple = Check.NotNull(CApi.PyTuple_New(array.Length)); // an array's length is what it holds
        var complete = false;
        try
        {
            var index = 0;
            foreach (var item in array)
            {
                Check.Status(CApi.PyTuple_SetItem(tuple, index++, FromManaged(item, depth))); // steals, even when it fails
            }
            complete = true;
            return tuple;
        }
        finally
        {
            ReleaseUnless(complete, tuple);
        }
    }

    private static nint FromSequence(IEnumerable sequence, int depth)
    {
        switch (sequence)
        {
            case IReadOnlyList<long> numbers:
                return FromList(numbers, static n => CApi.PyLong_FromLongLong(n));
            case IReadOnlyList<int> numbers:
                return FromList(numbers, static n => CApi.PyLong_FromLongLong(n));
            case IReadOnlyList<double> numbers:
                return FromList(numbers, static n => CApi.PyFloat_FromDouble(n));
            case IReadOnlyList<string> texts:
                return FromList(texts, static t => t is null ? CApi.NewRef(CApi.Py_None) : PyStrings.FromString(t));
        }
        var list = new ListBuilder(sequence is ICollection collection ? collection.Count : 0);
        try
        {
            foreach (var item in sequence)
            {
                list.Add(FromManaged(item, depth));
            }
            return list.Finish();
        }
        finally
        {
            list.Dispose();
        }
    }

    // Typed lists convert without boxing each item; enumerated, not indexed, so a list that changes meanwhile throws rather than misleads.
    private static nint FromList<T>(IReadOnlyList<T> items, Func<T, nint> convert)
    {
        var list = new ListBuilder(items.Count);
        try
        {
            foreach (var item in items)
            {
                list.Add(Check.NotNull(convert(item)));
            }
            return list.Finish();
        }
        finally
        {
            list.Dispose();
        }
    }

    /// <summary>
    /// Builds a Python list from items counted beforehand, trusting the count only as a size hint: a
    /// collection being written to meanwhile (a ConcurrentQueue) may give fewer items, which leaves no
    /// empty slots, or more, which are appended; every store is checked.
    /// </summary>
    private ref struct ListBuilder
    {
        private readonly int _capacity;
        private nint _list;
        private int _count;

        public ListBuilder(int capacity)
        {
            _capacity = Math.Max(0, capacity);
            _list = Check.NotNull(CApi.PyList_New(_capacity));
        }

        /// <summary>Adds an item, taking its reference (released on failure too).</summary>
        public void Add(nint item)
        {
            if (_count < _capacity)
            {
                Check.Status(CApi.PyList_SetItem(_list, _count, item)); // steals, even when it fails
            }
            else
            {
                var status = CApi.PyList_Append(_list, item);
                CApi.Py_DecRef(item);
                Check.Status(status);
            }
            _count++;
        }

        /// <summary>The list, its unfilled slots cut off; the builder no longer owns it.</summary>
        public nint Finish()
        {
            if (_count < _capacity)
            {
                Check.Status(CApi.PyList_SetSlice(_list, _count, _capacity, 0)); // empty slots are NULL, which deleting them tolerates
            }
            var list = _list;
            _list = 0;
            return list;
        }

        /// <summary>Releases the list unless <see cref="Finish"/> handed it over.</summary>
        public void Dispose()
        {
            ReleaseUnless(false, _list);
            _list = 0;
        }
    }

    private static nint FromDictionary(IDictionary dictionary, int depth)
    {
        var result = Check.NotNull(CApi.PyDict_New());
        var complete = false;
        try
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                var key = FromManaged(entry.Key, depth);
                nint element = 0;
                var status = -1;
                try
                {
                    element = FromManaged(entry.Value, depth);
                    status = CApi.PyDict_SetItem(result, key, element);
                }
                finally
                {
                    CApi.Py_DecRef(key);
                    ReleaseUnless(false, element);
                }
                Check.Status(status);
            }
            complete = true;
            return result;
        }
        finally
        {
            ReleaseUnless(complete, result);
        }
    }

    private static nint FromSet(IEnumerable items, int depth)
    {
        var set = Check.NotNull(CApi.PySet_New(0));
        var complete = false;
        try
        {
            foreach (var item in items)
            {
                var element = FromManaged(item, depth);
                var status = CApi.PySet_Add(set, element);
                CApi.Py_DecRef(element);
                Check.Status(status);
            }
            complete = true;
            return set;
        }
        finally
        {
            ReleaseUnless(complete, set);
        }
    }

    private static void ReleaseUnless(bool keep, nint reference)
    {
        if (!keep && reference != 0)
        {
            CApi.Py_DecRef(reference);
        }
    }

    private static InvalidOperationException TooDeep(string target) =>
        new($"a value nested too deeply (over {MaxDepth} levels, or a cyclic structure) cannot be converted to {target}");

    /// <summary>An <see cref="InvalidCastException"/> saying what was expected and what came (Python shows it as TypeError).</summary>
    public static InvalidCastException WrongType(string expected, nint actual) =>
        new($"expected {expected}, got {TypeNameOf(actual)}");

    /// <summary>The short type name of an object, as Python's own messages show it (<c>str</c>, <c>Config</c>).</summary>
    public static string TypeNameOf(nint o)
    {
        fixed (byte* name = "__name__"u8)
        {
            var text = CApi.PyObject_GetAttrString(CApi.Py_TYPE(o), name);
            if (text == 0)
            {
                CApi.PyErr_Clear();
                return "object";
            }
            try
            {
                return PyStrings.ToString(text);
            }
            finally
            {
                CApi.Py_DecRef(text);
            }
        }
    }

    /// <summary><c>repr(o)</c>, or a placeholder when repr itself fails.</summary>
    public static string Repr(nint o)
    {
        var text = CApi.PyObject_Repr(o);
        if (text == 0)
        {
            CApi.PyErr_Clear();
            return $"<{TypeNameOf(o)} object>";
        }
        try
        {
            return PyStrings.ToString(text);
        }
        finally
        {
            CApi.Py_DecRef(text);
        }
    }

    /// <summary><c>str(o)</c>.</summary>
    public static string Str(nint o)
    {
        var text = Check.NotNull(CApi.PyObject_Str(o));
        try
        {
            return PyStrings.ToString(text);
        }
        finally
        {
            CApi.Py_DecRef(text);
        }
    }
}
