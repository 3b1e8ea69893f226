using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MyService.Tests.Fuzz;

/// <summary>A logger provider that keeps every entry at Error or above: a client's mistake must log none.</summary>
public sealed class ErrorLogRecorder : ILoggerProvider
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, Errors);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name}");
            }
        }
    }
}
