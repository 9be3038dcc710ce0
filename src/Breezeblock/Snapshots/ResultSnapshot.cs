namespace Breezeblock;

/// <summary>
/// A <see cref="ConfigResult"/> as plain JSON and back: names, values (losslessly, see
/// <see cref="PlainJson.Tag"/>), provenance, the evaluation report and warnings. The isolated worker
/// sends results to its host this way.
/// </summary>
internal static class ResultSnapshot
{
    private const string Format = "breezeblock-result/1";

    /// <summary>The snapshot; <paramref name="secrets"/> (placeholder → value) travel only between the processes of one program.</summary>
    public static string Write(ConfigResult result, Dictionary<string, object?> values, Dictionary<string, object?>? secrets)
    {
        var report = result.Report;
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["format"] = Format,
            ["names"] = result.Names.Cast<object?>().ToList(),
            ["values"] = PlainJson.Tag(values),
            ["provenance"] = result.Provenance.Values.Select(p => (object?)Provenance(p)).ToList(),
            ["report"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["ran"] = report.Ran.Cast<object?>().ToList(),
                ["reused"] = report.Reused.Cast<object?>().ToList(),
                ["replaced"] = report.Replaced.Cast<object?>().ToList(),
                ["changed"] = report.Changed.Cast<object?>().ToList(),
                ["modulesLoaded"] = report.ModulesLoaded.Cast<object?>().ToList(),
                ["modulesRemoved"] = report.ModulesRemoved.Cast<object?>().ToList(),
                ["checksPassed"] = report.ChecksPassed.Cast<object?>().ToList(),
                ["durations"] = report.Durations.ToDictionary(p => p.Key, p => (object?)p.Value.TotalMilliseconds, StringComparer.Ordinal),
                ["loading"] = report.Loading.TotalMilliseconds,
                ["total"] = report.Total.TotalMilliseconds,
            },
            ["warnings"] = result.Warnings.Select(w => (object?)ErrorData.ToData(w)).ToList(),
        };
        if (secrets is not null)
        {
            data["secrets"] = secrets;
        }
        return JsonOutput.Write(data, indented: false);
    }

    public static ConfigResult Read(string json)
    {
        var fields = new DataFields(PlainJson.Parse(json, "result"), "result");
        if (fields.Optional("format") != Format)
        {
            throw new FormatException(Messages.BadSnapshot("result", $"'format' must be \"{Format}\""));
        }
        SecretTable.AdoptAll(fields.Raw("secrets"));
        var values = (Dictionary<string, object?>)PlainJson.Untag(fields.Map("values"))!;
        var names = fields.Strings("names");
        var provenance = fields.List("provenance").Select(ReadProvenance).ToDictionary(p => p.Name, StringComparer.Ordinal);
        var report = new DataFields(fields.Raw("report"), "result report");
        var durations = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (name, value) in report.Map("durations"))
        {
            durations[name] = Milliseconds(value is double d ? d : value is long l ? l : throw new FormatException(Messages.BadSnapshot("result report", "durations must be numbers")));
        }
        var evaluation = new EvaluationReport(
            report.Strings("ran"), report.Strings("reused"), report.Strings("replaced"), report.Strings("changed"), report.Strings("modulesLoaded"), report.Strings("modulesRemoved"),
            () => durations, Milliseconds(report.Double("loading")), Milliseconds(report.Double("total"))) { ChecksPassed = report.Strings("checksPassed") };
        var warnings = fields.List("warnings").Select(ErrorData.Error).ToList();
        return new ConfigResult(names, null, new DataValues(values), () => provenance, evaluation, warnings);
    }

    // Durations travel as milliseconds; rounding to the nearest tick gives back the exact TimeSpan.
    private static TimeSpan Milliseconds(double value) => TimeSpan.FromTicks((long)Math.Round(value * TimeSpan.TicksPerMillisecond));

    public static Dictionary<string, object?> Provenance(ConfigProvenance provenance)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = provenance.Name,
            ["function"] = provenance.Function,
        };
        ErrorData.AddLocation(data, provenance.Location);
        data["replacedByInput"] = provenance.ReplacedByInput;
        data["parameters"] = provenance.Parameters.Select(p =>
        {
            var parameter = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = p.Name,
                ["source"] = p.Source.ToString(),
                ["config"] = p.Config,
                ["default"] = p.Default,
            };
            ErrorData.AddLocation(parameter, p.Location);
            return (object?)parameter;
        }).ToList();
        return data;
    }

    public static ConfigProvenance ReadProvenance(object? item)
    {
        var fields = new DataFields(item, "provenance");
        var location = ErrorData.Location(fields) ?? throw new FormatException(Messages.BadSnapshot("provenance", "'file' is missing"));
        return new ConfigProvenance(fields.String("name"), fields.String("function"), location, ReadParameters(fields), fields.Bool("replacedByInput"));
    }

    public static Dictionary<string, object?> Provenance(CheckProvenance check)
    {
        var data = Provenance(new ConfigProvenance(check.Name, check.Function, check.Location, check.Parameters, false));
        data.Remove("replacedByInput");
        data["each"] = check.Each?.Cast<object?>().ToList();
        return data;
    }

    public static CheckProvenance ReadCheckProvenance(object? item)
    {
        var fields = new DataFields(item, "check");
        var location = ErrorData.Location(fields) ?? throw new FormatException(Messages.BadSnapshot("check", "'file' is missing"));
        return new CheckProvenance(fields.String("name"), fields.String("function"), location, ReadParameters(fields), fields.Raw("each") is null ? null : fields.Strings("each"));
    }

    private static List<ParameterProvenance> ReadParameters(DataFields fields) =>
        fields.List("parameters").Select(p =>
        {
            var parameter = new DataFields(p, "provenance parameter");
            return new ParameterProvenance(parameter.String("name"), parameter.Enum<ValueSource>("source"), parameter.Optional("config"), ErrorData.Location(parameter), parameter.Optional("default"));
        }).ToList();
}
