using Xunit;

namespace Breezeblock.Testing;

/// <summary>
/// A config folder that uses secrets every way config code can: a secret input, a secret made in code,
/// text built from both (f-strings, +, join), printing and logging them, and a config that fails with
/// one (and its revealed value) in its message, and a test file whose check fails with both in the
/// values of its assertion (with the input strict). Tests search every output for the plaintexts.
/// </summary>
internal static class SecretFixture
{
    /// <summary>The secret input <c>db_password</c>'s value.</summary>
    public const string Password = "Tr0ub4dor&3-fixture";

    /// <summary>The value config code wraps in <c>secret()</c> itself.</summary>
    public const string Token = "tok_live_4f9c2b7e8d1a";

    public static readonly string[] Plaintexts = [Password, Token];

    /// <summary>The configs that succeed (<c>failing</c> fails, with both secrets in its message).</summary>
    public static readonly string[] Working = ["database", "api", "web"];

    public static TempFolder Folder() => new(
        ("base.py", $$"""
            import logging
            from breezeblock import configure, secret

            API_TOKEN = secret("{{Token}}")

            @configure
            def database(db_password, host="db.internal"):
                print(f"connecting to {host} with {db_password}")
                logging.getLogger("app").warning("password is %s", db_password)
                return {"host": host, "password": db_password, "dsn": f"postgresql://app:{db_password}@{host}:5432/app"}

            @configure
            def api():
                return {"token": API_TOKEN, "header": "Bearer " + API_TOKEN, "tokens": [API_TOKEN], "joined": ",".join(["x", API_TOKEN])}
            """),
        ("web.py", """
            from breezeblock import configure

            @configure
            def web(database, api):
                return {"db": database["dsn"], "auth": api["header"], "replicas": 2}
            """),
        ("web_test.py", """
            from breezeblock import check

            @check
            def no_password_in_the_dsn(web, database, strict):
                value = database["password"].reveal()
                if strict:
                    assert web["db"] == value, "the dsn is not just the password"
            """),
        ("failing.py", """
            from breezeblock import configure

            @configure
            def failing(db_password, api):
                value = db_password.reveal()
                raise ValueError(f"rejected {db_password} (was {value}, token {api['token'].reveal()})")
            """));

    /// <summary>Fails when <paramref name="text"/> holds a secret's plaintext; <paramref name="where"/> names the output.</summary>
    public static void AssertNoPlaintext(string text, string where)
    {
        foreach (var plaintext in Plaintexts)
        {
            Assert.False(text.Contains(plaintext, StringComparison.Ordinal), $"{where} shows the secret {plaintext}:\n{text}");
        }
        Assert.False(text.Contains("(secret:", StringComparison.Ordinal), $"{where} shows a secret's placeholder instead of its marker:\n{text}");
    }
}
