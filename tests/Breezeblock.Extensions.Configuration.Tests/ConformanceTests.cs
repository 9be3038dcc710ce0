using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>
/// The framework's provider conformance ideas (runtime's ConfigurationProviderTestBase): its reference
/// tree written as Python configs, read alone and merged with another provider either way round,
/// case-insensitively, with nulls, arrays, children, binding, and optional and required folders.
/// </summary>
[Trait("Category", "Smoke")]
public sealed class ConformanceTests
{
    private const string Header = "from breezeblock import configure\n\n";

    private static string Tree(string value1, string value12, string value123, string[] array, string value344) => Header + $$$"""
        @configure
        def Key1():
            return {{{value1}}}

        @configure
        def Section1():
            return {"Key2": {{{value12}}}, "Section2": {"Key3": {{{value123}}}, "Key3a": [{{{string.Join(", ", array)}}}]}}

        @configure
        def Section3():
            return {"Section4": {"Key4": {{{value344}}}}}
        """;

    private static readonly string TestConfig = Tree("'Value1'", "'Value12'", "'Value123'", ["'ArrayValue0'", "'ArrayValue1'", "'ArrayValue2'"], "'Value344'");

    private static readonly string NullsConfig = Tree("None", "None", "None", ["None", "None", "None"], "None");

    private static IConfigurationRoot Build(params Action<IConfigurationBuilder>[] sources)
    {
        var builder = new ConfigurationBuilder();
        foreach (var add in sources)
        {
            add(builder);
        }
        return builder.Build();
    }

    private static Action<IConfigurationBuilder> Python(TempFolder folder) => b => b.AddPythonConfig(folder.Path);

    private static Action<IConfigurationBuilder> Memory(params (string Key, string? Value)[] values) =>
        b => b.Add(new MemoryConfigurationSource { InitialData = values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)) });

    private static void AssertTree(IConfigurationRoot config, bool nulls = false)
    {
        string? V(string value) => nulls ? null : value;
        Assert.Equal(V("Value1"), config["Key1"]);
        Assert.Equal(V("Value12"), config["Section1:Key2"]);
        Assert.Equal(V("Value123"), config["section1:section2:key3"]);
        Assert.Equal(V("ArrayValue2"), config["Section1:Section2:Key3a:2"]);
        Assert.Equal(V("Value344"), config.GetSection("Section3").GetSection("Section4")["Key4"]);
        var section2 = config.GetSection("Section1:Section2");
        Assert.Equal(("Section1:Section2", null), (section2.Path, section2.Value));
        Assert.Equal(["Key1", "Section1", "Section3"], config.GetChildren().Select(c => c.Key), StringComparer.OrdinalIgnoreCase); // each provider keeps its spelling
        Assert.Equal(["Key2", "Section2"], config.GetSection("Section1").GetChildren().Select(c => c.Key), StringComparer.OrdinalIgnoreCase);
        Assert.Equal(["0", "1", "2"], section2.GetSection("Key3a").GetChildren().Select(c => c.Key));
        Assert.Equal(["Section1:Section2:Key3a:0", "Section1:Section2:Key3a:1", "Section1:Section2:Key3a:2"], section2.GetSection("Key3a").GetChildren().Select(c => c.Path));
    }

    [Fact]
    public void The_reference_tree_loads_from_python_configs()
    {
        using var folder = new TempFolder(("tree.py", TestConfig));
        AssertTree(Build(Python(folder)));
    }

    [Fact]
    public void None_is_a_key_with_a_null_value()
    {
        using var folder = new TempFolder(("tree.py", NullsConfig));
        var config = Build(Python(folder));
        AssertTree(config, nulls: true);
        Assert.Contains(config.AsEnumerable(), p => p.Key == "Key1" && p.Value is null); // the key is there, with no value
        Assert.False(config.GetSection("Key1").Exists()); // and so, as for every provider, its section does not "exist": no value, no children
        Assert.Null(config["Key1"]);
    }

    [Fact]
    public void The_debug_view_shows_the_keys_and_names_the_provider()
    {
        using var folder = new TempFolder(("tree.py", TestConfig));
        var config = Build(Python(folder));
        var tag = config.Providers.Single().ToString();
        Assert.Equal($"PythonConfigurationProvider for '{folder.Path}' (Required)", tag);
        Assert.Equal($"""
            Key1=Value1 ({tag})
            Section1:
              Key2=Value12 ({tag})
              Section2:
                Key3=Value123 ({tag})
                Key3a:
                  0=ArrayValue0 ({tag})
                  1=ArrayValue1 ({tag})
                  2=ArrayValue2 ({tag})
            Section3:
              Section4:
                Key4=Value344 ({tag})

            """, config.GetDebugView());
    }

    [Fact]
    public void It_merges_with_other_providers_either_way_round_case_insensitively()
    {
        using var withoutSection4 = new TempFolder(("tree.py", Header + "@configure\ndef Key1():\n    return 'Value1'\n\n@configure\ndef Section1():\n    return {'Key2': 'Value12', 'Section2': {'Key3': 'Value123', 'Key3a': ['ArrayValue0', 'ArrayValue1', 'ArrayValue2']}}\n"));
        var section4 = Memory(("SECTION3:section4:KEY4", "Value344"));
        AssertTree(Build(section4, Python(withoutSection4)));
        AssertTree(Build(Python(withoutSection4), section4));

        using var full = new TempFolder(("tree.py", TestConfig));
        var overridden = Build(Memory(("Key1", "from memory"), ("Section1:Key2", "from memory")), Python(full));
        Assert.Equal(("Value1", "Value12"), (overridden["Key1"], overridden["Section1:Key2"]));
        var overriding = Build(Python(full), Memory(("key1", "from memory")));
        Assert.Equal("from memory", overriding["Key1"]);
    }

    [Fact]
    public void Keys_that_differ_only_by_case_are_a_load_error_naming_both_and_the_config()
    {
        using var folder = new TempFolder(("web.py", Header + "@configure\ndef web():\n    return {'Port': 1, 'port': 2}\n"));
        var error = Assert.Throws<FormatException>(() => Build(Python(folder)));
        Assert.Equal("config 'web' gives keys that differ only by case, which IConfiguration cannot tell apart: web:Port and web:port", error.Message);
    }

    [Fact]
    public void A_config_defined_twice_is_a_format_exception_as_duplicate_keys_are_for_the_frameworks_providers()
    {
        using var folder = new TempFolder(("a.py", Header + "@configure\ndef web():\n    return 1\n"), ("b.py", Header + "@configure\ndef web():\n    return 2\n"));
        var error = Assert.Throws<FormatException>(() => Build(Python(folder)));
        var inner = Assert.IsType<ConfigException>(error.InnerException);
        Assert.Equal((ConfigErrorKind.DuplicateName, "b.py:4"), (inner.Kind, inner.Location?.ToString()));
        Assert.Equal(inner.Message, error.Message);
    }

    [Fact]
    public void Values_bind_to_objects_and_are_written_invariantly()
    {
        using var folder = new TempFolder(("tree.py", TestConfig + """


            @configure
            def Numbers():
                return {"Ratio": 1.5, "Big": 2 ** 70, "Flag": True, "Count": 3, "Empty": {}, "Nothing": []}
            """));
        var config = Build(Python(folder));
        var options = config.Get<TreeOptions>()!;
        Assert.Equal(("Value1", "Value12", "Value123", "Value344"), (options.Key1, options.Section1.Key2, options.Section1.Section2.Key3, options.Section3.Section4.Key4));
        Assert.Equal(["ArrayValue0", "ArrayValue1", "ArrayValue2"], options.Section1.Section2.Key3a);
        Assert.Equal(("1.5", "1180591620717411303424", "true", "3"), (config["Numbers:Ratio"], config["Numbers:Big"], config["Numbers:Flag"], config["Numbers:Count"]));
        Assert.Contains(config.AsEnumerable(), p => p.Key == "Numbers:Empty" && p.Value is null);
        Assert.Equal((1.5, true), (config.GetValue<double>("Numbers:Ratio"), config.GetValue<bool>("Numbers:Flag")));
    }

    [Fact]
    public void An_optional_folder_may_be_missing_and_a_required_one_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"breezeblock-missing-{Guid.NewGuid():N}");
        Assert.Empty(Build(b => b.AddPythonConfig(missing, optional: true)).AsEnumerable());
        var error = Assert.Throws<DirectoryNotFoundException>(() => Build(b => b.AddPythonConfig(missing)));
        Assert.Equal($"the Python configuration folder '{missing}' was not found and is not optional (looked for {missing})", error.Message);
    }

    [Fact]
    public void A_relative_folder_is_found_from_the_builders_base_path()
    {
        using var folder = new TempFolder(("configs/tree.py", TestConfig));
        AssertTree(Build(b => b.SetBasePath(folder.Path).AddPythonConfig("configs")));
    }

    [Fact]
    public void Errors_in_the_configs_throw_at_startup_unless_the_hook_ignores_them()
    {
        using var folder = new TempFolder(("web.py", Header + "@configure\ndef web():\n    return 1 / 0\n"));
        var error = Assert.Throws<ConfigException>(() => Build(Python(folder)));
        Assert.Equal("web.py:5", error.Location?.ToString());
        PythonLoadExceptionContext? seen = null;
        var config = Build(b => b.AddPythonConfig(source =>
        {
            source.Path = folder.Path;
            source.OnLoadException = context =>
            {
                seen = context;
                context.Ignore = true;
            };
        }));
        Assert.Empty(config.AsEnumerable());
        Assert.Equal((false, "web.py:5"), (seen!.Reload, ((ConfigException)seen.Exception).Location?.ToString()));
    }

    [Fact]
    public void A_config_holding_a_function_is_left_out_and_the_others_load()
    {
        using var folder = new TempFolder(("app.py", Header + "@configure\ndef handler():\n    return lambda request: request\n\n@configure\ndef port():\n    return 80\n"));
        var config = Build(Python(folder));
        Assert.Equal([new KeyValuePair<string, string?>("port", "80")], config.AsEnumerable());
        var provider = (PythonConfigurationProvider)config.Providers.Single();
        Assert.Equal("HANDLED", provider.Result!.Get<Func<string, string>>("handler")("HANDLED"));
    }

    public sealed class TreeOptions
    {
        public string Key1 { get; set; } = "";
        public Section1Options Section1 { get; set; } = new();
        public Section3Options Section3 { get; set; } = new();
    }

    public sealed class Section1Options
    {
        public string Key2 { get; set; } = "";
        public Section2Options Section2 { get; set; } = new();
    }

    public sealed class Section2Options
    {
        public string Key3 { get; set; } = "";
        public string[] Key3a { get; set; } = [];
    }

    public sealed class Section3Options
    {
        public Section4Options Section4 { get; set; } = new();
    }

    public sealed class Section4Options
    {
        public string Key4 { get; set; } = "";
    }
}
