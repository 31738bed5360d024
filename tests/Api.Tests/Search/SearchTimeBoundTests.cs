using System.Net;
using Astegni.Chat.Api.Tests.Calls;
using Npgsql;

namespace Astegni.Chat.Api.Tests.Search;

/// <summary>
/// A search that cannot finish within <c>Chat:SearchTimeout</c> is refused with a clear problem, never a
/// 500, and stops in the database instead of holding a connection until the command timeout.
/// </summary>
public sealed class SearchTimeBoundTests : ApiTest
{
    [Test]
    public async Task ASearchThatCannotFinishInTime_Is503SearchTimedOut_AndStopsInTheDatabase()
    {
        await using var service = new ConfiguredChatApiFactory(new Dictionary<string, string> { ["Chat:SearchTimeout"] = "00:00:00.300" });
        var me = service.User(await Db.AddUserAsync("Me"));
        var other = service.User(await Db.AddUserAsync("Other"));
        var conversationId = await me.OpenDirectIdAsync(other.Id);
        await other.SendOkAsync(conversationId, "ordinary lesson notes");

        HttpResponseMessage stalled;
        await using (var blocker = new NpgsqlConnection(Db.ConnectionString))
        {
            // Another session holds the messages table, so the search waits for as long as it is let.
            await blocker.OpenAsync();
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE chat_messages IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync();
            }

            stalled = await me.Http.GetAsync(new Uri("/api/chat/messages/search?q=ordinary", UriKind.Relative));
            Assert.That(await WaitingForTheLockAsync(blocker, transaction), Is.Zero, "the database stopped the search");
        }

        var afterwards = await me.GetJsonAsync("/api/chat/messages/search?q=ordinary");

        var problem = await stalled.ProblemAsync(HttpStatusCode.ServiceUnavailable, "search_timed_out");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("took too long"));
            Assert.That(afterwards["messages"]!.AsArray(), Has.Count.EqualTo(1), "the same search answers once the table is free");
        }
    }

    private static async Task<long> WaitingForTheLockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            connection,
            transaction);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
