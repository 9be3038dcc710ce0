using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>Keeps every log entry with its category and scopes, for tests to read.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly object _lock = new();

    public ConcurrentQueue<(string Category, LogLevel Level, string Message, string Scopes)> Entries { get; } = new();

    /// <summary>
    /// Waits for the <paramref name="count"/>th entry that <paramref name="match"/> accepts and returns it: each
    /// reload ends in a log entry, so tests wait for that event rather than for time to pass. The limit is a hang guard.
    /// </summary>
    public (string Category, LogLevel Level, string Message, string Scopes) WaitFor(Func<(string Category, LogLevel Level, string Message, string Scopes), bool> match, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        lock (_lock)
        {
            while (true)
            {
                var found = Entries.Where(match).ToList();
                if (found.Count >= count)
                {
                    return found[count - 1];
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"no log entry {count} matched within a minute; the log holds:\n{string.Join("\n", Entries.Select(e => e.Message))}");
                }
                Monitor.Wait(_lock, TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking again at each log entry (a reload ends in one)
    /// and every second; the minute is a hang guard, not a deadline the test relies on.
    /// </summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        lock (_lock)
        {
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{what}: not within a minute; the log holds:\n{string.Join("\n", Entries.Select(e => e.Message))}");
                }
                Monitor.Wait(_lock, TimeSpan.FromSeconds(1));
            }
        }
    }

    private void Add((string Category, LogLevel Level, string Message, string Scopes) entry)
    {
        lock (_lock)
        {
            Entries.Enqueue(entry);
            Monitor.PulseAll(_lock);
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        private static readonly AsyncLocal<List<object>> Scopes = new();

        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull
        {
            var scopes = Scopes.Value ??= [];
            scopes.Add(state);
            return new Pop(scopes);
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add((category, logLevel, formatter(state, exception), string.Join(" => ", Scopes.Value ?? [])));

        private sealed class Pop(List<object> scopes) : IDisposable
        {
            public void Dispose() => scopes.RemoveAt(scopes.Count - 1);
        }
    }
}
