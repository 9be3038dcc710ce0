namespace Breezeblock.Tests;

[Trait("Category", "Smoke")]
public sealed class StubTests(EngineFixture fixture)
{
    [Fact]
    public void Stubs_parse_with_pythons_ast_and_name_every_member_with_its_type()
    {
        var options = fixture.Options();
        options.AddHostModule("myapp", module => module
            .AddType<Service>()
            .AddType<Config>()
            .AddFunction("secret", (string key) => key)
            .AddFunction("scale", (int replicas, double factor = 2.0) => (int)(replicas * factor)));
        using var engine = new ConfigEngine(options);
        var directory = Directory.CreateTempSubdirectory("breezeblock-stubs-").FullName;
        try
        {
            var files = engine.WriteStubs(directory);
            Assert.Equal(["breezeblock.pyi", "myapp.pyi"], files.Select(Path.GetFileName));
            using (fixture.Runtime.Acquire())
            {
                using var globals = fixture.Runtime.CreateGlobals();
                globals.SetItem("directory", directory);
                fixture.Runtime.Execute("""
                    import ast, os
                    members = {}
                    for name in sorted(os.listdir(directory)):
                        tree = ast.parse(open(os.path.join(directory, name)).read(), name)
                        for node in tree.body:
                            if isinstance(node, ast.ClassDef):
                                for item in node.body:
                                    if isinstance(item, ast.AnnAssign):
                                        members[f"{node.name}.{item.target.id}"] = ast.unparse(item.annotation)
                                    elif isinstance(item, ast.Assign):
                                        members[f"{node.name}.{item.targets[0].id}"] = ast.unparse(item.value)
                                    elif isinstance(item, ast.FunctionDef) and item.name == "__init__":
                                        members[f"{node.name}.__init__"] = ast.unparse(item.args)
                            elif isinstance(node, ast.FunctionDef):
                                members[f"{name[:-4]}.{node.name}"] = f"({ast.unparse(node.args)}) -> {ast.unparse(node.returns)}"
                    """, "<stubs>", globals).Dispose();
                var members = (Dictionary<object, object?>)globals.GetItem("members").ToManaged()!;
                Assert.Equal(new Dictionary<object, object?>
                {
                    ["breezeblock.secret"] = "(value: str) -> Secret",
                    ["breezeblock.configure"] = "(func: None=None, /, *, name: Optional[str]=None) -> Callable[[_F], _F]",
                    ["Tier.BRONZE"] = "'Bronze'",
                    ["Tier.GOLD"] = "'Gold'",
                    ["Tier.DEEP_ARCHIVE"] = "'DeepArchive'",
                    ["Service.name"] = "str",
                    ["Service.replicas"] = "int",
                    ["Service.tier"] = "Tier",
                    ["Service.ports"] = "List[Port]",
                    ["Service.labels"] = "Dict[str, str]",
                    ["Service.ratio"] = "Optional[float]",
                    ["Service.timeout"] = "datetime.timedelta",
                    ["Service.score"] = "Optional[Callable[[str], int]]",
                    ["Service.http_port"] = "int",
                    ["Service.__init__"] = "self, *, name: str, replicas: int=..., tier: Tier=..., ports: List[Port]=..., labels: Dict[str, str]=..., ratio: Optional[float]=..., timeout: datetime.timedelta=..., score: Optional[Callable[[str], int]]=..., http_port: int=...",
                    ["Port.number"] = "int",
                    ["Port.protocol"] = "str",
                    ["Port.__init__"] = "self, *, number: int=..., protocol: str=...",
                    ["Config.name"] = "str",
                    ["Config.__init__"] = "self, name: str",
                    ["myapp.secret"] = "(key: str) -> str",
                    ["myapp.scale"] = "(replicas: int, factor: float=...) -> int",
                }, members);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
