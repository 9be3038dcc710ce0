using System.Numerics;
using Breezeblock.Python.Native;

namespace Breezeblock.Python;

/// <summary>
/// A Python value lent to .NET code for the duration of a callback (a borrowed reference). It cannot
/// be stored; <see cref="ToPyObject"/> makes an owned reference when the value must be kept.
/// Conversions throw <see cref="InvalidCastException"/> naming the expected and the actual type,
/// which reaches Python as <c>TypeError</c>.
/// </summary>
public readonly unsafe ref struct PyArgument
{
    internal readonly nint Handle;

    internal PyArgument(nint handle) => Handle = handle;

    /// <summary>True for <c>None</c>.</summary>
    public bool IsNone => Handle == CApi.Py_None;

    /// <summary>The object's identity, as Python's <c>id()</c>: the same for the same object while it is alive (an address may be reused after).</summary>
    public nint Identity => Handle;

    /// <summary>True for <c>bool</c>.</summary>
    public bool IsBool => CApi.Py_TYPE(Handle) == CApi.PyBool_Type;

    /// <summary>True for <c>int</c> and its subclasses other than bool.</summary>
    public bool IsInt => !IsBool && CApi.IsInstanceOf(Handle, CApi.PyLong_Type);

    /// <summary>True for <c>float</c>.</summary>
    public bool IsFloat => CApi.IsInstanceOf(Handle, CApi.PyFloat_Type);

    /// <summary>True for <c>str</c>.</summary>
    public bool IsStr => CApi.IsInstanceOf(Handle, CApi.PyUnicode_Type);

    /// <summary>True for <c>list</c>.</summary>
    public bool IsList => CApi.IsInstanceOf(Handle, CApi.PyList_Type);

    /// <summary>True for <c>tuple</c>.</summary>
    public bool IsTuple => CApi.IsInstanceOf(Handle, CApi.PyTuple_Type);

    /// <summary>True for <c>dict</c>.</summary>
    public bool IsDict => CApi.IsInstanceOf(Handle, CApi.PyDict_Type);

    /// <summary>True when the object's type is exactly <paramref name="type"/> (a class object).</summary>
    public bool IsExactly(PyObject type) => CApi.Py_TYPE(Handle) == type.Handle;

    /// <summary>True for anything callable.</summary>
    public bool IsCallable => CApi.PyCallable_Check(Handle) != 0;

    /// <summary>The type's name as Python's messages show it (<c>str</c>, <c>Config</c>).</summary>
    public string TypeName => PyValues.TypeNameOf(Handle);

    /// <summary>An int that fits in 64 bits.</summary>
    public long AsInt64() => PyNumbers.ToInt64(Handle);

    /// <summary>The value of an int (not a bool) that fits in 64 bits; false for anything else, without an exception.</summary>
    public unsafe bool TryAsInt64(out long value)
    {
        value = 0;
        if (!IsInt)
        {
            return false;
        }
        int overflow;
        value = CApi.PyLong_AsLongLongAndOverflow(Handle, &overflow);
        if (overflow != 0 || (value == -1 && CApi.PyErr_Occurred() != 0))
        {
            CApi.PyErr_Clear();
            value = 0;
            return false;
        }
        return true;
    }

    /// <summary>
    /// A str's text as UTF-8, read in place (valid while the str is alive); false for anything else,
    /// and for a str holding a lone surrogate, which UTF-8 cannot hold.
    /// </summary>
    public bool TryGetUtf8(out ReadOnlySpan<byte> utf8)
    {
        if (!IsStr)
        {
            utf8 = default;
            return false;
        }
        return PyStrings.TryGetUtf8(Handle, out utf8);
    }

    /// <summary>An int of any size.</summary>
    public BigInteger AsBigInteger() => IsInt ? PyNumbers.ToBigInteger(Handle) : throw PyValues.WrongType("int", Handle);

    /// <summary>A float, or an int.</summary>
    public double AsDouble() => IsBool ? throw PyValues.WrongType("float", Handle) : PyNumbers.ToDouble(Handle);

    /// <summary>A bool (not any truthy value).</summary>
    public bool AsBoolean() => IsBool ? Handle == CApi.Py_True : throw PyValues.WrongType("bool", Handle);

    /// <summary>A str.</summary>
    public string AsString() => IsStr ? PyStrings.ToString(Handle) : throw PyValues.WrongType("str", Handle);

    /// <summary>The general conversion (see <see cref="PyObject.ToManaged"/>).</summary>
    public object? AsManaged() => PyValues.ToManaged(Handle);

    /// <summary>The .NET object inside an instance of a <see cref="PyClass"/>.</summary>
    public bool TryGetWrapped(out object? target) => PyClassRegistry.TryUnwrap(Handle, out target);

    /// <summary>A new owned reference to the same object.</summary>
    public PyObject ToPyObject() => PyObject.Borrow(Handle);

    /// <summary><c>repr()</c> of the value.</summary>
    public string Repr() => PyValues.Repr(Handle);

    /// <summary>The items of a list or tuple, lent like the container.</summary>
    public SequenceItems Items => IsList || IsTuple ? new SequenceItems(Handle) : throw PyValues.WrongType("list", Handle);

    /// <summary>The entries of a dict, lent like the dict.</summary>
    public DictItems Entries => IsDict ? new DictItems(Handle) : throw PyValues.WrongType("dict", Handle);

    /// <summary>Enumerates a list or tuple without copying it.</summary>
    public readonly unsafe ref struct SequenceItems
    {
        private readonly nint _sequence;

        internal SequenceItems(nint sequence) => _sequence = sequence;

        /// <summary>How many items there are now.</summary>
        public int Count => (int)(CApi.Py_TYPE(_sequence) == CApi.PyTuple_Type || CApi.IsInstanceOf(_sequence, CApi.PyTuple_Type)
            ? CApi.PyTuple_Size(_sequence)
            : CApi.PyList_Size(_sequence));

        /// <summary>The item at <paramref name="index"/>, lent like the container.</summary>
        /// <exception cref="ArgumentOutOfRangeException">There is no item at <paramref name="index"/>.</exception>
        public PyArgument this[int index]
        {
            get
            {
                var isTuple = CApi.IsInstanceOf(_sequence, CApi.PyTuple_Type);
                var count = isTuple ? CApi.PyTuple_Size(_sequence) : CApi.PyList_Size(_sequence);
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                return new(isTuple ? CApi.PyTuple_GetItem(_sequence, index) : CApi.PyList_GetItem(_sequence, index));
            }
        }

        /// <summary>Starts the enumeration.</summary>
        public Enumerator GetEnumerator() => new(_sequence);

        /// <summary>Reads the items by index, so a list changed meanwhile is never read out of bounds.</summary>
        public unsafe ref struct Enumerator
        {
            private readonly nint _sequence;
            private readonly bool _isTuple;
            private nint _index;
            private nint _current;

            internal Enumerator(nint sequence)
            {
                _sequence = sequence;
                _isTuple = CApi.IsInstanceOf(sequence, CApi.PyTuple_Type);
                _index = -1;
                _current = 0;
            }

            /// <summary>The current item.</summary>
            public readonly PyArgument Current => new(_current);

            /// <summary>Advances to the next item.</summary>
            public bool MoveNext()
            {
                _index++;
                var count = _isTuple ? CApi.PyTuple_Size(_sequence) : CApi.PyList_Size(_sequence);
                if (_index >= count)
                {
                    return false;
                }
                _current = _isTuple ? CApi.PyTuple_GetItem(_sequence, _index) : CApi.PyList_GetItem(_sequence, _index);
                return true;
            }
        }
    }

    /// <summary>Enumerates a dict's entries.</summary>
    public readonly ref struct DictItems
    {
        private readonly nint _dict;

        internal DictItems(nint dict) => _dict = dict;

        /// <summary>Starts the enumeration.</summary>
        public Enumerator GetEnumerator() => new(_dict);

        /// <summary>Walks the dict with <c>PyDict_Next</c>.</summary>
        public unsafe ref struct Enumerator
        {
            private readonly nint _dict;
            private nint _position;
            private nint _key;
            private nint _value;

            internal Enumerator(nint dict) => _dict = dict;

            /// <summary>The current key.</summary>
            public readonly PyArgument Key => new(_key);

            /// <summary>The current value.</summary>
            public readonly PyArgument Value => new(_value);

            /// <summary>This enumerator, so that <c>foreach (var entry in arg.Entries)</c> reads <c>entry.Key</c>.</summary>
            public readonly Enumerator Current => this;

            /// <summary>Advances to the next entry.</summary>
            public bool MoveNext()
            {
                nint key, value;
                fixed (nint* position = &_position)
                {
                    if (CApi.PyDict_Next(_dict, position, &key, &value) == 0)
                    {
                        return false;
                    }
                }
                _key = key;
                _value = value;
                return true;
            }
        }
    }
}
