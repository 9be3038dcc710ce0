using System.Text.Json.Nodes;

namespace Breezeblock.Tests;

public sealed class Credentials
{
    public required string User { get; set; }
    public SecretString? Password { get; set; }
    public string? Note { get; set; }
}

public sealed class DatabaseOptions
{
    public string Host { get; set; } = "";
    public string Password { get; set; } = "";
    public SecretString? Dsn { get; set; }
}

/// <summary>
/// Secrets through the library: masked in every text the engine writes or shows (JSON, YAML, snapshots,
/// errors, captured output), values for what the application reads (Get, Get&lt;T&gt;, SecretString),
/// and through host types and functions.
/// </summary>
public sealed class SecretTests(EngineFixture fixture)
{
    private ConfigEngine Engine(string password = SecretFixture.Password, List<PythonOutput>? output = null)
    {
        var options = fixture.Options();
        options.Secrets["db_password"] = password;
        if (output is not null)
        {
            options.Output = output.Add;
        }
        return new ConfigEngine(options);
    }

    [Fact]
    public void Every_text_output_masks_secret_inputs_and_secrets_made_in_code()
    {
        using var folder = SecretFixture.Folder();
        var output = new List<PythonOutput>();
        using var engine = Engine(output: output);
        using var result = engine.Evaluate(folder.Path, SecretFixture.Working);
        var json = JsonNode.Parse(result.ToJson())!;
        Assert.Equal("(secret)", (string?)json["database"]!["password"]);
        Assert.Equal("postgresql://app:(secret)@db.internal:5432/app", (string?)json["database"]!["dsn"]);
        Assert.Equal("Bearer (secret)", (string?)json["api"]!["header"]);
        Assert.Equal("""["(secret)"]""", json["api"]!["tokens"]!.ToJsonString());
        Assert.Equal("x,(secret)", (string?)json["api"]!["joined"]);
        Assert.Equal("postgresql://app:(secret)@db.internal:5432/app", (string?)json["web"]!["db"]);
        using var stream = new MemoryStream();
        result.WriteJson(stream);
        var snapshot = result.ToSnapshotJson();
        var texts = new Dictionary<string, string>
        {
            ["ToJson"] = result.ToJson(),
            ["WriteJson"] = System.Text.Encoding.UTF8.GetString(stream.ToArray()),
            ["ToJson(name)"] = result.ToJson("web"),
            ["ToYaml"] = result.ToYaml(),
            ["ToYaml(name)"] = result.ToYaml("database"),
            ["ToSnapshotJson"] = snapshot,
            ["the snapshot's result"] = ConfigResult.FromSnapshotJson(snapshot).ToJson(),
            ["captured output"] = string.Join("\n", output.Select(o => o.Message)),
        };
        foreach (var (where, text) in texts)
        {
            SecretFixture.AssertNoPlaintext(text, where);
        }
        Assert.Contains("password: \"(secret)\"", texts["ToYaml(name)"]);
        Assert.Equal(["connecting to db.internal with (secret)", "password is (secret)"], output.Select(o => o.Message));
    }

    [Fact]
    public void The_application_reads_the_values()
    {
        using var folder = SecretFixture.Folder();
        using var engine = Engine();
        using var result = engine.Evaluate(folder.Path, SecretFixture.Working);
        var database = (Dictionary<string, object?>)result.Get("database")!;
        Assert.Equal(SecretFixture.Password, database["password"]);
        var api = (Dictionary<string, object?>)result.Get(["api"], PlainDataStyle.Binding)["api"]!;
        Assert.Equal(SecretFixture.Token, ((List<object?>)api["tokens"]!)[0]);
        var options = result.Get<DatabaseOptions>("database");
        Assert.Equal(SecretFixture.Password, options.Password);
        Assert.Equal($"postgresql://app:{SecretFixture.Password}@db.internal:5432/app", options.Dsn!.Reveal());
        Assert.Equal("(secret)", options.Dsn.ToString());
        var revealed = JsonNode.Parse(result.ToJson(secrets: SecretOutput.Revealed))!;
        Assert.Equal($"Bearer {SecretFixture.Token}", (string?)revealed["api"]!["header"]);
        using var stream = new MemoryStream();
        result.WriteJson(stream, secrets: SecretOutput.Revealed);
        Assert.Contains($"postgresql://app:{SecretFixture.Password}@db.internal", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        Assert.Contains($"password: \"{SecretFixture.Password}\"", result.ToYaml("database", SecretOutput.Revealed));
    }

    [Fact]
    public void Errors_mask_secrets_and_revealed_values_in_their_message_and_source_lines()
    {
        using var folder = SecretFixture.Folder();
        using var engine = Engine();
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["failing"])).Errors.Single();
        Assert.Equal("ValueError: rejected (secret) (was (secret), token (secret))", error.Message);
        Assert.Equal("failing.py:6", error.Location?.ToString());
        SecretFixture.AssertNoPlaintext(error.ToString(), "the error's text");
        SecretFixture.AssertNoPlaintext(error.ToJson(), "the error's JSON");
        SecretFixture.AssertNoPlaintext(ConfigError.FromJson(error.ToJson()).ToString(), "the error rebuilt from JSON");

        // a secret written in the source is masked in the traceback's source line too
        using var literal = new TempFolder(("app.py", $"from breezeblock import configure, secret\n\n@configure\ndef app():\n    raise ValueError(secret('{SecretFixture.Token}'))\n"));
        var literalError = Assert.Throws<ConfigException>(() => engine.Evaluate(literal.Path)).Errors.Single();
        Assert.Equal("ValueError: (secret)", literalError.Message);
        Assert.Equal("raise ValueError(secret('(secret)'))", literalError.Frames[0].SourceLine);
    }

    [Fact]
    public void Hashed_markers_tell_whether_a_secret_changed_without_showing_it()
    {
        using var folder = SecretFixture.Folder();
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        string Password(string value)
        {
            using var engine = Engine(value);
            using var result = engine.Evaluate(folder.Path, ["database"]);
            return (string)JsonNode.Parse(result.ToJson(secrets: SecretOutput.Hashed(key)))!["database"]!["password"]!;
        }
        var first = Password(SecretFixture.Password);
        Assert.Matches("^\\(secret [0-9a-f]{16}\\)$", first);
        Assert.Equal(first, Password(SecretFixture.Password));
        Assert.NotEqual(first, Password(SecretFixture.Password + "!"));
        Assert.Throws<ArgumentException>(() => SecretOutput.Hashed(new byte[8]));
    }

    [Fact]
    public void A_changed_secret_runs_what_uses_it_again_and_an_unchanged_one_reuses_it()
    {
        using var folder = SecretFixture.Folder();
        var options = fixture.Options();
        options.Secrets["db_password"] = SecretFixture.Password;
        using var engine = new ConfigEngine(options);
        using var workspace = engine.OpenWorkspace(folder.Path);
        workspace.Evaluate(SecretFixture.Working).Dispose();
        using (var same = workspace.Evaluate(SecretFixture.Working))
        {
            Assert.Empty(same.Report.Ran);
        }
        options.Secrets["db_password"] = "rotated-password";
        using var rotated = workspace.Evaluate(SecretFixture.Working);
        Assert.Equal(["database", "web"], rotated.Report.Ran);
        Assert.Equal("rotated-password", ((Dictionary<string, object?>)rotated.Get("database")!)["password"]);
    }

    [Fact]
    public void A_SecretString_input_is_a_secret_and_a_secret_default_is_masked_in_provenance()
    {
        var options = fixture.Options(new Dictionary<string, object?> { ["db_password"] = new SecretString(SecretFixture.Password) });
        using var engine = new ConfigEngine(options);
        using var folder = new TempFolder(("app.py", $$"""
            from breezeblock import configure, secret, Secret

            @configure
            def app(db_password, token=secret("{{SecretFixture.Token}}")):
                assert isinstance(db_password, Secret)
                return {"auth": f"{db_password}/{token}"}
            """));
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"app":{"auth":"(secret)/(secret)"}}""", result.ToJson(indented: false));
        Assert.Equal($"{SecretFixture.Password}/{SecretFixture.Token}", result.Get<Dictionary<string, string>>("app")["auth"]);
        Assert.Equal("(secret)", result.Provenance["app"].Parameters[1].Default);
    }

    [Fact]
    public void A_name_given_as_an_input_and_as_a_secret_is_an_error()
    {
        using var folder = SecretFixture.Folder();
        var options = fixture.Options(new Dictionary<string, object?> { ["db_password"] = "plain" });
        options.Secrets["db_password"] = SecretFixture.Password;
        using var engine = new ConfigEngine(options);
        var error = Assert.Throws<ConfigException>(() => engine.Evaluate(folder.Path, ["database"])).Errors.Single();
        Assert.Equal((ConfigErrorKind.InvalidInput, Messages.SecretAlsoInput("db_password"), Messages.SecretAlsoInputHint), (error.Kind, error.Message, error.Hint));
    }

    [Fact]
    public void Host_types_take_secrets_in_SecretString_members_and_host_functions_return_them()
    {
        var options = fixture.Options();
        options.Secrets["db_password"] = SecretFixture.Password;
        options.AddHostModule("creds", module => module
            .AddType<Credentials>()
            .AddFunction("vault", (string key) => new SecretString($"{key}-{SecretFixture.Token}")));
        using var engine = new ConfigEngine(options);
        using var folder = new TempFolder(("app.py", """
            from breezeblock import configure, Secret
            from creds import Credentials, vault

            @configure
            def creds(db_password):
                assert isinstance(Credentials(user="u", password="x").password, Secret)
                return Credentials(user="app", password=db_password, note=f"pw {db_password}")

            @configure
            def login(creds):
                token = vault("api")
                assert isinstance(token, Secret) and isinstance(creds.password, Secret)
                return {"creds": creds, "token": token, "token_length": len(token.reveal())}
            """));
        using var result = engine.Evaluate(folder.Path);
        Assert.Equal("""{"user":"app","password":"(secret)","note":"pw (secret)"}""", result.ToJson("creds", indented: false));
        Assert.Equal("""{"creds":{"user":"app","password":"(secret)","note":"pw (secret)"},"token":"(secret)","token_length":25}""", result.ToJson("login", indented: false));
        Assert.Equal($"api-{SecretFixture.Token}", result.Get<Dictionary<string, object?>>("login")["token"]);
        var credentials = result.Get<Credentials>("creds");
        Assert.Equal(SecretFixture.Password, credentials.Password!.Reveal());
        Assert.Equal("(secret)", credentials.Password.ToString());
        Assert.StartsWith("pw (secret:", credentials.Note, StringComparison.Ordinal); // a plain string member holds the placeholder: SecretMasking.Redact shows it, SecretString receives the value
        Assert.Equal("pw (secret)", SecretMasking.Redact(credentials.Note!));
        Assert.Equal($"pw {SecretFixture.Password}", SecretMasking.Reveal(credentials.Note!));
    }
}
