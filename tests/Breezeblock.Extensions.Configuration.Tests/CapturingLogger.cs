using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Breezeblock.Extensions.Configuration.Tests;

/// <summary>Keeps every log entry with its category and scopes, for tests to read.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, string Scopes)> Entries { get; } = new();

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
            provider.Entries.Enqueue((category, logLevel, formatter(state, exception), string.Join(" => ", Scopes.Value ?? [])));

        private sealed class Pop(List<object> scopes) : IDisposable
        {
            public void Dispose() => scopes.RemoveAt(scopes.Count - 1);
        }
    }
}
