using System.Text;
using BenchmarkDotNet.Attributes;

namespace Breezeblock.Benchmarks;

/// <summary>
/// What secrets cost: 1,000 configs (10 files of 100) evaluated and written as JSON the way the
/// command writes them (hashed markers), where 100 configs build connection strings from 100 inputs.
/// The baseline gives those inputs as plain inputs; the other run gives them as secrets, so each of
/// those configs' strings carries a placeholder that the output masks. BenchmarkDotNet runs each case
/// in its own process, so the baseline's process knows no secret at all.
/// </summary>
public class SecretBenchmarks
{
    private const int Configs = 1_000;
    private const int Secrets = 100;
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("a benchmark's key for hashing secrets");
    private string _folder = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("breezeblock-bench-secrets-").FullName;
        for (var file = 0; file < Configs / 100; file++)
        {
            var text = new StringBuilder("from breezeblock import configure\n\n");
            for (var i = file * 100; i < (file + 1) * 100; i++)
            {
                text.Append(i % (Configs / Secrets) == 0
                    ? $"@configure\ndef c{i}(password{i / (Configs / Secrets)}):\n    return {{\"name\": \"c{i}\", \"dsn\": f\"postgresql://app:{{password{i / (Configs / Secrets)}}}@db{i}.internal:5432/app\", \"tags\": [\"db\", \"c{i}\"], \"port\": {i}}}\n\n"
                    : $"@configure\ndef c{i}():\n    return {{\"name\": \"c{i}\", \"dsn\": \"postgresql://app@db{i}.internal:5432/app\", \"tags\": [\"svc\", \"c{i}\"], \"port\": {i}}}\n\n");
            }
            File.WriteAllText(Path.Combine(_folder, $"part{file:00}.py"), text.ToString());
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    private long Evaluate(bool secret)
    {
        var options = new ConfigOptions { BytecodeCacheDirectory = null };
        for (var i = 0; i < Secrets; i++)
        {
            var value = $"s3cret-password-number-{i:000}";
            if (secret)
            {
                options.Secrets[$"password{i}"] = value;
            }
            else
            {
                options.Inputs[$"password{i}"] = value;
            }
        }
        using var engine = new ConfigEngine(options);
        using var result = engine.Evaluate(_folder);
        using var output = new CountingStream();
        result.WriteJson(output, secrets: SecretOutput.Hashed(Key));
        return output.Length;
    }

    [Benchmark(Baseline = true, Description = "1,000 configs, 100 plain inputs, evaluated and written")]
    public long PlainInputs() => Evaluate(secret: false);

    [Benchmark(Description = "1,000 configs, 100 secret inputs, evaluated and written masked")]
    public long SecretInputs() => Evaluate(secret: true);

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
