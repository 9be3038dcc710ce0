namespace Breezeblock.Python.Tests;

[Trait("Category", "Smoke")]
public sealed class ClassTests(PythonFixture python)
{
    private PythonRuntime Runtime => python.Runtime;

    private sealed class Point
    {
        public long X { get; set; }
        public long Y { get; set; }
        public List<long> Tags { get; } = [];
    }

    private sealed class Bag
    {
        public List<object?> Items { get; } = [];
    }

    private static readonly Lazy<(PyClass Point, PyClass Bag)> Classes = new(() => (CreatePoint(), CreateBag()));

    private static PyClass CreatePoint()
    {
        var definition = new PyClassDefinition("Point", typeof(Point))
        {
            Module = "geometry",
            Doc = "A point.",
            Constructor = args =>
            {
                var point = new Point();
                for (var i = 0; i < args.KeywordCount; i++)
                {
                    var value = args.KeywordValue(i).AsInt64();
                    switch (args.KeywordName(i))
                    {
                        case "x": point.X = value; break;
                        case "y": point.Y = value; break;
                        default: throw PythonErrorException.TypeError($"Point() got an unexpected keyword argument '{args.KeywordName(i)}'");
                    }
                }
                return point;
            },
            Repr = target => $"Point(x={((Point)target).X}, y={((Point)target).Y})",
            Equality = (a, b) => ((Point)a).X == ((Point)b).X && ((Point)a).Y == ((Point)b).Y,
            MissingAttribute = (_, name, setting) => $"Point has no attribute '{name}'{(setting ? " to set" : "")}",
        };
        definition.Properties.Add(new PyClassProperty("x", t => ((Point)t).X, (t, v) => ((Point)t).X = v.AsInt64()));
        definition.Properties.Add(new PyClassProperty("y", t => ((Point)t).Y, (t, v) => ((Point)t).Y = v.AsInt64()));
        definition.Methods.Add(new PyClassMethod("moved", (t, args) => new Point { X = ((Point)t).X + args[0].AsInt64(), Y = ((Point)t).Y }));
        return PyClass.Create(definition);
    }

    private static PyClass CreateBag()
    {
        var definition = new PyClassDefinition("Bag", typeof(Bag))
        {
            Constructor = _ => new Bag(),
            Length = t => ((Bag)t).Items.Count,
            GetItem = (t, key) => ((Bag)t).Items[(int)key.AsInt64()],
            SetItem = (t, key, value) => ((Bag)t).Items[(int)key.AsInt64()] = value.AsManaged(),
            DeleteItem = (t, key) =>
            {
                var items = ((Bag)t).Items;
                var index = (int)key.AsInt64();
                if (index >= items.Count)
                {
                    return false;
                }
                items.RemoveAt(index);
                return true;
            },
            Contains = (t, item) => ((Bag)t).Items.Contains(item.AsManaged()),
            Iterate = t => ((Bag)t).Items,
        };
        definition.Methods.Add(new PyClassMethod("append", (t, args) =>
        {
            ((Bag)t).Items.Add(args[0].AsManaged());
            return null;
        }));
        return PyClass.Create(definition);
    }

    private PyObject Globals()
    {
        var (point, bag) = Classes.Value;
        var globals = Runtime.CreateGlobals();
        globals.SetItem("Point", point.Type);
        globals.SetItem("Bag", bag.Type);
        return globals;
    }

    [Fact]
    public void The_class_name_outlives_garbage_collection_in_attribute_errors()
    {
        var definition = new PyClassDefinition("Sturdy", typeof(Bag)) { Module = "names", Constructor = _ => new Bag() };
        using var gil = Runtime.Acquire();
        var sturdy = PyClass.Create(definition);
        for (var i = 0; i < 5; i++) // move and reuse what was managed memory when the type was made
        {
            GC.KeepAlive(Enumerable.Range(0, 20_000).Select(n => new byte[64]).ToList());
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        using var globals = Runtime.Execute("def miss(cls):\n    try:\n        cls.missing\n    except AttributeError as e:\n        return str(e)\n");
        using var miss = globals.GetItem("miss");
        using var message = miss.Call(sturdy.Type);
        Assert.Equal("type object 'names.Sturdy' has no attribute 'missing'", message.As<string>());
    }

    [Fact]
    public void Python_constructs_reads_and_writes_dotnet_objects()
    {
        using var _ = Runtime.Acquire();
        using var globals = Globals();
        Runtime.Execute("p = Point(x=1, y=2)\np.x += 10\nsummary = (p.x, p.y, repr(p), Point.__name__, Point.__module__, Point.__doc__)", "<p>", globals).Dispose();
        using var p = globals.GetItem("p");
        var point = Assert.IsType<Point>(p.ToManaged());
        Assert.Equal((11, 2), (point.X, point.Y));
        Assert.Equal(new object?[] { 11L, 2L, "Point(x=11, y=2)", "Point", "geometry", "A point." }, globals.GetItem("summary").ToManaged());
    }

    [Fact]
    public void Dotnet_objects_of_a_class_convert_to_instances_and_back()
    {
        using var gil = Runtime.Acquire();
        Assert.NotNull(Classes.Value.Point);
        var point = new Point { X = 5 };
        using var wrapped = PyObject.From(point);
        Assert.Equal("Point", wrapped.TypeName);
        Assert.Same(point, wrapped.ToManaged());
        wrapped.SetAttr("y", 7);
        Assert.Equal(7, point.Y);
    }

    [Fact]
    public void Equality_compares_values_and_makes_instances_unhashable()
    {
        using var _ = Runtime.Acquire();
        using var globals = Globals();
        Runtime.Execute("""
            same = Point(x=1, y=2) == Point(x=1, y=2)
            different = Point(x=1, y=2) != Point(x=2, y=2)
            other = Point(x=1) == 1
            try:
                hash(Point())
                hashable = True
            except TypeError:
                hashable = False
            """, "<eq>", globals).Dispose();
        Assert.Equal(new object?[] { true, true, false, false }, new[] { "same", "different", "other", "hashable" }.Select(n => globals.GetItem(n).ToManaged()));
    }

    [Fact]
    public void Unknown_attributes_raise_the_classes_own_message()
    {
        using var _ = Runtime.Acquire();
        using var globals = Globals();
        Runtime.Execute("""
            messages = []
            p = Point()
            for action in (lambda: p.z, lambda: setattr(p, 'z', 1), lambda: Point(z=1), lambda: setattr(p, 'x', 'text'), lambda: delattr(p, 'x')):
                try:
                    action()
                except Exception as e:
                    messages.append(f"{type(e).__name__}: {e}")
            """, "<attrs>", globals).Dispose();
        Assert.Equal(
            new List<object?>
            {
                "AttributeError: Point has no attribute 'z'",
                "AttributeError: Point has no attribute 'z' to set",
                "TypeError: Point() got an unexpected keyword argument 'z'",
                "TypeError: expected int, got str",
                "AttributeError: cannot delete attribute 'x' of 'Point' objects",
            },
            globals.GetItem("messages").ToManaged());
    }

    [Fact]
    public void Methods_receive_the_instance()
    {
        using var _ = Runtime.Acquire();
        using var globals = Globals();
        using var moved = Runtime.Evaluate("Point(x=1, y=2).moved(5)", globals);
        var point = Assert.IsType<Point>(moved.ToManaged());
        Assert.Equal((6, 2), (point.X, point.Y));
    }

    [Fact]
    public void Container_protocols_reach_the_dotnet_collection()
    {
        using var _ = Runtime.Acquire();
        using var globals = Globals();
        Runtime.Execute("""
            b = Bag()
            b.append(1)
            b.append('two')
            b.append(3)
            b[0] = 10
            del b[1]
            result = (len(b), b[0], 3 in b, 'two' in b, list(b), bool(Bag()))
            try:
                del b[5]
            except KeyError as e:
                missing = str(e)
            """, "<bag>", globals).Dispose();
        var bag = Assert.IsType<Bag>(globals.GetItem("b").ToManaged());
        Assert.Equal(new List<object?> { 10L, 3L }, bag.Items);
        Assert.Equal(new object?[] { 2L, 10L, true, false, new List<object?> { 10L, 3L }, false }, globals.GetItem("result").ToManaged());
        Assert.Equal("'5'", globals.GetItem("missing").As<string>());
    }
}
