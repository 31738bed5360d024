using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Astegni.Chat.TestSupport;

/// <summary>Counts the SQL commands a DbContext sends: proves "one round trip per page".</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public List<string> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        lock (Commands)
        {
            Commands.Add(command.CommandText);
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        lock (Commands)
        {
            Commands.Clear();
        }
    }
}
