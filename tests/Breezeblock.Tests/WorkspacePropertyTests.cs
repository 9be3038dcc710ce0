using System.Text;
using CsCheck;

namespace Breezeblock.Tests;

/// <summary>
/// Random folders under random sequences of edits (change a constant or a comment, add or remove a
/// config, add or remove an import, break a module and fix it, rename a file): after every edit the
/// workspace gives exactly what a fresh evaluation of the folder gives (the same values, or the same
/// errors), and its report ran exactly the configs the edit affected (see <see cref="WorkspaceModel"/>).
/// </summary>
[Trait("Category", "Smoke")]
public sealed class WorkspacePropertyTests(EngineFixture fixture)
{
    private static readonly Gen<WorkspaceModel.Edit> Edit =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 999], Gen.Int[0, 999], (kind, a, b) => new WorkspaceModel.Edit(kind, a, b));

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Int[1, 5], Edit.Array[1, 30], (modules, edits) => new Case(modules, edits));

    [Fact]
    public void After_every_edit_the_workspace_equals_a_fresh_evaluation_and_ran_what_was_affected()
    {
        using var engine = fixture.Engine();
        Cases.Sample(c => Check(engine, c.Modules, c.Edits), iter: 60, threads: 1, print: c => c.ToString());
    }

    private sealed record Case(int Modules, WorkspaceModel.Edit[] Edits)
    {
        public override string ToString() => $"{Modules} modules, edits {string.Join(" ", Edits)}";
    }

    private static void Check(ConfigEngine engine, int modules, WorkspaceModel.Edit[] edits)
    {
        var model = new WorkspaceModel(modules);
        using var folder = new TempFolder();
        model.Write(folder);
        using var workspace = engine.OpenWorkspace(folder.Path);
        var history = new StringBuilder();
        for (var step = -1; step < edits.Length; step++)
        {
            if (step >= 0)
            {
                model.Apply(edits[step]);
                model.Write(folder);
            }
            history.Append(step < 0 ? "start" : $" {edits[step]}");
            var expectedRan = model.Evaluate();
            var (incremental, incrementalRan) = Evaluate(() => workspace.Evaluate());
            var (fresh, _) = Evaluate(() => engine.Evaluate(folder.Path));
            Assert.True(incremental == fresh, $"after {history}: the workspace gave\n{incremental}\nbut a fresh evaluation gave\n{fresh}");
            if (expectedRan is null)
            {
                Assert.True(incrementalRan is null, $"after {history}: the model expected a failure, the workspace gave\n{incremental}");
                continue;
            }
            var expected = "{" + string.Join(",", model.Values().Select(p => $"\"{p.Key}\":{p.Value}")) + "}";
            Assert.True(expected == fresh, $"after {history}: expected {expected}, got {fresh}");
            Assert.True(expectedRan.SequenceEqual(incrementalRan!), $"after {history}: ran [{string.Join(", ", incrementalRan!)}], expected [{string.Join(", ", expectedRan)}]");
        }
    }

    private static (string Output, IReadOnlyList<string>? Ran) Evaluate(Func<ConfigResult> evaluate)
    {
        try
        {
            using var result = evaluate();
            return (result.ToJson(indented: false), result.Report.Ran.Order(StringComparer.Ordinal).OrderBy(n => int.Parse(n[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList());
        }
        catch (ConfigException e)
        {
            return (e.Message, null);
        }
    }
}
