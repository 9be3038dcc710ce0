namespace Breezeblock;

/// <summary>A <see cref="ConfigCheck"/> as plain JSON and back, as the isolated worker sends it.</summary>
internal static class CheckSnapshot
{
    private const string Format = "breezeblock-check/1";

    public static string Write(ConfigCheck check) => JsonOutput.Write(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["format"] = Format,
        ["configs"] = check.Configs.Select(c => (object?)ResultSnapshot.Provenance(c)).ToList(),
        ["checks"] = check.Checks.Select(c => (object?)ResultSnapshot.Provenance(c)).ToList(),
        ["errors"] = check.Errors.Select(e => (object?)ErrorData.ToData(e)).ToList(),
        ["warnings"] = check.Warnings.Select(w => (object?)ErrorData.ToData(w)).ToList(),
        ["duration"] = check.Duration.TotalMilliseconds,
        ["schemas"] = check.Schemas.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
    }, indented: false);

    public static ConfigCheck Read(string json)
    {
        var fields = new DataFields(PlainJson.Parse(json, "check"), "check");
        if (fields.Optional("format") != Format)
        {
            throw new FormatException(Messages.BadSnapshot("check", $"'format' must be \"{Format}\""));
        }
        return new ConfigCheck(
            fields.List("configs").Select(ResultSnapshot.ReadProvenance).ToList(),
            fields.List("errors").Select(ErrorData.Error).ToList(),
            fields.List("warnings").Select(ErrorData.Error).ToList(),
            TimeSpan.FromMilliseconds(fields.Double("duration")),
            fields.List("checks").Select(ResultSnapshot.ReadCheckProvenance).ToList(),
            fields.Map("schemas").ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal));
    }
}
